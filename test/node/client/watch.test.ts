/**
 * client.watch(id) against the real reference server over HTTP, auth on, as a host watches the
 * escalation it sent with its own API key: the state it resolves with, each change the account
 * team makes, reconnection after the server went away (with what changed meanwhile), a refusal
 * for an escalation the key may not read, a final error when its key is revoked, and close().
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createEscalationClient,
  EscalationHttpError,
  EscalationValidationError,
  type EscalationChangeEvent,
  type EscalationClient,
  type EscalationState,
  type EscalationWatch,
  type EscalationWatchErrorEvent,
} from '@escalate-kit/sdk';
import { addKey, createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { addPerson, apiSession, type ApiSession } from '../security/inbox-session.ts';
import { input } from './support.ts';

/** Collects a watch's `change` states; `next()` waits for the next one not yet taken. */
function collect(watch: EscalationWatch) {
  const states: EscalationState[] = [];
  const errors: EscalationWatchErrorEvent[] = [];
  let taken = 0;
  watch.addEventListener('change', (e: EscalationChangeEvent) => states.push(e.state));
  watch.addEventListener('error', (e: EscalationWatchErrorEvent) => errors.push(e));
  async function next(ms = 3000): Promise<EscalationState> {
    const deadline = Date.now() + ms;
    while (taken >= states.length) {
      if (Date.now() > deadline) throw new Error(`no change within ${ms} ms (errors: ${errors.map((e) => e.error.message).join('; ')})`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return states[taken++]!;
  }
  return { states, errors, next };
}

describe('client.watch against the reference server', () => {
  const store = createMemoryStore();
  let handler: EscalationHandler;
  let server: RunningServer;
  let host: EscalationClient;
  let otherHost: EscalationClient;
  let member: ApiSession;
  const watches: EscalationWatch[] = [];

  const start = async (port = 0) => {
    handler = createEscalationHandler({ store, live: { retryMs: 100 } });
    server = await serve({ handler, port });
  };
  before(async () => {
    await start();
    const endpoint = `${server.url}/api/escalations`;
    const client = async (name: string) => {
      const { key } = await addKey(store.access, name, new Date());
      return createEscalationClient({ endpoint, outbox: false, headers: { authorization: `Bearer ${key}` } });
    };
    host = await client('task app');
    otherHost = await client('another app');
    member = await apiSession(server.url, await addPerson(store, 'member'));
  });
  after(async () => {
    for (const w of watches) w.close();
    await server?.close();
    handler?.close();
  });

  const change = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie: member.cookie, 'x-csrf-token': member.csrfToken, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    assert.equal(response.status, 200, await response.text());
  };
  const watch = async (client: EscalationClient, id: string) => {
    const w = await client.watch(id, { minDelay: 50, maxDelay: 200 });
    watches.push(w);
    return w;
  };

  it('resolves with the state, then tells every change the team makes', async () => {
    const sent = await host.escalate({ ...input, taskId: 'T-WATCH-1' });
    assert.equal(sent.status, 'sent');
    const id = sent.request.id;
    const w = await watch(host, id);
    const seen = collect(w);
    const first = w.state;
    assert.deepEqual([w.id, first.id, first.taskId, first.status], [id, id, 'T-WATCH-1', 'open']);
    // Connecting reads it again; what did not change is not told.
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(seen.states.length, 0);

    await change('PATCH', `/api/escalations/${id}`, { status: 'contacted' });
    const contacted = await seen.next();
    assert.equal(contacted.status, 'contacted');
    assert.notEqual(contacted.since, first.since);
    await change('PATCH', `/api/escalations/${id}`, { status: 'resolved' });
    assert.equal((await seen.next()).status, 'resolved');
    assert.equal(w.state.status, 'resolved');
    w.close();
    assert.equal(w.closed, true);
    await change('PATCH', `/api/escalations/${id}`, { status: 'open', note: 'Customer called back' });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(seen.states.length, 2, 'nothing after close()');
  });

  it('reconnects after the server went away, and tells what changed meanwhile', async () => {
    const sent = await host.escalate({ ...input, taskId: 'T-WATCH-2' });
    const id = sent.request.id;
    const w = await watch(host, id);
    const seen = collect(w);
    assert.equal(w.state.status, 'open');
    // Connected (the server holds its stream) before it goes away.
    await new Promise((r) => setTimeout(r, 100));
    const port = Number(new URL(server.url).port);
    await server.close();
    handler.close();
    // While nobody serves it, the team's change lands in the store.
    const current = await store.get(id);
    await store.changeStatus(id, {
      from: current!.status,
      to: 'contacted',
      at: new Date().toISOString(),
      actor: { type: 'anonymous', name: 'test' },
    });
    await new Promise((r) => setTimeout(r, 150));
    await start(port);
    assert.equal((await seen.next(5000)).status, 'contacted');
    assert.ok(seen.errors.every((e) => !e.final));
  });

  it('rejects an escalation the key may not read and an id that is not one; stops for good once refused', async () => {
    const sent = await host.escalate({ ...input, taskId: 'T-WATCH-3' });
    await assert.rejects(otherHost.watch(sent.request.id), (e: unknown) => e instanceof EscalationHttpError && e.status === 404);
    await assert.rejects(host.watch('not-an-id'), EscalationValidationError);
    // Its key revoked while watching: reconnecting is refused (401), a final error, and the watch stops.
    const { key, id: keyId } = await addKey(store.access, 'short-lived', new Date());
    const headers = { authorization: `Bearer ${key}` };
    const shortLived = createEscalationClient({ endpoint: `${server.url}/api/escalations`, outbox: false, headers });
    const mine = await shortLived.escalate({ ...input, taskId: 'T-WATCH-4' });
    const w = await watch(shortLived, mine.request.id);
    const seen = collect(w);
    await new Promise((r) => setTimeout(r, 100));
    await store.access.revokeKey(keyId, new Date().toISOString());
    await server.close();
    handler.close();
    await start(Number(new URL(server.url).port));
    for (let i = 0; i < 300 && !w.closed; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(w.closed, true);
    assert.equal(seen.errors.at(-1)?.final, true);
    assert.equal((seen.errors.at(-1)?.error as EscalationHttpError).status, 401);
  });
});
