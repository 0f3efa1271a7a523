-- Indexes for a large register (100,000 complaints), checked by the query-plan test
-- (data/plan_test.go).

-- The annual report counts the closed files reopened in its two years. Those few events were
-- found by reading every audit event's payload (a million on a large register); this partial
-- index holds only the payloads that record a reopening, so the report reads just those. The
-- text test is a cheap superset of json_extract(payload, '$.action') = 'reopen' (JSON writes
-- a quote inside a string as \", so a note cannot contain it); the report's query applies
-- both.
CREATE INDEX event_payloads_reopened ON event_payloads (event_id) WHERE instr(payload, '"action":"reopen"') > 0;

-- The facts of a complaint's action items (Vandaag, the register, the file: see list.go and
-- actions.go) come from its contacts, letters and extensions. These indexes hold the columns
-- those questions read, so each is answered from the index alone instead of visiting every
-- row it finds; with about 3,000 open complaints this halves Vandaag. They replace the
-- indexes on the same leading columns, so a change writes no more index entries than before.
DROP INDEX contacts_complaint;
CREATE INDEX contacts_complaint ON contacts (complaint_id, contact_on, kind, info_due_on, info_received_on);
DROP INDEX letters_complaint;
CREATE INDEX letters_complaint ON letters (complaint_id, kind, sent_on, contact_id, created_at);
DROP INDEX extensions_complaint;
CREATE INDEX extensions_complaint ON extensions (complaint_id, extended_on, late);
