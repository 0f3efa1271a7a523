-- A new letter kind, information (the request for information, which asks the complainant for
-- what a request recorded), needs the kind check widened: SQLite rebuilds the table. Its columns
-- stay the same and in the same order, so every letter keeps the hash its audit trail
-- recorded. The program runs a migration that drops a table with foreign keys off, and checks
-- them before it commits (applyMigration), as SQLite's procedure for a rebuild asks: the
-- consents, shares and statements that name a letter keep naming it.
CREATE TABLE letters_new (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind         TEXT NOT NULL CHECK (kind IN ('acknowledgement', 'information', 'progress', 'outcome', 'consent', 'confidentiality', 'withdrawal')),
    version      INTEGER NOT NULL CHECK (version >= 1),
    language     TEXT NOT NULL CHECK (language IN ('nl', 'en')),
    created_at   TEXT NOT NULL,
    pdf          BLOB NOT NULL,
    sha256       TEXT NOT NULL,
    sent_on      TEXT,
    sent_via     TEXT CHECK (sent_via IS NULL OR sent_via IN ('post', 'email', 'hand')),
    contact_id   INTEGER REFERENCES contacts (id),
    asks_consent INTEGER NOT NULL DEFAULT 0 CHECK (asks_consent IN (0, 1)),
    expert_id    INTEGER REFERENCES experts (id),
    CHECK ((sent_on IS NULL) = (sent_via IS NULL)),
    UNIQUE (complaint_id, kind, version)
);
INSERT INTO letters_new (id, complaint_id, kind, version, language, created_at, pdf, sha256, sent_on, sent_via, contact_id,
    asks_consent, expert_id)
SELECT id, complaint_id, kind, version, language, created_at, pdf, sha256, sent_on, sent_via, contact_id, asks_consent, expert_id
FROM letters;
DROP TABLE letters;
ALTER TABLE letters_new RENAME TO letters;
CREATE INDEX letters_complaint ON letters (complaint_id, kind, sent_on, contact_id, created_at);
