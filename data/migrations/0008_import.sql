-- Complaints taken over from a practice's earlier register (a spreadsheet): where they came
-- from, the reference they had there, and the target date before any extension, which the
-- sheet may give while the extensions themselves are not known.
ALTER TABLE complaints ADD COLUMN imported_event INTEGER REFERENCES events (id);
ALTER TABLE complaints ADD COLUMN imported_from TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN imported_line INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN original_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN original_due_on TEXT;
-- Importing the same sheet again finds the rows already there by their reference.
CREATE INDEX complaints_original_reference ON complaints (original_reference) WHERE original_reference != '';
