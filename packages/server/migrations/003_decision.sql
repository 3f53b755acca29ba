-- The server's decision (docs/policy.md#respond-by): what it worked out from the case with its own
-- policy (team, level, priority, urgency, reasons, the deadlines and their rules), and when the case
-- must be resolved. Rows stored before this migration keep NULL: the API answers them without a
-- decision, as they were.
ALTER TABLE escalations ADD COLUMN resolve_by timestamptz NULL;
ALTER TABLE escalations ADD COLUMN decision jsonb NULL;

-- A team's inbox: its escalations by due time (keyset pagination), like status and category.
CREATE INDEX escalations_team_respond_by_idx ON escalations (team, respond_by, id);
