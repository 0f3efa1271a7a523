-- An attachment's number is never given again. A document taken off a complaint (detach) left
-- its number free, and SQLite gave it to the next one when it was the highest: the audit
-- trail's "bijlage 1" then meant two documents. AUTOINCREMENT keeps the highest number ever
-- used (in sqlite_sequence), which for a register made before is the highest still there or
-- named by the removal of one (or by the erasure record of a removal anonymised since). SQLite rebuilds the table for it; its columns stay the same and
-- in the same order, so every attachment keeps the hash its audit trail recorded.
CREATE TABLE attachments_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    name         TEXT NOT NULL,
    media_type   TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    content      BLOB NOT NULL,
    added_at     TEXT NOT NULL
);
INSERT INTO attachments_new (id, complaint_id, name, media_type, size, sha256, content, added_at)
SELECT id, complaint_id, name, media_type, size, sha256, content, added_at FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX attachments_complaint ON attachments (complaint_id);
DELETE FROM sqlite_sequence WHERE name IN ('attachments', 'attachments_new');
INSERT INTO sqlite_sequence (name, seq)
SELECT 'attachments', max(coalesce((SELECT max(id) FROM attachments), 0),
    coalesce((SELECT max(json_extract(p.payload, '$.id')) FROM events e JOIN event_payloads p ON p.event_id = e.id
        WHERE e.kind = 'attachment_removed'), 0),
    -- A removal's payload is erased when its complaint is anonymised; the erasure record keeps
    -- the numbers of the rows whose history it removed.
    coalesce((SELECT max(json_extract(r.value, '$.key')) FROM events e JOIN event_payloads p ON p.event_id = e.id,
        json_each(p.payload, '$.rows') er, json_each(er.value, '$.rows') r
        WHERE e.kind = 'payload_erased' AND json_extract(r.value, '$.table') = 'attachments'), 0));
