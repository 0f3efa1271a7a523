-- Letters fit to send unchanged: how the complainant, a representative (gemachtigde) and an
-- expert are addressed, the description the letters use instead of the internal summary, the
-- language of each complaint's letters, the expert's postal address and the withdrawal letter.
-- (Reserved as 0008, which main gave the import; numbered 0009, the next free number.)

ALTER TABLE complaints ADD COLUMN salutation TEXT NOT NULL DEFAULT ''
    CHECK (salutation IN ('', 'mevrouw', 'heer', 'neutral'));
ALTER TABLE complaints ADD COLUMN initials TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN surname TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN letter_description TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'));
UPDATE complaints SET language = 'en' WHERE (SELECT value FROM settings WHERE key = 'language') = 'en';

-- The representative who files for the complainant; rep_name '' means none. Letters go to them.
ALTER TABLE complaints ADD COLUMN rep_name TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_salutation TEXT NOT NULL DEFAULT ''
    CHECK (rep_salutation IN ('', 'mevrouw', 'heer', 'neutral'));
ALTER TABLE complaints ADD COLUMN rep_initials TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_surname TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_address_line1 TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_address_line2 TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_city TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_country TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_email TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_phone TEXT NOT NULL DEFAULT '';

ALTER TABLE experts ADD COLUMN salutation TEXT NOT NULL DEFAULT ''
    CHECK (salutation IN ('', 'mevrouw', 'heer', 'neutral'));
ALTER TABLE experts ADD COLUMN initials TEXT NOT NULL DEFAULT '';
ALTER TABLE experts ADD COLUMN surname TEXT NOT NULL DEFAULT '';
ALTER TABLE experts ADD COLUMN title TEXT NOT NULL DEFAULT '';        -- before the name: prof. dr.
ALTER TABLE experts ADD COLUMN title_after TEXT NOT NULL DEFAULT '';  -- after the name: RA
ALTER TABLE experts ADD COLUMN address_line1 TEXT NOT NULL DEFAULT '';
ALTER TABLE experts ADD COLUMN address_line2 TEXT NOT NULL DEFAULT '';
ALTER TABLE experts ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE experts ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE experts ADD COLUMN country TEXT NOT NULL DEFAULT '';

-- A new letter kind, withdrawal, needs the kind check widened: SQLite rebuilds the table.
CREATE TABLE letters_new (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind         TEXT NOT NULL CHECK (kind IN ('acknowledgement', 'progress', 'outcome', 'consent', 'confidentiality', 'withdrawal')),
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
INSERT INTO letters_new SELECT id, complaint_id, kind, version, language, created_at, pdf, sha256, sent_on, sent_via, contact_id FROM letters;
DROP TABLE letters;
ALTER TABLE letters_new RENAME TO letters;
CREATE INDEX letters_complaint ON letters (complaint_id, kind);
