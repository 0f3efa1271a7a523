-- Indexes for a large register (100,000 complaints), each found missing by the query-plan test
-- (data/plan_test.go):
-- the register filtered by status and year of receipt, newest first, straight from one index;
CREATE INDEX complaints_status_received ON complaints (status, received_on);
-- the register sorted by status, registration order within a status;
CREATE INDEX complaints_status_order ON complaints (status, id);
-- the register sorted by urgency: open complaints by target date, finished ones last
-- (the same terms as the SortDue order in data/list.go, so SQLite can use it).
CREATE INDEX complaints_urgency ON complaints (status IN ('closed', 'withdrawn', 'resolved'), due_on IS NULL, due_on, id);
