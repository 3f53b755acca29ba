/**
 * The behaviour every `EscalationStore` must have, as one suite run against each flavour
 * (memory, PGlite, PostgreSQL), so the flavours cannot drift apart.
 */
import assert from 'node:assert/strict';
import { after, describe, it as test } from 'node:test';
import { InvalidCursorError } from '../../packages/server/src/store/common.ts';
import { storedEscalationSchema, type EscalationStore } from '../../packages/server/src/types.ts';
import { makeNew, makeRequest } from './fixtures.ts';

/**
 * Registers the contract suite. `open` returns a fresh, migrated, empty store; the suite
 * closes every store it opened.
 */
export function describeStoreContract(name: string, open: () => Promise<EscalationStore>, options: { skip?: string | false } = {}) {
  // Skipped test by test rather than as a suite, so every skipped test shows in the counts.
  const it = (title: string, fn: () => Promise<void>) => test(title, { skip: options.skip || false }, fn);
  describe(`EscalationStore contract: ${name}`, () => {
    const opened: EscalationStore[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    // One shared store for tests that only look at their own rows (by id or by a category of their own).
    let sharedStore: Promise<EscalationStore> | undefined;
    const shared = () => (sharedStore ??= fresh());
    after(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

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

    it('list orders by respondBy, then id, and filters by status, category and since', async () => {
      const store = await fresh();
      const ids = ['b0000000-0000-4000-8000-000000000000', 'a0000000-0000-4000-8000-000000000000', 'A0000000-0000-4000-8000-000000000000'];
      // Two share a respondBy: the id breaks the tie, byte-wise ('A' < 'a' < 'b').
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
      await store.updateStatus(late.record.id, { status: 'resolved' }, '2025-11-14T14:00:00.000Z');

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

    it('setNotification replaces the notification; dueNotifications claims pending and failed-and-due rows only', async () => {
      const store = await fresh();
      const pending = await store.insert(makeNew({ receivedAt: '2025-11-14T10:00:00.000Z' }));
      const failedDue = await store.insert(makeNew({ receivedAt: '2025-11-14T10:01:00.000Z' }));
      const failedLater = await store.insert(makeNew({ receivedAt: '2025-11-14T10:02:00.000Z' }));
      const sent = await store.insert(makeNew({ receivedAt: '2025-11-14T10:03:00.000Z' }));

      await store.setNotification(failedDue.record.id, {
        state: 'failed',
        attempts: 1,
        lastError: 'SMTP 421',
        nextAttemptAt: '2025-11-14T10:05:00.000Z',
      });
      await store.setNotification(failedLater.record.id, {
        state: 'failed',
        attempts: 3,
        lastError: 'timeout',
        nextAttemptAt: '2025-11-14T11:00:00.000Z',
      });
      await store.setNotification(sent.record.id, {
        state: 'failed',
        attempts: 1,
        lastError: 'x',
        nextAttemptAt: '2025-11-14T10:05:00.000Z',
      });
      await store.setNotification(sent.record.id, {
        state: 'sent',
        attempts: 2,
        sentAt: '2025-11-14T10:06:00.000Z',
        messageId: '<m1@example.com>',
      });

      // Replacing drops what the new state does not have (no stale lastError on a sent e-mail).
      assert.deepEqual((await store.get(sent.record.id))?.notification, {
        state: 'sent',
        attempts: 2,
        sentAt: '2025-11-14T10:06:00.000Z',
        messageId: '<m1@example.com>',
      });
      assert.deepEqual((await store.get(failedDue.record.id))?.notification, {
        state: 'failed',
        attempts: 1,
        lastError: 'SMTP 421',
        nextAttemptAt: '2025-11-14T10:05:00.000Z',
      });

      // Each call claims what it returns for the lease (2 minutes by default): no call returns it again before then.
      const claim = async (now: string, limit = 10, leaseMs?: number) =>
        (await store.dueNotifications(now, limit, leaseMs)).map((r) => r.id);
      assert.deepEqual(await claim('2025-11-14T10:04:59.999Z'), [pending.record.id]);
      assert.deepEqual(await claim('2025-11-14T10:05:00.000Z'), [failedDue.record.id]);
      assert.deepEqual(await claim('2025-11-14T10:06:59.998Z'), []);
      // The claim moved nextAttemptAt to the end of the lease and kept the rest.
      assert.deepEqual((await store.get(failedDue.record.id))?.notification, {
        state: 'failed',
        attempts: 1,
        lastError: 'SMTP 421',
        nextAttemptAt: '2025-11-14T10:07:00.000Z',
      });
      // A lease that ran out (the server that claimed died) frees the row; oldest first, at most `limit`.
      const [due] = await store.dueNotifications('2025-11-14T12:00:00.000Z', 1);
      assert.deepEqual(due, {
        ...pending.record,
        notification: { state: 'pending', attempts: 0, nextAttemptAt: '2025-11-14T12:02:00.000Z' },
      });
      assert.deepEqual(await store.get(pending.record.id), due);
      assert.deepEqual(await claim('2025-11-14T12:00:00.000Z'), [failedDue.record.id, failedLater.record.id]);
      assert.deepEqual(await claim('2025-11-14T12:00:00.000Z'), []);
      // A lease of the caller's length.
      assert.deepEqual(await claim('2025-11-14T13:00:00.000Z', 10, 1000), [pending.record.id, failedDue.record.id, failedLater.record.id]);
      assert.deepEqual(await claim('2025-11-14T13:00:00.999Z', 10, 1000), []);
      assert.deepEqual(await claim('2025-11-14T13:00:01.000Z', 10, 1000), [pending.record.id, failedDue.record.id, failedLater.record.id]);
      // setNotification ends the lease: a failure's backoff decides again.
      await store.setNotification(failedDue.record.id, {
        state: 'failed',
        attempts: 2,
        lastError: 'SMTP 421',
        nextAttemptAt: '2025-11-14T13:00:01.500Z',
      });
      assert.deepEqual(await claim('2025-11-14T13:00:01.500Z'), [failedDue.record.id]);
    });

    it('insert with notificationLeaseUntil leaves the first attempt to the inserting server until then', async () => {
      const store = await fresh();
      const { record } = await store.insert({
        ...makeNew({ receivedAt: '2025-11-14T10:00:00.000Z' }),
        notificationLeaseUntil: '2025-11-14T11:02:00+01:00',
      });
      assert.deepEqual(record.notification, { state: 'pending', attempts: 0, nextAttemptAt: '2025-11-14T10:02:00.000Z' });
      assert.deepEqual(await store.get(record.id), record);
      assert.deepEqual(await store.dueNotifications('2025-11-14T10:01:59.999Z', 10), []);
      assert.deepEqual(
        (await store.dueNotifications('2025-11-14T10:02:00.000Z', 10)).map((r) => r.id),
        [record.id],
      );
    });

    it('concurrent dueNotifications calls never return the same escalation', async () => {
      const store = await fresh();
      const base = Date.parse('2025-11-14T10:00:00.000Z');
      const ids: string[] = [];
      for (let i = 0; i < 24; i++)
        ids.push((await store.insert(makeNew({ receivedAt: new Date(base + i * 1000).toISOString() }))).record.id);
      const now = '2025-11-14T11:00:00.000Z';
      const batches = await Promise.all(Array.from({ length: 8 }, () => store.dueNotifications(now, 5)));
      const claimed = batches.flat().map((r) => r.id);
      assert.equal(new Set(claimed).size, claimed.length, 'an escalation was claimed twice');
      // What the racing calls left is still there for the next one, and nothing else.
      const rest = (await store.dueNotifications(now, 100)).map((r) => r.id);
      assert.deepEqual([...claimed, ...rest].sort(), [...ids].sort());
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

    it('returns copies: changing a returned record does not change the store', async () => {
      const store = await shared();
      const { record } = await store.insert(makeNew());
      record.status = 'resolved';
      record.history.push({ status: 'resolved', at: '2025-11-14T10:00:00.000Z' });
      record.request.notes = 'tampered';
      const stored = await store.get(record.id);
      assert.equal(stored?.status, 'open');
      assert.deepEqual(stored?.history, []);
      assert.notEqual(stored?.request.notes, 'tampered');
    });
  });
}
