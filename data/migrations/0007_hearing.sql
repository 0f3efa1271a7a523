-- Hearing both sides (hoor en wederhoor): a contact says whom the practice spoke with and
-- whether that party's view on the complaint was heard.
ALTER TABLE contacts ADD COLUMN party TEXT NOT NULL DEFAULT 'complainant'
    CHECK (party IN ('complainant', 'concerned', 'other'));
ALTER TABLE contacts ADD COLUMN party_name TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN hearing INTEGER NOT NULL DEFAULT 0 CHECK (hearing IN (0, 1));
-- Why a formal complaint was decided without hearing a party, and whether a complaint settled
-- in consultation was (partly) justified, which makes it count for the evaluation.
ALTER TABLE complaints ADD COLUMN no_hearing_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN justified TEXT NOT NULL DEFAULT '' CHECK (justified IN ('', 'yes', 'no'));
