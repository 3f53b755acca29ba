/**
 * The SLA clock's part of the SQL stores (migrations/007_sla.sql): one `follow_ups` row per
 * escalation and kind. The primary key is the claim: `INSERT … ON CONFLICT DO NOTHING` lets one
 * of any number of servers have it, and a breach's level-up and history row are in the claim's
 * transaction, so a level goes up once per breach however many servers see it.
 */
import type { Notification, NotificationState } from '../types.ts';
import type { FollowUpKind } from '../sla/kinds.ts';
import type { FollowUp, FollowUpClaim, FollowUpStore } from '../sla/store.ts';
import { isoString } from './common.ts';
import { appendHistory, withHistory } from './history-sql.ts';
import type { SqlDatabase } from './sql-database.ts';
import type { EscalationRow } from './sql-rows.ts';

interface FollowUpRow {
  escalation_id: string;
  kind: FollowUpKind;
  due_at: Date | string;
  level: number;
  created_at: Date | string;
  notification_state: NotificationState;
  notification_attempts: number;
  notification_last_error: string | null;
  notification_sent_at: Date | string | null;
  notification_message_id: string | null;
  notification_next_attempt_at: Date | string | null;
}

function toFollowUp(row: FollowUpRow): FollowUp {
  const notification: Notification = { state: row.notification_state, attempts: Number(row.notification_attempts) };
  if (row.notification_last_error !== null) notification.lastError = row.notification_last_error;
  if (row.notification_sent_at !== null) notification.sentAt = isoString(row.notification_sent_at);
  if (row.notification_message_id !== null) notification.messageId = row.notification_message_id;
  if (row.notification_next_attempt_at !== null) notification.nextAttemptAt = isoString(row.notification_next_attempt_at);
  return {
    escalationId: row.escalation_id,
    kind: row.kind,
    dueAt: isoString(row.due_at),
    level: Number(row.level),
    createdAt: isoString(row.created_at),
    notification,
  };
}

const notDone = (kind: FollowUpKind) => `NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.escalation_id = e.id AND f.kind = '${kind}')`;
/**
 * Whether the reminder point of a deadline column has come, before any stop of the clock (which
 * only moves it later). In epoch seconds, a millisecond early: an interval times a fraction would
 * be counted in days and microseconds, not as the schedule counts it, and a prefilter may only err
 * on the side of looking.
 */
const reminded = (column: string) =>
  `extract(epoch FROM e.received_at) + (extract(epoch FROM e.${column}) - extract(epoch FROM e.received_at)) * $2::float8 - 0.001
     <= extract(epoch FROM $1::timestamptz)`;

export function createSqlFollowUps(db: SqlDatabase): FollowUpStore {
  return {
    async candidates(now, warnAt, limit) {
      // A superset of what is due, narrowed with the stored deadlines: a stopped clock only ever
      // moves a deadline later, so what is not past these bounds is not due. The schedule decides the rest.
      const { rows } = await db.query<EscalationRow>(
        `SELECT e.* FROM escalations e
         WHERE (e.status = 'open' AND ${notDone('respond-breach')}
                AND (e.respond_by <= $1::timestamptz OR (${reminded('respond_by')} AND ${notDone('respond-reminder')})))
            OR (e.status IN ('open', 'contacted') AND e.resolve_by IS NOT NULL AND ${notDone('resolve-breach')}
                AND (e.resolve_by <= $1::timestamptz OR (${reminded('resolve_by')} AND ${notDone('resolve-reminder')})))
            OR (e.request -> 'agent' ->> 'email' IS NOT NULL
                AND ((e.status <> 'open' AND ${notDone('agent-contacted')}) OR (e.status = 'resolved' AND ${notDone('agent-resolved')})))
         ORDER BY e.received_at, e.id
         LIMIT $3`,
        [isoString(now), warnAt, limit],
      );
      if (!rows.length) return [];
      const escalations = await withHistory(db, rows);
      const kinds = await db.query<{ escalation_id: string; kind: FollowUpKind }>(
        'SELECT escalation_id, kind FROM follow_ups WHERE escalation_id = ANY($1::text[])',
        [rows.map((r) => r.id)],
      );
      return escalations.map((escalation) => ({
        escalation,
        done: kinds.rows.filter((k) => k.escalation_id === escalation.id).map((k) => k.kind),
      }));
    },

    claim(claim: FollowUpClaim) {
      return db.transaction(async (tx) => {
        // The escalation's row is locked first: a change of status waits for the claim, and the
        // claim sees the status as it is, not as it was read.
        const { rows } = await tx.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1 FOR UPDATE', [claim.escalationId]);
        const row = rows[0];
        if (!row || !claim.whileStatus.includes(row.status)) return undefined;
        const decided = (typeof row.decision === 'string' ? JSON.parse(row.decision) : row.decision) as { level?: number } | null;
        const current = Number(row.level ?? decided?.level ?? 1);
        const level = claim.levelUp ? Math.max(current, Math.min(claim.levelUp.maxLevel, current + 1)) : current;
        const inserted = await tx.query<FollowUpRow>(
          `INSERT INTO follow_ups (escalation_id, kind, due_at, level, created_at, notification_next_attempt_at)
           VALUES ($1, $2, $3::timestamptz, $4, $5::timestamptz, $6::timestamptz)
           ON CONFLICT (escalation_id, kind) DO NOTHING
           RETURNING *`,
          [
            claim.escalationId,
            claim.kind,
            isoString(claim.dueAt),
            level,
            isoString(claim.at),
            claim.leaseUntil === undefined ? null : isoString(claim.leaseUntil),
          ],
        );
        const claimed = inserted.rows[0];
        if (!claimed) return undefined;
        if (claim.levelUp) {
          if (level !== current) await tx.query('UPDATE escalations SET level = $2 WHERE id = $1', [claim.escalationId, level]);
          const { actor, note } = claim.levelUp;
          await appendHistory(tx, claim.escalationId, {
            from: row.status,
            to: row.status,
            note: note(current, level),
            at: claim.at,
            actor,
          });
        }
        return toFollowUp(claimed);
      });
    },

    async due(now, limit, leaseMs) {
      const at = Date.parse(isoString(now));
      // As `dueNotifications`: SKIP LOCKED and the new lease keep concurrent calls apart.
      const { rows } = await db.query<FollowUpRow>(
        `WITH due AS (
           SELECT escalation_id, kind FROM follow_ups
           WHERE notification_state <> 'sent'
             AND (notification_next_attempt_at IS NULL OR notification_next_attempt_at <= $1::timestamptz)
           ORDER BY created_at, escalation_id, kind
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE follow_ups f SET notification_next_attempt_at = $3::timestamptz
         FROM due WHERE f.escalation_id = due.escalation_id AND f.kind = due.kind
         RETURNING f.*`,
        [new Date(at).toISOString(), limit, new Date(at + leaseMs).toISOString()],
      );
      return rows.map(toFollowUp).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    },

    async setNotification(escalationId, kind, n) {
      await db.query(
        `UPDATE follow_ups SET notification_state = $3, notification_attempts = $4, notification_last_error = $5,
           notification_sent_at = $6::timestamptz, notification_message_id = $7, notification_next_attempt_at = $8::timestamptz
         WHERE escalation_id = $1 AND kind = $2`,
        [
          escalationId,
          kind,
          n.state,
          n.attempts,
          n.lastError ?? null,
          n.sentAt === undefined ? null : isoString(n.sentAt),
          n.messageId ?? null,
          n.nextAttemptAt === undefined ? null : isoString(n.nextAttemptAt),
        ],
      );
    },

    async list(escalationId) {
      const { rows } = await db.query<FollowUpRow>('SELECT * FROM follow_ups WHERE escalation_id = $1 ORDER BY created_at, kind', [
        escalationId,
      ]);
      return rows.map(toFollowUp);
    },
  };
}
