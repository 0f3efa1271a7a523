-- The register sorted by status lists the complaints in the procedure's order: informal,
-- received, receipt confirmed, extended, resolved, closed, withdrawn (data.Statuses). By the
-- status's own name it put "acknowledged" first and "informal" in the middle, an order the
-- practitioner cannot follow. The index of 0011 on (status, received_on) is replaced by one on
-- the status's place in the procedure, so a status change still rewrites one status index.
-- The register's filters ask for a status by its place too (data/list.go, statusRankSQL, the
-- same expression, or SQLite does not use the index). The plain status after it changes no
-- order, as each status has its own place, and keeps a page in the middle counted in the index
-- alone (see 0015).
DROP INDEX complaints_status_received;
CREATE INDEX complaints_status_rank ON complaints (
    CASE status WHEN 'informal' THEN 1 WHEN 'received' THEN 2 WHEN 'acknowledged' THEN 3 WHEN 'extended' THEN 4
        WHEN 'resolved' THEN 5 WHEN 'closed' THEN 6 WHEN 'withdrawn' THEN 7 END,
    status, received_on);
