-- Evaluation: improvement measures against recurrence, the root causes they address, and the
-- recorded reason when a well-founded complaint needs no measure.

-- Root-cause categories. The seeded ones have English codes and Dutch labels; a practice adds
-- its own, which then appear in the report beside these.
CREATE TABLE root_causes (
    code     TEXT PRIMARY KEY,
    label    TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL
);
INSERT INTO root_causes (code, label, position) VALUES
    ('communication', 'communicatie', 1),
    ('expertise', 'deskundigheid', 2),
    ('accessibility', 'bereikbaarheid', 3),
    ('fees', 'tarieven', 4),
    ('administration', 'administratie', 5),
    ('conduct', 'bejegening', 6),
    ('other', 'overig', 7);

-- One counter per year, so a measure code (M-2026-003) is never handed out twice.
CREATE TABLE measure_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE measures (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    description  TEXT NOT NULL,
    root_cause   TEXT NOT NULL REFERENCES root_causes (code),
    owner        TEXT NOT NULL DEFAULT '',
    created_on   TEXT NOT NULL,
    due_on       TEXT,
    done_on      TEXT,
    evaluated_on TEXT,
    evaluation   TEXT NOT NULL DEFAULT '',
    effect       TEXT NOT NULL DEFAULT '' CHECK (effect IN ('', 'effective', 'not_effective')),
    CHECK ((evaluated_on IS NULL) = (effect = ''))
);
CREATE INDEX measures_open ON measures (done_on, due_on);

-- Which complaints a measure answers: one measure may address several complaints.
CREATE TABLE complaint_measures (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    measure_id   INTEGER NOT NULL REFERENCES measures (id),
    linked_on    TEXT NOT NULL,
    UNIQUE (complaint_id, measure_id)
);
CREATE INDEX complaint_measures_measure ON complaint_measures (measure_id);

-- Why a well-founded complaint needs no measure; '' while none is recorded.
ALTER TABLE complaints ADD COLUMN no_measure_reason TEXT NOT NULL DEFAULT '';
