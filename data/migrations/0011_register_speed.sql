-- Indexes for a large register (100,000 complaints), checked by the query-plan test
-- (data/plan_test.go). Every lifecycle step changes a complaint's status and so rewrites each
-- index that holds it: two such indexes replace the two that no query used any more.
DROP INDEX complaints_status;
DROP INDEX complaints_due;
-- The register of one status, newest first or by year of receipt, and sorted by status; the
-- open complaints of the overview.
CREATE INDEX complaints_status_received ON complaints (status, received_on);
-- The register by urgency: open complaints by target date, finished ones last (the terms of
-- the SortDue order in data/list.go, so SQLite finds it).
CREATE INDEX complaints_urgency ON complaints (status IN ('closed', 'withdrawn', 'resolved'), due_on IS NULL, due_on, id);
