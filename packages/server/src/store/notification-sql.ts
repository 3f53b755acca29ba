/**
 * `EscalationStore.setNotification` in SQL, for many escalations in one statement: the worker
 * records an e-mail as sent (or failed) once per escalation, and under load those writes go in
 * together (`group-commit.ts`) instead of one commit each. The same statement keeps the list of
 * unsent e-mails (migrations/010_unsent_notifications.sql) in step: a sent one leaves it.
 */
import type { Notification } from '../types.ts';
import { isoString } from './common.ts';
import type { SqlSession } from './sql-database.ts';
import { toJson } from './sql-rows.ts';

// The ids again as an array: the planner cannot see into the JSON (it guesses 100 rows), and
// without `id = ANY` it would join them to a scan of the whole table. `$3` are the ids now sent,
// `$4` the others: those are listed again should a late "failed" follow another server's "sent"
// (a lease that ran out mid-send), as the escalation is then due again.
const UPDATE = `WITH sent AS (
    DELETE FROM notifications_unsent WHERE escalation_id = ANY($3::text[])
  ), unsent AS (
    INSERT INTO notifications_unsent (escalation_id, received_at)
    SELECT id, received_at FROM escalations WHERE id = ANY($4::text[])
    ON CONFLICT (escalation_id) DO NOTHING
  )
  UPDATE escalations AS x SET notification_state = n->>'state', notification_attempts = (n->>'attempts')::int,
    notification_last_error = n->>'lastError', notification_sent_at = (n->>'sentAt')::timestamptz,
    notification_message_id = n->>'messageId', notification_next_attempt_at = (n->>'nextAttemptAt')::timestamptz
  FROM jsonb_array_elements($1::text::jsonb) AS n
  WHERE x.id = ANY($2::text[]) AND x.id = n->>'id'`;

/** Sets each escalation's notification; of two for one escalation, the later one wins (it was set later). */
export async function setNotifications(db: SqlSession, changes: readonly { id: string; notification: Notification }[]): Promise<void[]> {
  const last = new Map<string, Notification>();
  for (const { id, notification } of changes) last.set(id, notification);
  const rows = [...last].map(([id, n]) => ({
    id,
    state: n.state,
    attempts: n.attempts,
    lastError: n.lastError ?? null,
    sentAt: n.sentAt === undefined ? null : isoString(n.sentAt),
    messageId: n.messageId ?? null,
    nextAttemptAt: n.nextAttemptAt === undefined ? null : isoString(n.nextAttemptAt),
  }));
  const sent = rows.filter((r) => r.state === 'sent').map((r) => r.id);
  const unsent = rows.filter((r) => r.state !== 'sent').map((r) => r.id);
  await db.query(UPDATE, [toJson(rows), [...last.keys()], sent, unsent]);
  return changes.map(() => undefined);
}

/** How many of the oldest listed a prune looks at: a long list (a mail server down for hours) costs no more. */
const PRUNE_WINDOW = 1000;
/** A prune runs at most this often, by the caller's clock. */
const PRUNE_EVERY_MS = 60_000;
// FOR UPDATE re-reads an escalation changed meanwhile (a "failed" committed since this began
// stays listed) and holds it until the DELETE commits, so a "failed" that comes then lists it again.
const PRUNE = `WITH sent AS (
    SELECT e.id FROM notifications_unsent AS u JOIN escalations AS e ON e.id = u.escalation_id
    WHERE u.escalation_id IN (SELECT escalation_id FROM notifications_unsent ORDER BY received_at, escalation_id LIMIT ${PRUNE_WINDOW})
      AND e.notification_state = 'sent'
    FOR UPDATE OF e SKIP LOCKED
  )
  DELETE FROM notifications_unsent WHERE escalation_id IN (SELECT id FROM sent)`;

/**
 * Takes off the list of unsent e-mails the escalations whose e-mail was recorded sent anyway: by
 * a server from before migration 010 (during a rolling deploy), or when a "failed" and a "sent"
 * crossed (the later one's DELETE read the list as it was when it began). Nothing is lost while
 * they stay, as every claim re-checks the state, but each claim would walk past them.
 */
export function createUnsentPruner(db: SqlSession): (at: number) => Promise<void> {
  let last = -Infinity;
  return async (at) => {
    if (at >= last && at - last < PRUNE_EVERY_MS) return;
    last = at;
    await db.query(PRUNE);
  };
}
