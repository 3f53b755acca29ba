/**
 * The store contract: the list, its order, its filters and its cursor.
 */
import assert from 'node:assert/strict';
import { InvalidCursorError } from '../../../packages/server/src/store/common.ts';
import { makeNew, makeRequest, setStatus } from '../fixtures.ts';
import type { ContractContext } from './context.ts';

export function listContract({ it, shared, fresh }: ContractContext) {
  it('list orders by respondBy, then id, and filters by status, category and since', async () => {
    const store = await fresh();
    // Ids are lower case on the wire (the schema lowers them), so the tie-break is shown with a digit.
    const ids = ['b0000000-0000-4000-8000-000000000000', 'a0000000-0000-4000-8000-000000000000', '0a000000-0000-4000-8000-000000000000'];
    // Three share a respondBy: the id breaks the tie, byte-wise ('0' < 'a' < 'b').
    await store.insert(
      makeNew({
        request: makeRequest({ id: ids[0], category: 'billing' }),
        respondBy: '2025-11-15T00:00:00.000Z',
        receivedAt: '2025-11-14T10:00:00.000Z',
      }),
    );
    await store.insert(
      makeNew({
        request: makeRequest({ id: ids[1], category: 'complaint' }),
        respondBy: '2025-11-15T00:00:00.000Z',
        receivedAt: '2025-11-14T12:00:00.000Z',
      }),
    );
    await store.insert(
      makeNew({
        request: makeRequest({ id: ids[2], category: 'billing' }),
        respondBy: '2025-11-15T00:00:00.000Z',
        receivedAt: '2025-11-13T12:00:00.000Z',
      }),
    );
    const early = await store.insert(
      makeNew({
        request: makeRequest({ category: 'technical' }),
        respondBy: '2025-11-14T12:00:00.000Z',
        receivedAt: '2025-11-14T11:00:00.000Z',
      }),
    );
    const late = await store.insert(
      makeNew({
        request: makeRequest({ category: 'billing' }),
        respondBy: '2025-11-20T00:00:00.000Z',
        receivedAt: '2025-11-14T13:00:00.000Z',
      }),
    );
    await setStatus(store, late.record.id, 'resolved', '2025-11-14T14:00:00.000Z');

    const all = await store.list({ limit: 50 });
    assert.deepEqual(
      all.items.map((r) => r.id),
      [early.record.id, ids[2], ids[1], ids[0], late.record.id],
    );
    assert.equal(all.nextCursor, undefined);

    assert.deepEqual(
      (await store.list({ limit: 50, status: 'resolved' })).items.map((r) => r.id),
      [late.record.id],
    );
    assert.deepEqual(
      (await store.list({ limit: 50, status: 'open', category: 'billing' })).items.map((r) => r.id),
      [ids[2], ids[0]],
    );
    // since is inclusive, and compares instants whatever the offset.
    assert.deepEqual(
      (await store.list({ limit: 50, since: '2025-11-14T11:00:00+01:00' })).items.map((r) => r.id),
      [early.record.id, ids[1], ids[0], late.record.id],
    );
    assert.deepEqual((await store.list({ limit: 50, category: 'pricing' })).items, []);
  });

  it('list pages with an opaque cursor through every row once, in order', async () => {
    const store = await fresh();
    const base = Date.parse('2025-11-14T10:00:00.000Z');
    // 23 rows, with ties on respondBy so the cursor must use the id too.
    for (let i = 0; i < 23; i++) {
      await store.insert(
        makeNew({ respondBy: new Date(base + Math.floor(i / 3) * 60_000).toISOString(), receivedAt: new Date(base + i).toISOString() }),
      );
    }
    const expected = (await store.list({ limit: 200 })).items.map((r) => r.id);
    assert.equal(expected.length, 23);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.list({ limit: 5, ...(cursor && { cursor }) });
      assert.ok(page.items.length <= 5);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
      assert.ok(pages < 10, 'pagination does not end');
    } while (cursor);
    assert.equal(pages, 5);
    assert.deepEqual(seen, expected);
    assert.equal(new Set(seen).size, 23);
    // The order is respondBy, then id.
    const rows = (await store.list({ limit: 200 })).items;
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      assert.ok(a.respondBy < b.respondBy || (a.respondBy === b.respondBy && a.id < b.id), `${a.id} before ${b.id}`);
    }
    // An exact multiple of the page size ends without an empty extra page.
    const exact = await store.list({ limit: 23 });
    assert.equal(exact.items.length, 23);
    assert.equal(exact.nextCursor, undefined);
    // A cursor combines with filters.
    const filtered = await store.list({ limit: 2, since: new Date(base + 20).toISOString() });
    assert.equal(filtered.items.length, 2);
    const rest = await store.list({ limit: 2, since: new Date(base + 20).toISOString(), cursor: filtered.nextCursor! });
    assert.equal(rest.items.length, 1);
    assert.equal(rest.nextCursor, undefined);
  });

  it('list rejects a cursor it did not make', async () => {
    const store = await shared();
    for (const cursor of [
      'not-a-cursor',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["yesterday","x"]').toString('base64url'),
    ]) {
      await assert.rejects(store.list({ limit: 10, cursor }), InvalidCursorError);
    }
  });
}
