-- Ownership (docs/policy.md#follow-up): who on the account team has an escalation. The user is
-- copied (id, name, e-mail) rather than joined at read time: a list is one table read on every
-- store, the live events carry the owner without a lookup, and a removed user's escalations
-- still say whose they were until a lead assigns them again.

ALTER TABLE escalations ADD COLUMN assignee_id text COLLATE "C" NULL;
ALTER TABLE escalations ADD COLUMN assignee_name text NULL;
ALTER TABLE escalations ADD COLUMN assignee_email text NULL;
-- "Mine" and "unassigned" in due order, like the other filters (keyset pagination).
CREATE INDEX escalations_assignee_respond_by_idx ON escalations (assignee_id, respond_by, id);

-- Every claim, assignment and release is a history row, like a change of status (from = to):
-- `sets_assignee` marks it, and the assignee it set (both NULL: released). The history stays
-- append-only; older rows are not assignments.
ALTER TABLE escalation_history ADD COLUMN sets_assignee boolean NOT NULL DEFAULT false;
ALTER TABLE escalation_history ADD COLUMN assignee_id text NULL;
ALTER TABLE escalation_history ADD COLUMN assignee_name text NULL;
