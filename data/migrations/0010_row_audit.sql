-- Verify sees every state row. Triggers (installed by the program from its list of tracked
-- tables, see data/rowaudit.go) note each inserted, changed or removed row in pending_rows with
-- the hash of the row before and after; the next audit event moves those notes into event_rows
-- and its chain hash covers them. Verify then compares every row with the last hash its events
-- recorded, and each recorded "before" with the "after" of the event before it.
ALTER TABLE events ADD COLUMN rows_sha256 TEXT NOT NULL DEFAULT '';

CREATE TABLE event_rows (
    event_id INTEGER NOT NULL REFERENCES events (id),
    tbl      TEXT NOT NULL,
    row_key  NOT NULL,
    before   BLOB,
    after    BLOB,
    PRIMARY KEY (event_id, tbl, row_key)
) WITHOUT ROWID;
CREATE INDEX event_rows_row ON event_rows (tbl, row_key);

CREATE TRIGGER event_rows_append_only_update BEFORE UPDATE ON event_rows
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: event rows cannot be changed');
END;

CREATE TRIGGER event_rows_append_only_delete BEFORE DELETE ON event_rows
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: event rows cannot be deleted');
END;

-- Rows changed in the current transaction and not yet recorded by an event. Empty between
-- transactions.
CREATE TABLE pending_rows (
    tbl     TEXT NOT NULL,
    row_key NOT NULL,
    before  BLOB,
    after   BLOB,
    PRIMARY KEY (tbl, row_key)
) WITHOUT ROWID;
