-- Privacy over time: a legal hold keeps a complaint out of anonymisation, and the day it was
-- anonymised marks a complaint whose personal data is gone (NULL while it is kept).
ALTER TABLE complaints ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1));
ALTER TABLE complaints ADD COLUMN hold_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN anonymised_on TEXT;

-- Anonymising erases the row images (event_rows) of the complaint's earlier events. The audit
-- trail stays append-only for everything else: a row image may only be deleted while the
-- erasing transaction names it in erasing_rows, which is empty between transactions. The
-- payload_erased event of that transaction records which images went (see data/verify.go).
CREATE TABLE erasing_rows (
    event_id INTEGER NOT NULL,
    tbl      TEXT NOT NULL,
    row_key  NOT NULL,
    UNIQUE (event_id, tbl, row_key)
);

DROP TRIGGER event_rows_append_only_delete;
CREATE TRIGGER event_rows_append_only_delete BEFORE DELETE ON event_rows
WHEN NOT EXISTS (SELECT 1 FROM erasing_rows WHERE event_id = OLD.event_id AND tbl = OLD.tbl AND row_key = OLD.row_key)
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: event rows cannot be deleted');
END;

CREATE INDEX complaints_retention ON complaints (status, anonymised_on) WHERE status IN ('closed', 'withdrawn');
