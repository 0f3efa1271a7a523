-- The register: complaints, their procedure, experts, attachments, settings and the audit trail.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One counter per year of receipt, so a reference is never handed out twice, even after deletion.
CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE complaints (
    id               INTEGER PRIMARY KEY,
    reference        TEXT NOT NULL UNIQUE,
    received_on      TEXT NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('conversation', 'phone', 'letter', 'email', 'other')),
    formal           INTEGER NOT NULL CHECK (formal IN (0, 1)),
    filed_on         TEXT,
    subject          TEXT NOT NULL CHECK (subject IN ('employee', 'service', 'organisation', 'other')),
    person_named     TEXT NOT NULL DEFAULT '',
    handler          TEXT NOT NULL DEFAULT '',
    summary          TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    desired_outcome  TEXT NOT NULL DEFAULT '',
    complainant_name TEXT NOT NULL,
    address_line1    TEXT NOT NULL DEFAULT '',
    address_line2    TEXT NOT NULL DEFAULT '',
    postcode         TEXT NOT NULL DEFAULT '',
    city             TEXT NOT NULL DEFAULT '',
    country          TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL CHECK (status IN ('informal', 'received', 'acknowledged', 'extended', 'resolved', 'closed', 'withdrawn')),
    ack_due_on       TEXT,
    acknowledged_on  TEXT,
    due_on           TEXT,
    resolved_on      TEXT,
    verdict          TEXT CHECK (verdict IS NULL OR verdict IN ('well_founded', 'partly_well_founded', 'unfounded', 'settled')),
    outcome          TEXT NOT NULL DEFAULT '',
    closed_on        TEXT,
    withdrawn_on     TEXT
);
CREATE INDEX complaints_received ON complaints (received_on);
CREATE INDEX complaints_status ON complaints (status, due_on);

CREATE TABLE extensions (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER NOT NULL REFERENCES complaints (id),
    extended_on     TEXT NOT NULL,
    previous_due_on TEXT NOT NULL,
    until           TEXT NOT NULL,
    reason          TEXT NOT NULL
);
CREATE INDEX extensions_complaint ON extensions (complaint_id);

CREATE TABLE contacts (
    id               INTEGER PRIMARY KEY,
    complaint_id     INTEGER NOT NULL REFERENCES complaints (id),
    contact_on       TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('phone', 'meeting', 'letter', 'email')),
    note             TEXT NOT NULL DEFAULT '',
    info_requested   TEXT NOT NULL DEFAULT '',
    info_due_on      TEXT,
    info_received_on TEXT
);
CREATE INDEX contacts_complaint ON contacts (complaint_id);

CREATE TABLE experts (
    id                        INTEGER PRIMARY KEY,
    name                      TEXT NOT NULL,
    organisation              TEXT NOT NULL DEFAULT '',
    email                     TEXT NOT NULL DEFAULT '',
    confidentiality_signed_on TEXT
);

CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    given_on     TEXT NOT NULL,
    how          TEXT NOT NULL,
    scope        TEXT NOT NULL,
    withdrawn_on TEXT
);
CREATE INDEX consents_complaint ON consents (complaint_id);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    name         TEXT NOT NULL,
    media_type   TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    content      BLOB NOT NULL,
    added_at     TEXT NOT NULL
);
CREATE INDEX attachments_complaint ON attachments (complaint_id);

-- Which documents went to which expert, and when.
CREATE TABLE shares (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
    expert_id     INTEGER NOT NULL REFERENCES experts (id),
    consent_id    INTEGER NOT NULL REFERENCES consents (id),
    shared_on     TEXT NOT NULL,
    documents     TEXT NOT NULL,
    attachment_id INTEGER REFERENCES attachments (id)
);
CREATE INDEX shares_complaint ON shares (complaint_id);

-- The audit trail. Each event's hash covers its fields, the hash of its payload and the previous
-- event's hash. The payload itself lives in event_payloads so personal data can be erased later
-- without breaking the chain.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    complaint_id   INTEGER REFERENCES complaints (id),
    kind           TEXT NOT NULL,
    payload_sha256 TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
);
CREATE INDEX events_complaint ON events (complaint_id);

CREATE TABLE event_payloads (
    event_id INTEGER PRIMARY KEY REFERENCES events (id),
    payload  TEXT NOT NULL
);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be changed');
END;

CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be deleted');
END;

-- Full-text search, case- and diacritics-insensitive. Rows are kept in step by the store.
CREATE VIRTUAL TABLE complaint_search USING fts5 (
    reference, complainant, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
