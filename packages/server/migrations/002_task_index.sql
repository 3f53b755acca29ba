-- One open escalation per task: an insert looks up the task's escalations, and the inbox and the
-- host's queue ask "what became of this task?".
CREATE INDEX escalations_task_id_idx ON escalations (task_id, received_at);
