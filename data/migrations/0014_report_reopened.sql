-- The annual report counts the closed files reopened in its two years. Those few events were
-- found by reading every audit event's payload (a million on a large register); this partial
-- index holds only the payloads that record a reopening, so the report reads just those. The
-- text test is a cheap superset of json_extract(payload, '$.action') = 'reopen' (JSON writes
-- a quote inside a string as \", so a note cannot contain it); the report's query applies
-- both.
CREATE INDEX event_payloads_reopened ON event_payloads (event_id) WHERE instr(payload, '"action":"reopen"') > 0;
