/**
 * The store contract: the server's decision and resolve-by kept as given, escalations without one
 * (stored before migration 003) answered without one, and the list by team.
 */
import assert from 'node:assert/strict';
import { storedEscalationSchema, type Decision } from '../../../packages/server/src/types.ts';
import { makeNew, makeRequest, setStatus } from '../fixtures.ts';
import type { ContractContext } from './context.ts';

/** A decision as the handler makes one: a legal threat on a billing case. */
export const legalDecision: Decision = {
  team: 'legal',
  level: 2,
  levelName: 'Supervisor / Manager',
  levelSetBy: 'Legal, BBB or regulatory threats go to legal / compliance',
  priority: 'high',
  urgency: 'standard',
  mandatory: true,
  reasons: ['Legal, BBB or regulatory threats go to legal / compliance', 'Refund of $450 is over $100, so it goes to the Billing Team'],
  respondBy: { at: '2025-11-14T14:00:00.000Z', rule: 'levels', within: { hours: 4 } },
  resolveBy: { at: '2025-11-21T10:00:00.000Z', rule: 'specialised-teams', within: { businessDays: 5 } },
  timeZone: 'America/Chicago',
};

export function decisionContract({ it, shared, fresh }: ContractContext) {
  it('insert keeps the decision and resolveBy as given, and answers them the same from get and list', async () => {
    const store = await shared();
    const request = makeRequest({
      category: 'billing',
      signals: { legalThreat: true, refund: 450 },
      routing: { level: 1, team: 'billing' },
    });
    const { record } = await store.insert({
      ...makeNew({ request, team: 'legal', respondBy: '2025-11-14T08:00:00-06:00' }),
      resolveBy: '2025-11-21T04:00:00-06:00',
      decision: legalDecision,
    });
    assert.equal(record.team, 'legal');
    assert.equal(record.respondBy, '2025-11-14T14:00:00.000Z');
    // Any offset in, the same instant in UTC out.
    assert.equal(record.resolveBy, '2025-11-21T10:00:00.000Z');
    assert.deepEqual(record.decision, legalDecision);
    assert.deepEqual(record.request.routing, { level: 1, team: 'billing' }, 'the suggestion is kept as it came');
    storedEscalationSchema.parse(record);
    assert.deepEqual(await store.get(request.id), record);
    const listed = await store.list({ limit: 200, taskId: request.taskId });
    assert.deepEqual(listed.items, [record]);
  });

  it('an escalation stored without a decision is answered without one, and without resolveBy', async () => {
    const store = await shared();
    const { record } = await store.insert(makeNew());
    assert.equal('decision' in record, false);
    assert.equal('resolveBy' in record, false);
    const got = await store.get(record.id);
    assert.equal(got && 'decision' in got, false);
    assert.equal(got && 'resolveBy' in got, false);
    storedEscalationSchema.parse(got);
  });

  it('a decision without a resolve-by stores no resolveBy', async () => {
    const store = await shared();
    const { resolveBy: _none, ...decision } = legalDecision;
    const { record } = await store.insert({ ...makeNew({ team: 'legal' }), decision });
    assert.equal('resolveBy' in record, false);
    assert.deepEqual((await store.get(record.id))?.decision, decision);
  });

  it('list filters by team, with the other filters and the cursor', async () => {
    const store = await fresh();
    const insert = async (team: string, respondBy: string, category = 'billing') =>
      (await store.insert(makeNew({ request: makeRequest({ category }), team, respondBy }))).record.id;
    const legalLate = await insert('legal', '2025-11-14T16:00:00.000Z');
    const billing = await insert('billing', '2025-11-14T11:00:00.000Z');
    const legalEarly = await insert('legal', '2025-11-14T12:00:00.000Z', 'complaint');
    const legalMiddle = await insert('legal', '2025-11-14T14:00:00.000Z');
    await setStatus(store, legalMiddle, 'resolved', '2025-11-14T15:00:00.000Z');

    const ids = async (query: Parameters<typeof store.list>[0]) => (await store.list(query)).items.map((r) => r.id);
    assert.deepEqual(await ids({ limit: 50, team: 'legal' }), [legalEarly, legalMiddle, legalLate]);
    assert.deepEqual(await ids({ limit: 50, team: 'billing' }), [billing]);
    assert.deepEqual(await ids({ limit: 50, team: 'fraud' }), []);
    assert.deepEqual(await ids({ limit: 50, team: 'legal', status: 'open' }), [legalEarly, legalLate]);
    assert.deepEqual(await ids({ limit: 50, team: 'legal', category: 'billing' }), [legalMiddle, legalLate]);
    const first = await store.list({ limit: 2, team: 'legal' });
    assert.deepEqual(
      first.items.map((r) => r.id),
      [legalEarly, legalMiddle],
    );
    assert.deepEqual(await ids({ limit: 2, team: 'legal', cursor: first.nextCursor! }), [legalLate]);
  });
}
