-- Letters: every generated PDF is kept with its fingerprint, so a reprint gives the very bytes
-- that were sent. Regenerating adds a version; old versions stay.
CREATE TABLE letters (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind         TEXT NOT NULL CHECK (kind IN ('acknowledgement', 'progress', 'outcome', 'consent', 'confidentiality')),
    version      INTEGER NOT NULL CHECK (version >= 1),
    language     TEXT NOT NULL CHECK (language IN ('nl', 'en')),
    created_at   TEXT NOT NULL,
    pdf          BLOB NOT NULL,
    sha256       TEXT NOT NULL,
    sent_on      TEXT,
    sent_via     TEXT CHECK (sent_via IS NULL OR sent_via IN ('post', 'email', 'hand')),
    contact_id   INTEGER REFERENCES contacts (id),
    CHECK ((sent_on IS NULL) = (sent_via IS NULL)),
    UNIQUE (complaint_id, kind, version)
);
CREATE INDEX letters_complaint ON letters (complaint_id, kind);
