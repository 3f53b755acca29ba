/**
 * `POST /api/handled` through the handler with auth on: who may report (a host's key and every
 * signed-in role, nobody else), idempotency by id (a replay 200 `duplicate`, another body 409), a
 * 400 naming every bad field at once, and what is stored (docs/policy.md#metrics).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { attackHarness, codeOf, type Harness, type Session } from '../security/attack-harness.ts';

const report = (overrides: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  taskId: `T-${crypto.randomUUID().slice(0, 8)}`,
  agentId: 'agent-7',
  agentStartedOn: '2025-01-10',
  handledAt: '2025-11-14T09:30:00.000Z',
  ...overrides,
});

describe('POST /api/handled', () => {
  let h: Harness;
  let member: Session;
  let lead: Session;
  before(async () => {
    h = await attackHarness();
    [member, lead] = await Promise.all([h.session(h.people.member), h.session(h.people.lead)]);
  });
  after(() => h.close());

  const post = (body: Record<string, unknown>, as: { key?: string; session?: Session } = {}, key: string | null = String(body.id)) =>
    h.call('POST', '/api/handled', { ...as, body, ...(key !== null && { headers: { 'idempotency-key': key } }) });

  it("takes a host's key and every role, and refuses nobody", async () => {
    for (const as of [{ key: h.key.key }, { session: member }, { session: lead }]) {
      assert.equal((await post(report(), as)).status, 201);
    }
    const agent = await h.session(h.people.agent);
    assert.equal((await post(report(), { session: agent })).status, 201);
    assert.equal(await codeOf(await post(report()), 401), 'unauthorized');
    assert.equal(await codeOf(await post(report(), { session: { ...member, csrfToken: 'wrong' } }), 403), 'csrf');
  });

  it('stores it once: the same id and body again is 200 duplicate, another body 409', async () => {
    const body = report();
    const first = await post(body, { key: h.key.key });
    assert.equal(first.status, 201);
    const answer = { id: body.id, taskId: body.taskId, agentId: 'agent-7', handledAt: '2025-11-14T09:30:00.000Z' };
    assert.deepEqual(await first.json(), { ...answer, duplicate: false });
    const again = await post(body, { key: h.key.key });
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { ...answer, duplicate: true });
    assert.equal(await codeOf(await post({ ...body, agentId: 'agent-8' }, { key: h.key.key }), 409), 'conflict');
    const { handled } = await h.store.metricsRows('2025-11-14T00:00:00Z', '2025-11-15T00:00:00Z');
    const stored = handled.filter((r) => r.id === body.id);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.agentStartedOn, '2025-01-10');
    assert.equal(stored[0]!.createdBy?.type, 'key');
  });

  it('dates a report without handledAt when it arrives, and a replay of it is the same report', async () => {
    const body = report({ handledAt: undefined });
    const first = (await (await post(body, { key: h.key.key })).json()) as { handledAt: string };
    assert.equal(first.handledAt, h.clock.now().toISOString());
    h.clock.advance(60_000);
    const again = await post(body, { key: h.key.key });
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { handledAt: string }).handledAt, first.handledAt);
  });

  it('names every bad field at once, and stores nothing', async () => {
    const bad = {
      id: 'not-a-uuid',
      taskId: '',
      agentId: 'agent\u200b7',
      agentStartedOn: '2025-02-30',
      handledAt: 'yesterday',
      extra: true,
    };
    const response = await post(bad, { key: h.key.key });
    assert.equal(response.status, 400);
    const { issues } = (await response.json()) as { issues: { path: (string | number)[]; message: string }[] };
    const named = new Set(issues.map((i) => (i.path.length ? String(i.path[0]) : i.message)));
    for (const field of ['id', 'taskId', 'agentId', 'agentStartedOn', 'handledAt']) assert.ok(named.has(field), `${field} named`);
    assert.ok(
      issues.some((i) => /extra/.test(i.message)),
      'the unknown field named',
    );
    const missing = await post({}, { key: h.key.key }, null);
    const paths = ((await missing.json()) as { issues: { path: string[] }[] }).issues.map((i) => i.path[0]);
    assert.deepEqual([...new Set(paths)].sort(), ['agentId', 'id', 'taskId']);
    const body = report();
    const wrongKey = await post(body, { key: h.key.key }, crypto.randomUUID());
    assert.equal(wrongKey.status, 400);
    assert.match(JSON.stringify(await wrongKey.json()), /Idempotency-Key/);
    const { handled } = await h.store.metricsRows('1970-01-01T00:00:00Z', '9999-01-01T00:00:00Z');
    assert.ok(!handled.some((r) => r.id === body.id));
  });
});
