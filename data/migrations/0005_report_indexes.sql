-- Indexes for the annual report, which reads only the complaints that matter to a year and
-- the year before: received, resolved or withdrawn in them, or open in them. Each index also
-- holds received_on, so the report checks it without reading the complaint itself.
CREATE INDEX complaints_resolved ON complaints (resolved_on, withdrawn_on, received_on);
CREATE INDEX complaints_withdrawn ON complaints (withdrawn_on, received_on);
-- The complaints a measure answers, straight from the index.
DROP INDEX complaint_measures_measure;
CREATE INDEX complaint_measures_measure ON complaint_measures (measure_id, complaint_id);
