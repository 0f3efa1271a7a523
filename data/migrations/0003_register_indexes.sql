-- Indexes for sorting the register by each column, so a page in the middle of 100,000
-- complaints comes straight from an index instead of a full sort.
CREATE INDEX complaints_complainant ON complaints (complainant_name COLLATE NOCASE, id);
CREATE INDEX complaints_summary ON complaints (summary COLLATE NOCASE, id);
CREATE INDEX complaints_handler ON complaints (handler COLLATE NOCASE, id);
CREATE INDEX complaints_due ON complaints (due_on, id);
