/**
 * client.get and client.list against the real reference server, auth on, as a host sends: with
 * its own API key (an agent: it reads only what it sent). What the agent's side shows for a task
 * that is already escalated comes from here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEscalationClient, EscalationHttpError, EscalationValidationError, type EscalationClient } from '@escalate-kit/sdk';
import { addKey, createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { addPerson, apiSession } from '../security/inbox-session.ts';
import { input } from './support.ts';

describe('client.get and client.list against the reference server', () => {
  const store = createMemoryStore();
  let handler: EscalationHandler;
  let server: RunningServer;
  let host: EscalationClient;
  let otherHost: EscalationClient;

  before(async () => {
    handler = createEscalationHandler({ store });
    server = await serve({ handler, port: 0 });
    const endpoint = `${server.url}/api/escalations`;
    const client = async (name: string) => {
      const { key } = await addKey(store.access, name, new Date());
      return createEscalationClient({ endpoint, outbox: false, headers: { authorization: `Bearer ${key}` } });
    };
    host = await client('task app');
    otherHost = await client('another app');
  });
  after(async () => {
    await server?.close();
    handler?.close();
  });

  it('reads back what it sent: status, team, respond-by, and since when the status holds', async () => {
    const sent = await host.escalate({ ...input, taskId: 'T-READ-1' });
    assert.equal(sent.status, 'sent');
    const state = await host.get(sent.request.id);
    assert.deepEqual(
      { id: state.id, taskId: state.taskId, status: state.status, team: state.team, respondBy: state.respondBy },
      { id: sent.request.id, taskId: 'T-READ-1', status: 'open', team: sent.receipt.team, respondBy: sent.receipt.respondBy },
    );
    assert.equal(state.since, state.receivedAt, 'no change yet: open since it was received');

    // The account team contacts the customer: the agent's side sees it, and since when.
    const lead = await addPerson(store, 'lead', 'lead-read@example.com');
    const session = await apiSession(server.url, lead);
    const patched = await fetch(`${server.url}/api/escalations/${state.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: server.url },
      body: JSON.stringify({ status: 'contacted' }),
    });
    assert.equal(patched.status, 200, await patched.clone().text());
    const after = await host.get(state.id.toUpperCase());
    assert.equal(after.status, 'contacted');
    assert.ok(Date.parse(after.since) >= Date.parse(state.since));
  });

  it("lists a task's escalations, by status, and never another host's", async () => {
    const sent = await host.escalate({ ...input, taskId: 'T-READ-2' });
    assert.equal(sent.status, 'sent');
    const mine = await host.list({ taskId: 'T-READ-2' });
    assert.deepEqual(
      mine.map((s) => [s.id, s.taskId, s.status]),
      [[sent.request.id, 'T-READ-2', 'open']],
    );
    assert.deepEqual(await host.list({ taskId: 'T-READ-2', status: 'resolved' }), []);
    // Another host's key reads none of it: not in its list, and a 404 for the id itself.
    assert.deepEqual(await otherHost.list({ taskId: 'T-READ-2' }), []);
    await assert.rejects(otherHost.get(sent.request.id), (e: unknown) => e instanceof EscalationHttpError && e.status === 404);
  });

  it('refuses a bad id or query by name before sending anything', async () => {
    await assert.rejects(host.get('not-a-uuid'), (e: unknown) => e instanceof EscalationValidationError && e.issues[0]?.path[0] === 'id');
    await assert.rejects(
      host.list({ taskId: ' ', status: 'closed' as 'open', limit: 0 }),
      (e: unknown) =>
        e instanceof EscalationValidationError &&
        JSON.stringify(e.issues.map((i) => i.path[0])) === JSON.stringify(['taskId', 'status', 'limit']),
    );
  });

  it('says 401 without a key, as a typed error', async () => {
    const anonymous = createEscalationClient({ endpoint: `${server.url}/api/escalations`, outbox: false });
    await assert.rejects(anonymous.list(), (e: unknown) => e instanceof EscalationHttpError && e.status === 401);
  });
});
