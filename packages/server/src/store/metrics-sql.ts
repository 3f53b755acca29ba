/**
 * The SQL stores' handled reports and metric rows (migrations/008_handled.sql): the same contract
 * as `metrics-memory.ts`, on PGlite and PostgreSQL alike.
 */
import type { EscalationStore } from '../types.ts';
import type { StoredHandled } from '../metrics/handled.ts';
import type { Actor } from '../auth/types.ts';
import { isoString } from './common.ts';
import { withHistory } from './history-sql.ts';
import type { SqlDatabase } from './sql-database.ts';
import { actorColumns, toActor, type EscalationRow } from './sql-rows.ts';

interface HandledRow {
  id: string;
  body_hash: string;
  task_id: string;
  agent_id: string;
  /** Read as text (`::text` in every query): a `date` would come back as a local midnight. */
  agent_started_on: string | null;
  handled_at: Date | string;
  received_at: Date | string;
  created_by_type: Actor['type'] | null;
  created_by_id: string | null;
  created_by_label: string | null;
}

const COLUMNS = `id, body_hash, task_id, agent_id, agent_started_on::text AS agent_started_on, handled_at, received_at,
  created_by_type, created_by_id, created_by_label`;

function toHandled(row: HandledRow): StoredHandled {
  return {
    id: row.id,
    taskId: row.task_id,
    agentId: row.agent_id,
    ...(row.agent_started_on !== null && { agentStartedOn: row.agent_started_on }),
    handledAt: isoString(row.handled_at),
    receivedAt: isoString(row.received_at),
    ...(row.created_by_type !== null && { createdBy: toActor(row.created_by_type, row.created_by_id, row.created_by_label ?? '') }),
  };
}

export function sqlMetrics(db: SqlDatabase): Pick<EscalationStore, 'insertHandled' | 'metricsRows'> {
  return {
    async insertHandled(report) {
      // ON CONFLICT DO NOTHING: of concurrent inserts of one id exactly one gets its row back;
      // the others read the winner's row and compare body hashes.
      const inserted = await db.query<HandledRow>(
        `INSERT INTO handled_reports (id, body_hash, task_id, agent_id, agent_started_on, handled_at, received_at,
           created_by_type, created_by_id, created_by_label)
         VALUES ($1, $2, $3, $4, $5::date, $6::timestamptz, $7::timestamptz, $8, $9, $10)
         ON CONFLICT (id) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          report.id,
          report.bodyHash,
          report.taskId,
          report.agentId,
          report.agentStartedOn ?? null,
          isoString(report.handledAt),
          isoString(report.receivedAt),
          ...(report.createdBy ? actorColumns(report.createdBy) : [null, null, null]),
        ],
      );
      const row = inserted.rows[0];
      if (row) return { inserted: true, record: toHandled(row), bodyHash: row.body_hash };
      const existing = await db.query<HandledRow>(`SELECT ${COLUMNS} FROM handled_reports WHERE id = $1`, [report.id]);
      const stored = existing.rows[0];
      if (!stored) throw new Error(`Handled report ${report.id} conflicted on insert but cannot be read`);
      return { inserted: false, record: toHandled(stored), bodyHash: stored.body_hash };
    },

    async metricsRows(from, to) {
      const range = [isoString(from), isoString(to)];
      // One snapshot (REPEATABLE READ): the escalations, their histories and the reports agree.
      return db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const escalations = await tx.query<EscalationRow>(
          'SELECT * FROM escalations WHERE received_at >= $1::timestamptz AND received_at < $2::timestamptz ORDER BY received_at, id',
          range,
        );
        const handled = await tx.query<HandledRow>(
          `SELECT ${COLUMNS} FROM handled_reports WHERE handled_at >= $1::timestamptz AND handled_at < $2::timestamptz ORDER BY handled_at, id`,
          range,
        );
        return { escalations: await withHistory(tx, escalations.rows), handled: handled.rows.map(toHandled) };
      });
    },
  };
}
