-- Placeholder for migration 0013, reserved for issue 11a (retention), which is not merged on
-- this branch; migrations must be numbered without gaps. Delete this file when merging.
SELECT 1;
