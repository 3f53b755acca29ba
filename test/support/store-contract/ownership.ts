/**
 * The store contract of the account team's work queue: owners (assign, compare-and-set, history
 * rows with who did it), the queue's filters (assignee, overdue, free text with `%` and `_` as
 * themselves) and the live events every change publishes.
 */
import assert from 'node:assert/strict';
import type { Actor } from '../../../packages/server/src/auth/types.ts';
import type { LiveEvent } from '../../../packages/server/src/live/event.ts';
import { makeNew, makeRequest, setStatus, testActor } from '../fixtures.ts';
import type { ContractContext } from './context.ts';

const morgan = { id: 'u-morgan', name: 'Morgan Member', email: 'morgan@example.com' };
const lee = { id: 'u-lee', name: 'Lee Lead', email: 'lee@example.com' };
const leeActor: Actor = { type: 'user', id: lee.id, email: lee.email };
const morganActor: Actor = { type: 'user', id: morgan.id, email: morgan.email };
const testActorId = testActor.type === 'user' ? testActor.id : '';
const at = (minute: number) => new Date(Date.parse('2025-11-14T10:00:00.000Z') + minute * 60_000).toISOString();

/** Waits until `events` holds `n` events (they may arrive after the change resolves, e.g. through NOTIFY). */
async function waitFor(events: LiveEvent[], n: number) {
  for (let i = 0; i < 200 && events.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(events.length, n, `${n} events arrived`);
}

export function ownershipContract({ it, shared, fresh }: ContractContext) {
  it('assign sets and clears the owner only from the owner it expects, each change a history row with who made it', async () => {
    const store = await shared();
    const { record } = await store.insert(makeNew());
    assert.equal(record.assignee, undefined);

    const claimed = await store.assign(record.id, { from: null, to: morgan, at: at(1), actor: morganActor });
    assert.equal(claimed?.changed, true);
    assert.deepEqual(claimed?.record.assignee, morgan);
    assert.deepEqual((await store.get(record.id))?.assignee, morgan);

    // Someone took it meanwhile: the expected owner (nobody) is not the owner any more.
    const stale = await store.assign(record.id, { from: null, to: lee, at: at(2), actor: leeActor });
    assert.equal(stale?.changed, false);
    assert.deepEqual(stale?.record.assignee, morgan);

    await setStatus(store, record.id, 'contacted', at(3));
    const moved = await store.assign(record.id, { from: morgan.id, to: lee, at: at(4), actor: leeActor });
    assert.equal(moved?.changed, true);
    const released = await store.assign(record.id, { from: lee.id, to: null, at: at(5), actor: leeActor });
    assert.equal(released?.changed, true);
    assert.equal(released?.record.assignee, undefined);

    const history = (await store.get(record.id))!.history;
    assert.deepEqual(
      history.map((h) => [h.from, h.to, h.assignee, h.actor.type === 'user' ? h.actor.id : h.actor.type, h.at]),
      [
        ['open', 'open', { id: morgan.id, name: morgan.name }, morgan.id, at(1)],
        ['open', 'contacted', undefined, testActorId, at(3)],
        ['contacted', 'contacted', { id: lee.id, name: lee.name }, lee.id, at(4)],
        ['contacted', 'contacted', null, lee.id, at(5)],
      ],
    );
    // A change of status or a note carries no `assignee` at all (older readers see what they saw).
    assert.equal('assignee' in history[1]!, false);
    assert.equal(await store.assign(crypto.randomUUID(), { from: null, to: lee, at: at(6), actor: leeActor }), undefined);
  });

  it('list filters by owner, by overdue at a given time and by free text, alone and with the other filters', async () => {
    const store = await fresh();
    const insert = async (request: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      (await store.insert({ ...makeNew({ request: makeRequest(request), respondBy: at(60) }), ...extra })).record.id;
    const plain = await insert({ taskId: 'T-100', taskTitle: 'Router keeps rebooting', category: 'technical' });
    const percent = await insert({ taskId: 'T-101', notes: 'Issue: Customer wants 100% refund of the charge. Tried: nothing yet.' });
    const underscore = await insert({ taskId: 'T_102', customer: { name: 'Ana Díaz', accountId: 'ACC_7781' } });
    const late = await insert({ taskId: 'T-103' }, { respondBy: at(10), resolveBy: at(500) });
    const lateResolve = await insert({ taskId: 'T-104' }, { respondBy: at(10), resolveBy: at(30) });
    await store.assign(plain, { from: null, to: morgan, at: at(1), actor: leeActor });
    await store.assign(late, { from: null, to: lee, at: at(1), actor: leeActor });
    await setStatus(store, lateResolve, 'contacted', at(5));
    await store.addNote(plain, { note: 'Spoke to the BACKHAUL team', at: at(6), actor: leeActor });

    const ids = async (query: Record<string, unknown>, now = at(20)) =>
      (await store.list({ limit: 50, ...query }, { now })).items.map((r) => r.id).sort();
    const sorted = (...list: string[]) => list.sort();

    assert.deepEqual(await ids({ assignee: morgan.id }), [plain]);
    assert.deepEqual(await ids({ assignee: 'none' }), sorted(percent, underscore, lateResolve));
    assert.deepEqual(await ids({ assignee: 'u-nobody' }), []);

    // At minute 20: `late` is still open past its respond-by; `lateResolve` was contacted in time.
    assert.deepEqual(await ids({ overdue: true }), [late]);
    // At minute 40 `lateResolve` is past its resolve-by too; once resolved it is not overdue.
    assert.deepEqual(await ids({ overdue: true }, at(40)), sorted(late, lateResolve));
    // Waiting on the customer stops its clock (docs/policy.md#follow-up): not overdue meanwhile.
    await setStatus(store, lateResolve, 'waiting', at(41));
    assert.deepEqual(await ids({ overdue: true }, at(42)), [late]);
    await setStatus(store, lateResolve, 'resolved', at(43));
    assert.deepEqual(await ids({ overdue: true }, at(44)), [late]);
    assert.deepEqual(await ids({ overdue: true }, at(5)), []);
    assert.deepEqual(await ids({ overdue: true, assignee: 'none' }, at(70)), sorted(percent, underscore));

    // Free text: any case, in the task id and title, customer name and account, the notes of both sides.
    assert.deepEqual(await ids({ q: 'router' }), [plain]);
    assert.deepEqual(await ids({ q: 'backhaul' }), [plain]);
    assert.deepEqual(await ids({ q: 'acc_77' }), [underscore]);
    assert.deepEqual(await ids({ q: 'ANA D' }), [underscore]);
    assert.deepEqual(await ids({ q: 't-10' }), sorted(plain, percent, late, lateResolve));
    // `%` and `_` are only themselves: "100%" is in one note, "T_1" in one task id ("T-1…" is not a match).
    assert.deepEqual(await ids({ q: '100%' }), [percent]);
    assert.deepEqual(await ids({ q: '0% r' }), [percent]);
    assert.deepEqual(await ids({ q: '%' }), [percent]);
    assert.deepEqual(await ids({ q: 'T_1' }), [underscore]);
    assert.deepEqual(await ids({ q: '_' }), [underscore]);
    assert.deepEqual(await ids({ q: '\\' }), []);
    assert.deepEqual(await ids({ q: 'router', category: 'billing' }), []);
    assert.deepEqual(await ids({ q: 'router', category: 'technical', assignee: morgan.id }), [plain]);
    // Paging with the filters on walks the same rows.
    const first = await store.list({ limit: 2, q: 't-10' }, { now: at(20) });
    const rest = await store.list({ limit: 2, q: 't-10', cursor: first.nextCursor! }, { now: at(20) });
    assert.deepEqual(sorted(...[...first.items, ...rest.items].map((r) => r.id)), sorted(plain, percent, late, lateResolve));
  });

  it('publishes every insert, change of status, note and change of owner to its subscribers, until they stop', async () => {
    const store = await fresh();
    const heard: LiveEvent[] = [];
    const creator: Actor = { type: 'key', id: 'k-1', name: 'Host app' };
    const request = makeRequest();
    // Only this escalation's: on PostgreSQL the channel may carry other stores' events too.
    const stop = await store.events.subscribe((e) => e.data.id === request.id && heard.push(e));
    const { record } = await store.insert({ ...makeNew({ request }), createdBy: creator });
    await setStatus(store, record.id, 'contacted', at(1));
    await store.addNote(record.id, { note: 'Called back', at: at(2), actor: leeActor });
    await store.assign(record.id, { from: null, to: morgan, at: at(3), actor: leeActor });
    // A replay or a change that did not happen publishes nothing.
    await store.insert({ ...makeNew({ request: record.request }), createdBy: creator });
    await store.assign(record.id, { from: null, to: lee, at: at(4), actor: leeActor });
    await waitFor(heard, 4);
    const id = record.id;
    assert.deepEqual(heard, [
      { type: 'escalation.created', data: { id, status: 'open', assignee: null, at: record.receivedAt }, createdBy: creator },
      { type: 'escalation.changed', data: { id, status: 'contacted', assignee: null, change: 'status', at: at(1) }, createdBy: creator },
      { type: 'escalation.changed', data: { id, status: 'contacted', assignee: null, change: 'note', at: at(2) }, createdBy: creator },
      {
        type: 'escalation.changed',
        data: { id, status: 'contacted', assignee: morgan, change: 'assignee', at: at(3) },
        createdBy: creator,
      },
    ]);
    stop();
    await setStatus(store, id, 'resolved', at(5));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(heard.length, 4);
  });

  it('tells subscribers their feed is gone when the store closes (and closing twice is harmless)', async () => {
    const store = await fresh();
    let lost = 0;
    await store.events.subscribe(
      () => {},
      () => lost++,
    );
    await store.close();
    assert.equal(lost, 1);
    await store.close();
  });
}
