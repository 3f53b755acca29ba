/**
 * The store contract: inserting (idempotent on the id), reading one escalation, and copies that
 * cannot change what is stored.
 */
import assert from 'node:assert/strict';
import { storedEscalationSchema } from '../../../packages/server/src/types.ts';
import { makeNew, makeRequest, testActor } from '../fixtures.ts';
import type { ContractContext } from './context.ts';

export function rowsContract({ it, shared }: ContractContext) {
  it('migrate() can run again on a migrated store', async () => {
    const store = await shared();
    await store.migrate();
    await store.migrate();
    const r = await store.insert(makeNew());
    assert.equal(r.inserted, true);
  });

  it('insert stores a new escalation as open, with empty history and a pending notification', async () => {
    const store = await shared();
    const request = makeRequest({
      notes: 'Issue: naïve café “quotes” ✓ 😀\nTried: two lines. Why: unicode survives',
      urgency: 'urgent',
      customer: { name: 'Ana Ruiz', accountId: '88231' },
      agent: { id: 'a-7', name: 'Sam' },
      routing: { level: 2, team: 'legal', priority: 'high' },
      context: { queue: 'tier-1', attempt: 2, vip: true, ratio: 0.25 },
    });
    // Offsets other than Z must come back as the same instant in UTC.
    const r = await store.insert(
      makeNew({
        request,
        bodyHash: 'h1',
        team: 'legal',
        respondBy: '2025-11-14T14:00:00+02:00',
        receivedAt: '2025-11-14T11:00:00.5+01:00',
      }),
    );
    assert.equal(r.inserted, true);
    assert.equal(r.bodyHash, 'h1');
    assert.deepEqual(r.record, {
      id: request.id,
      request,
      team: 'legal',
      respondBy: '2025-11-14T12:00:00.000Z',
      receivedAt: '2025-11-14T10:00:00.500Z',
      status: 'open',
      history: [],
      notification: { state: 'pending', attempts: 0 },
    });
    storedEscalationSchema.parse(r.record);
    assert.deepEqual(await store.get(request.id), r.record);
  });

  it('insert of an existing id keeps the first row and returns its body hash', async () => {
    const store = await shared();
    const first = makeNew({ bodyHash: 'first', team: 'billing' });
    const again = makeNew({ request: { ...first.request, notes: 'Something else entirely' }, bodyHash: 'second', team: 'account' });
    const a = await store.insert(first);
    const b = await store.insert(again);
    assert.equal(a.inserted, true);
    assert.equal(b.inserted, false);
    assert.equal(b.bodyHash, 'first');
    assert.deepEqual(b.record, a.record);
    assert.equal((await store.get(first.request.id))?.request.notes, first.request.notes);
  });

  it('20 concurrent inserts of one id store exactly one row', async () => {
    const store = await shared();
    const request = makeRequest({ category: 'concurrency' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.insert(makeNew({ request: { ...request, notes: `variant ${i}` }, bodyHash: `hash-${i}` })),
      ),
    );
    const winners = results.filter((r) => r.inserted);
    assert.equal(winners.length, 1);
    const winner = winners[0]!;
    for (const r of results) {
      assert.equal(r.bodyHash, winner.bodyHash);
      assert.deepEqual(r.record, winner.record);
    }
    const listed = await store.list({ category: 'concurrency', limit: 200 });
    assert.equal(listed.items.length, 1);
  });

  it('get of an unknown id is undefined', async () => {
    const store = await shared();
    assert.equal(await store.get(crypto.randomUUID()), undefined);
    assert.equal(await store.get("' OR 1=1 --"), undefined);
  });

  it('returns copies: changing a returned record does not change the store', async () => {
    const store = await shared();
    const { record } = await store.insert(makeNew());
    record.status = 'resolved';
    record.history.push({ from: 'open', to: 'resolved', status: 'resolved', at: '2025-11-14T10:00:00.000Z', actor: testActor });
    record.request.notes = 'tampered';
    const stored = await store.get(record.id);
    assert.equal(stored?.status, 'open');
    assert.deepEqual(stored?.history, []);
    assert.notEqual(stored?.request.notes, 'tampered');
  });
}
