/** How an escalation is a row of the `escalations` table, and back (migrations/001_init.sql, 003_decision.sql, 005_history.sql, 006_ownership.sql). */
import type { Actor } from '../auth/types.ts';
import type { Decision, EscalationStatus, HistoryEntry, Notification, NotificationState, StoredEscalation } from '../types.ts';
import { isoString } from './common.ts';

export interface EscalationRow {
  id: string;
  request: unknown;
  body_hash: string;
  team: string;
  status: EscalationStatus;
  respond_by: Date | string;
  /** NULL when no rule gives a resolution time, and on rows from before migration 003. */
  resolve_by: Date | string | null;
  /** NULL on rows from before migration 003. */
  decision: unknown;
  /** NULL until the SLA clock raises it (migration 007); absent before that migration. */
  level?: number | null;
  received_at: Date | string;
  created_by_type: Actor['type'] | null;
  created_by_id: string | null;
  created_by_label: string | null;
  /** NULL while nobody owns it, and on rows from before migration 006. */
  assignee_id?: string | null;
  assignee_name?: string | null;
  assignee_email?: string | null;
  notification_state: NotificationState;
  notification_attempts: number;
  notification_last_error: string | null;
  notification_sent_at: Date | string | null;
  notification_message_id: string | null;
  notification_next_attempt_at: Date | string | null;
}

// Drivers differ in whether JSONB arrives parsed; accept both.
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** An actor as three columns (`<prefix>_type`, `_id`, `_label`), and back. */
export function actorColumns(actor: Actor): [Actor['type'], string | null, string] {
  if (actor.type === 'user') return ['user', actor.id, actor.email];
  if (actor.type === 'key') return ['key', actor.id, actor.name];
  if (actor.type === 'system') return ['system', null, actor.name];
  return ['anonymous', null, actor.name];
}

export function toActor(type: Actor['type'], id: string | null, label: string): Actor {
  if (type === 'user') return { type, id: id ?? '', email: label };
  if (type === 'key') return { type, id: id ?? '', name: label };
  if (type === 'system') return { type, name: label };
  return { type: 'anonymous', name: label };
}

/** The row with its history (`history-sql.ts` reads it from its own table). */
export function toRecord(row: EscalationRow, history: HistoryEntry[]): StoredEscalation {
  const notification: Notification = { state: row.notification_state, attempts: Number(row.notification_attempts) };
  if (row.notification_last_error !== null) notification.lastError = row.notification_last_error;
  if (row.notification_sent_at !== null) notification.sentAt = isoString(row.notification_sent_at);
  if (row.notification_message_id !== null) notification.messageId = row.notification_message_id;
  if (row.notification_next_attempt_at !== null) notification.nextAttemptAt = isoString(row.notification_next_attempt_at);
  return {
    id: row.id,
    request: json(row.request),
    team: row.team,
    respondBy: isoString(row.respond_by),
    ...(row.resolve_by !== null && row.resolve_by !== undefined && { resolveBy: isoString(row.resolve_by) }),
    ...(row.level !== null && row.level !== undefined && { level: Number(row.level) }),
    ...(row.decision !== null && row.decision !== undefined && { decision: json<Decision>(row.decision) }),
    receivedAt: isoString(row.received_at),
    status: row.status,
    history,
    ...(row.created_by_type !== null &&
      row.created_by_type !== undefined && { createdBy: toActor(row.created_by_type, row.created_by_id, row.created_by_label ?? '') }),
    ...(typeof row.assignee_id === 'string' && {
      assignee: { id: row.assignee_id, name: row.assignee_name ?? '', email: row.assignee_email ?? '' },
    }),
    notification,
  };
}

/**
 * JSON goes in as text and is cast in SQL (`$1::text::jsonb`): `pg` would turn a JS array into a
 * Postgres array literal, and PGlite would stringify a string a second time.
 */
export const toJson = (value: unknown) => JSON.stringify(value);
