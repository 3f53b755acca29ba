/**
 * The list of e-mails not yet sent (migrations/010_unsent_notifications.sql), on PGlite (the same
 * SQL as PostgreSQL): a database upgraded with escalations in it keeps every unsent one due and
 * no sent one, and the worker's "sent" write leaves the escalations' indexes alone (a HOT update:
 * no index covers a notification column, and pages keep room for a row's second version). A
 * claim takes off the list what was recorded sent without it. The same on PostgreSQL, with
 * running servers and other schemas: postgres.test.ts.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createPgliteDatabase, createSqlStore } from '../../../packages/server/src/index.ts';
import { setNotifications } from '../../../packages/server/src/store/notification-sql.ts';
import { makeNew, makeRequest } from '../../support/fixtures.ts';
import { migrationsBefore } from '../../support/migrations-before.ts';

describe('e-mails not yet sent, listed apart', () => {
  const db = createPgliteDatabase({ dataDir: 'memory://' });
  let before: Awaited<ReturnType<typeof migrationsBefore>> | undefined;
  after(async () => {
    await db.close();
    await before?.remove();
  });

  it('migration 010 lists the unsent escalations already stored, not the sent ones, and new ones from then on', async () => {
    before = await migrationsBefore('010');
    await createSqlStore(db, { migrations: before.url }).migrate();
    const [pending, failed, sent] = [makeRequest(), makeRequest(), makeRequest()];
    for (const [request, state, at] of [
      [pending, 'pending', '2025-11-14T10:00:00Z'],
      [failed, 'failed', '2025-11-14T10:01:00Z'],
      [sent, 'sent', '2025-11-14T09:59:00Z'],
    ] as const)
      await db.query(
        `INSERT INTO escalations (id, request, body_hash, task_id, category, urgency, team, respond_by, received_at, notification_state)
         VALUES ($1, $2::text::jsonb, 'h', $3, 'billing', 'standard', 'billing', '2025-11-19T23:59:59.999Z', $4, $5)`,
        [request.id, JSON.stringify(request), request.taskId, at, state],
      );

    const store = createSqlStore(db);
    await store.migrate();
    const later = await store.insert(makeNew({ receivedAt: '2025-11-14T10:02:00.000Z' }));
    assert.deepEqual(
      (await store.dueNotifications('2025-11-14T12:00:00.000Z', 10)).map((r) => r.id),
      [pending.id, failed.id, later.record.id],
    );
    await store.setNotification(pending.id, { state: 'sent', attempts: 1, sentAt: '2025-11-14T12:00:01.000Z' });
    const { rows } = await db.query<{ escalation_id: string }>('SELECT escalation_id FROM notifications_unsent ORDER BY received_at');
    assert.deepEqual(
      rows.map((r) => r.escalation_id),
      [failed.id, later.record.id],
    );
  });

  it('a claim takes off the list an escalation recorded sent elsewhere (a server from before 010), not one failed since', async () => {
    const fresh = createPgliteDatabase({ dataDir: 'memory://' });
    try {
      const store = createSqlStore(fresh);
      await store.migrate();
      const [byOld, failed, pending] = [
        await store.insert(makeNew({ receivedAt: '2025-11-14T10:00:00.000Z' })),
        await store.insert(makeNew({ receivedAt: '2025-11-14T10:01:00.000Z' })),
        await store.insert(makeNew({ receivedAt: '2025-11-14T10:02:00.000Z' })),
      ];
      // What a server without the list writes: the state only.
      await fresh.query(`UPDATE escalations SET notification_state = 'sent' WHERE id = $1`, [byOld.record.id]);
      await store.setNotification(failed.record.id, {
        state: 'failed',
        attempts: 1,
        lastError: 'x',
        nextAttemptAt: '2025-11-14T11:00:00.000Z',
      });
      const claimed = await store.dueNotifications('2025-11-14T12:00:00.000Z', 10);
      assert.deepEqual(
        claimed.map((r) => r.id),
        [failed.record.id, pending.record.id],
      );
      const { rows } = await fresh.query<{ escalation_id: string }>('SELECT escalation_id FROM notifications_unsent ORDER BY received_at');
      assert.deepEqual(
        rows.map((r) => r.escalation_id),
        [failed.record.id, pending.record.id],
      );
    } finally {
      await fresh.close();
    }
  });

  it('recording an e-mail as sent writes no index entry: every such UPDATE is a HOT one', async () => {
    const fresh = createPgliteDatabase({ dataDir: 'memory://' });
    try {
      const store = createSqlStore(fresh);
      await store.migrate();
      // Enough rows to fill pages, so a second version has to find room on a full one.
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await store.insert(makeNew())).record.id);
      const pages = await fresh.query<{ n: number }>(`SELECT (pg_relation_size('escalations') / 8192)::int AS n`);
      assert.ok(pages.rows[0]!.n >= 2, `the rows span ${pages.rows[0]!.n} page(s)`);
      let counts = { n_tup_upd: 0, n_tup_hot_upd: 0 };
      for (const id of ids)
        await fresh.transaction(async (tx) => {
          await setNotifications(tx, [{ id, notification: { state: 'sent', attempts: 1, sentAt: '2025-11-14T10:00:00.000Z' } }]);
          // PGlite's one backend counts on across transactions: the last figures are the totals.
          [counts] = (
            await tx.query<typeof counts>(
              `SELECT n_tup_upd::int, n_tup_hot_upd::int FROM pg_stat_xact_user_tables WHERE relname = 'escalations'`,
            )
          ).rows as [typeof counts];
        });
      assert.deepEqual(counts, { n_tup_upd: 30, n_tup_hot_upd: 30 });
    } finally {
      await fresh.close();
    }
  });
});
