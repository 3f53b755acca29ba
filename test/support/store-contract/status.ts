/**
 * The store contract: changes of status (compared and set, each with its history row and who
 * made it), notes, and the stats.
 */
import assert from 'node:assert/strict';
import type { Actor } from '../../../packages/server/src/index.ts';
import { makeNew, makeRequest, setStatus, testActor } from '../fixtures.ts';
import type { ContractContext } from './context.ts';

const key: Actor = { type: 'key', id: '0123456789abcdef', name: 'host page' };

export function statusContract({ it, shared, fresh }: ContractContext) {
  it('changeStatus sets the status and appends to the history with who made it; unknown ids are undefined', async () => {
    const store = await shared();
    const { record } = await store.insert(makeNew());
    const contacted = await store.changeStatus(record.id, {
      from: 'open',
      to: 'contacted',
      note: 'Called, left a voicemail',
      at: '2025-11-14T11:00:00.000Z',
      actor: testActor,
    });
    assert.equal(contacted?.changed, true);
    assert.equal(contacted?.record.status, 'contacted');
    const first = {
      from: 'open',
      to: 'contacted',
      status: 'contacted',
      note: 'Called, left a voicemail',
      at: '2025-11-14T11:00:00.000Z',
      actor: testActor,
    };
    assert.deepEqual(contacted?.record.history, [first]);
    const resolved = await store.changeStatus(record.id, { from: 'contacted', to: 'resolved', at: '2025-11-14T12:00:00.000Z', actor: key });
    assert.deepEqual(resolved?.record.history, [
      first,
      { from: 'contacted', to: 'resolved', status: 'resolved', at: '2025-11-14T12:00:00.000Z', actor: key },
    ]);
    assert.deepEqual(await store.get(record.id), resolved?.record);
    const unknown = crypto.randomUUID();
    assert.equal(
      await store.changeStatus(unknown, { from: 'open', to: 'resolved', at: '2025-11-14T12:00:00.000Z', actor: key }),
      undefined,
    );
    assert.equal(await store.addNote(unknown, { note: 'x', at: '2025-11-14T12:00:00.000Z', actor: key }), undefined);
  });

  it('changeStatus changes nothing when the status is no longer the one it was read as', async () => {
    const store = await shared();
    const { record } = await store.insert(makeNew());
    const stale = await store.changeStatus(record.id, { from: 'contacted', to: 'resolved', at: '2025-11-14T12:00:00.000Z', actor: key });
    assert.equal(stale?.changed, false);
    assert.equal(stale?.record.status, 'open');
    assert.deepEqual((await store.get(record.id))?.history, []);
  });

  it('of concurrent changes from one status exactly one lands, and concurrent notes all land', async () => {
    const store = await shared();
    const { record } = await store.insert(makeNew());
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.changeStatus(record.id, {
          from: 'open',
          to: 'contacted',
          note: `call ${i}`,
          at: `2025-11-14T11:00:0${i}.000Z`,
          actor: testActor,
        }),
      ),
    );
    assert.equal(results.filter((r) => r?.changed).length, 1);
    assert.equal((await store.get(record.id))!.history.length, 1);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.addNote(record.id, { note: `note ${i}`, at: `2025-11-14T12:00:0${i}.000Z`, actor: key })),
    );
    const history = (await store.get(record.id))!.history;
    assert.deepEqual(
      history
        .slice(1)
        .map((h) => h.note)
        .sort(),
      Array.from({ length: 10 }, (_, i) => `note ${i}`),
    );
    // A note records the status it was written in, as both from and to.
    for (const h of history.slice(1)) assert.deepEqual([h.from, h.to, h.status, h.actor], ['contacted', 'contacted', 'contacted', key]);
  });

  it('stats count by category, urgency, status and UTC day, with the resolved share', async () => {
    const store = await fresh();
    assert.deepEqual(await store.stats(), {
      total: 0,
      byCategory: {},
      byUrgency: { urgent: 0, standard: 0 },
      byStatus: { open: 0, contacted: 0, waiting: 0, resolved: 0 },
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
    await setStatus(store, ids[0]!, 'resolved', '2025-11-15T00:00:00.000Z');
    await setStatus(store, ids[1]!, 'waiting', '2025-11-15T00:00:00.000Z');
    await setStatus(store, ids[2]!, 'resolved', '2025-11-15T00:00:00.000Z');
    assert.deepEqual(await store.stats(), {
      total: 4,
      byCategory: { billing: 2, complaint: 1, warranty: 1 },
      byUrgency: { urgent: 2, standard: 2 },
      byStatus: { open: 1, contacted: 0, waiting: 1, resolved: 2 },
      byDay: [
        { day: '2025-11-13', count: 1 },
        { day: '2025-11-14', count: 2 },
        { day: '2025-11-15', count: 1 },
      ],
      resolvedShare: 0.5,
    });
  });
}
