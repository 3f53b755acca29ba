/**
 * The store contract: status changes with their history, and the stats.
 */
import assert from 'node:assert/strict';
import { makeNew, makeRequest } from '../fixtures.ts';
import type { ContractContext } from './context.ts';

export function statusContract({ it, shared, fresh }: ContractContext) {
  it('updateStatus sets the status and appends to the history; unknown ids are undefined', async () => {
    const store = await shared();
    const { record } = await store.insert(makeNew());
    const contacted = await store.updateStatus(
      record.id,
      { status: 'contacted', note: 'Called, left a voicemail' },
      '2025-11-14T11:00:00.000Z',
    );
    assert.equal(contacted?.status, 'contacted');
    assert.deepEqual(contacted?.history, [{ status: 'contacted', note: 'Called, left a voicemail', at: '2025-11-14T11:00:00.000Z' }]);
    const resolved = await store.updateStatus(record.id, { status: 'resolved' }, '2025-11-14T12:00:00.000Z');
    assert.deepEqual(resolved?.history, [
      { status: 'contacted', note: 'Called, left a voicemail', at: '2025-11-14T11:00:00.000Z' },
      { status: 'resolved', at: '2025-11-14T12:00:00.000Z' },
    ]);
    assert.deepEqual(await store.get(record.id), resolved);
    assert.equal(await store.updateStatus(crypto.randomUUID(), { status: 'resolved' }, '2025-11-14T12:00:00.000Z'), undefined);
  });

  it('concurrent status updates all land in the history', async () => {
    const store = await shared();
    const { record } = await store.insert(makeNew());
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.updateStatus(record.id, { status: 'contacted', note: `call ${i}` }, `2025-11-14T11:00:0${i}.000Z`),
      ),
    );
    const notes = (await store.get(record.id))!.history.map((h) => h.note).sort();
    assert.deepEqual(
      notes,
      Array.from({ length: 10 }, (_, i) => `call ${i}`),
    );
  });

  it('stats count by category, urgency, status and UTC day, with the resolved share', async () => {
    const store = await fresh();
    assert.deepEqual(await store.stats(), {
      total: 0,
      byCategory: {},
      byUrgency: { urgent: 0, standard: 0 },
      byStatus: { open: 0, contacted: 0, resolved: 0 },
      byDay: [],
      resolvedShare: 0,
    });
    const rows = [
      { category: 'billing', urgency: 'urgent', receivedAt: '2025-11-13T23:59:59.999Z' },
      { category: 'billing', urgency: 'standard', receivedAt: '2025-11-14T00:00:00.000Z' },
      // Late evening in New York is already the next day in UTC.
      { category: 'complaint', urgency: 'standard', receivedAt: '2025-11-14T20:30:00-05:00' },
      { category: 'warranty', urgency: 'urgent', receivedAt: '2025-11-14T12:00:00.000Z' },
    ];
    const ids: string[] = [];
    for (const r of rows) {
      ids.push(
        (await store.insert(makeNew({ request: makeRequest({ category: r.category, urgency: r.urgency }), receivedAt: r.receivedAt })))
          .record.id,
      );
    }
    await store.updateStatus(ids[0]!, { status: 'resolved' }, '2025-11-15T00:00:00.000Z');
    await store.updateStatus(ids[1]!, { status: 'contacted' }, '2025-11-15T00:00:00.000Z');
    await store.updateStatus(ids[2]!, { status: 'resolved' }, '2025-11-15T00:00:00.000Z');
    assert.deepEqual(await store.stats(), {
      total: 4,
      byCategory: { billing: 2, complaint: 1, warranty: 1 },
      byUrgency: { urgent: 2, standard: 2 },
      byStatus: { open: 1, contacted: 1, resolved: 2 },
      byDay: [
        { day: '2025-11-13', count: 1 },
        { day: '2025-11-14', count: 2 },
        { day: '2025-11-15', count: 1 },
      ],
      resolvedShare: 0.5,
    });
  });
}
