-- The deadline regime is frozen per complaint when it is filed, so changing the setting later
-- moves no open complaint's deadlines. Complaints filed before this version take the regime
-- the register has now.
ALTER TABLE complaints ADD COLUMN deadline_policy TEXT NOT NULL DEFAULT '';
UPDATE complaints SET deadline_policy = coalesce((SELECT value FROM settings WHERE key = 'deadline_policy'), 'month')
    WHERE formal = 1;
-- An extension recorded after the target date it replaced had passed is late: the complainant
-- was not told before the date they were promised. It stays on record as a breach.
ALTER TABLE extensions ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1));
UPDATE extensions SET late = (extended_on > previous_due_on);
