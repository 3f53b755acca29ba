/**
 * Migration 003 on a database that already holds escalations: the decision and resolve-by columns
 * are added, rows stored before keep NULL and are answered without a decision, and new rows carry
 * one. On PGlite (the same SQL as PostgreSQL).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  createEscalationHandler,
  createPgliteDatabase,
  createSqlStore,
  storedEscalationSchema,
} from '../../../packages/server/src/index.ts';
import { FRIDAY, makeRequest, postRequest, receiptOf, wire } from '../../support/fixtures.ts';
import { migrationsBefore } from '../../support/migrations-before.ts';

describe('migration 003 (the decision) on a database with older escalations', () => {
  const db = createPgliteDatabase({ dataDir: 'memory://' });
  let before: Awaited<ReturnType<typeof migrationsBefore>> | undefined;
  after(async () => {
    await db.close();
    await before?.remove();
  });

  it('keeps the older rows, answered without a decision, and stores decisions from then on', async () => {
    // The schema as it was: the migrations before 003 only.
    before = await migrationsBefore('003');
    await createSqlStore(db, { migrations: before.url }).migrate();
    const old = makeRequest({ category: 'billing', routing: { level: 2, team: 'billing', priority: 'high' } });
    await db.query(
      `INSERT INTO escalations (id, request, body_hash, task_id, category, urgency, team, respond_by, received_at)
       VALUES ($1, $2::text::jsonb, 'h', $3, 'billing', 'standard', 'billing', '2025-11-19T23:59:59.999Z', '2025-11-14T10:00:00Z')`,
      [old.id, JSON.stringify(old), old.taskId],
    );

    const store = createSqlStore(db);
    await store.migrate();
    const columns = await db.query<{ column_name: string; is_nullable: string }>(
      `SELECT column_name, is_nullable FROM information_schema.columns
       WHERE table_name = 'escalations' AND column_name IN ('resolve_by', 'decision') ORDER BY column_name`,
    );
    assert.deepEqual(columns.rows, [
      { column_name: 'decision', is_nullable: 'YES' },
      { column_name: 'resolve_by', is_nullable: 'YES' },
    ]);

    const stored = await store.get(old.id);
    assert.ok(stored, 'the older row is still there');
    assert.equal('decision' in stored, false);
    assert.equal('resolveBy' in stored, false);
    assert.equal(stored.team, 'billing');
    assert.deepEqual(stored.request.routing, { level: 2, team: 'billing', priority: 'high' });
    storedEscalationSchema.parse(stored);
    assert.deepEqual(
      (await store.list({ limit: 10, team: 'billing' })).items.map((r) => r.id),
      [old.id],
    );

    const handler = createEscalationHandler({ store, auth: false, clock: () => new Date(FRIDAY) });
    const body = wire({ category: 'billing', signals: { legalThreat: true } });
    const receipt = await receiptOf(await handler(postRequest(body)), 201);
    handler.close();
    assert.equal(receipt.team, 'legal');
    assert.equal((await store.get(body.id))?.decision?.respondBy.rule, 'levels');
  });
});
