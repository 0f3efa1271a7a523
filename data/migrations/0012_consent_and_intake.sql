-- Who complains and the expert: a phone complaint's explicit request for the formal procedure,
-- anonymous complaints, consent asked / given / refused with the documents it names, the
-- confidentiality statement per complaint and the documents each share sent.
-- (Reserved as 0011; named 0012 here because main gave 0011 to register_speed.)

ALTER TABLE complaints ADD COLUMN taken_by TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN explicit_request INTEGER NOT NULL DEFAULT 0 CHECK (explicit_request IN (0, 1));
ALTER TABLE complaints ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1));

-- A letter that asks the complainant's consent (the consent letter, or an acknowledgement with
-- the consent form enclosed), and the expert a confidentiality statement is addressed to.
ALTER TABLE letters ADD COLUMN asks_consent INTEGER NOT NULL DEFAULT 0 CHECK (asks_consent IN (0, 1));
ALTER TABLE letters ADD COLUMN expert_id INTEGER REFERENCES experts (id);

-- A consent row is the complainant's answer: given (for every document, or for the documents
-- listed in consent_documents) or refused. Rows written before this migration keep their scope
-- as free text only and name no document, so they cover no share.
ALTER TABLE consents ADD COLUMN refused INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1));
ALTER TABLE consents ADD COLUMN all_documents INTEGER NOT NULL DEFAULT 0 CHECK (all_documents IN (0, 1));

CREATE TABLE consent_documents (
    id            INTEGER PRIMARY KEY,
    consent_id    INTEGER NOT NULL REFERENCES consents (id),
    letter_id     INTEGER REFERENCES letters (id),
    attachment_id INTEGER REFERENCES attachments (id),
    CHECK ((letter_id IS NULL) <> (attachment_id IS NULL))
);
CREATE INDEX consent_documents_consent ON consent_documents (consent_id);

CREATE TABLE share_documents (
    id            INTEGER PRIMARY KEY,
    share_id      INTEGER NOT NULL REFERENCES shares (id),
    letter_id     INTEGER REFERENCES letters (id),
    attachment_id INTEGER REFERENCES attachments (id),
    CHECK ((letter_id IS NULL) <> (attachment_id IS NULL))
);
CREATE INDEX share_documents_share ON share_documents (share_id);

-- The confidentiality statement an expert signed for one complaint, after its statement letter.
CREATE TABLE statements (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    expert_id    INTEGER NOT NULL REFERENCES experts (id),
    letter_id    INTEGER NOT NULL REFERENCES letters (id),
    signed_on    TEXT NOT NULL
);
CREATE INDEX statements_complaint ON statements (complaint_id, expert_id);
