/**
 * The demo's own back end: the escalation relay sends with the host's key what the page posted,
 * body and Idempotency-Key unchanged, and answers as the API did; it refuses other origins and
 * other methods. And the whole demo server answers only the host names it should, so a page on
 * a domain re-pointed at 127.0.0.1 (DNS rebinding) gets nothing from it.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../../packages/demo/server.ts';
import { wire } from '../../support/fixtures.ts';

describe("the demo's back end", () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'escalate-demo-back-end-'));
    demo = await startDemo({ port: 0, dataDir, env: { ALLOWED_HOSTS: 'escalations.internal' } });
  });
  after(async () => {
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const relay = (body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    fetch(`${demo.url}/demo/api/escalations`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(method === 'POST' && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  it("sends with the host's key, Idempotency-Key unchanged, and answers as the API did", async () => {
    const body = wire({ taskId: 'T-RELAY' });
    const first = await relay(body, { 'idempotency-key': body.id, origin: demo.url, 'sec-fetch-site': 'same-origin' });
    assert.equal(first.status, 201);
    assert.equal(((await first.json()) as { id: string }).id, body.id);
    // The same key and body again: the API's replay answer, so the key went through unchanged.
    const again = await relay(body, { 'idempotency-key': body.id });
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { duplicate: boolean }).duplicate, true);
    const stored = await demo.store.get(body.id);
    assert.deepEqual(stored?.createdBy && { type: stored.createdBy.type, name: (stored.createdBy as { name: string }).name }, {
      type: 'key',
      name: 'demo host page',
    });
  });

  it('reads back what the host sent, with its key: the list of a task, one escalation, nothing of another', async () => {
    const body = wire({ taskId: 'T-RELAY-READ' });
    assert.equal((await relay(body, { 'idempotency-key': body.id })).status, 201);
    const list = await fetch(`${demo.url}/demo/api/escalations?taskId=T-RELAY-READ`, { headers: { 'sec-fetch-site': 'same-origin' } });
    assert.equal(list.status, 200);
    assert.deepEqual(
      ((await list.json()) as { items: { id: string }[] }).items.map((i) => i.id),
      [body.id],
    );
    const one = await fetch(`${demo.url}/demo/api/escalations/${body.id}`);
    assert.equal(((await one.json()) as { status: string }).status, 'open');
    assert.equal((await fetch(`${demo.url}/demo/api/escalations/${crypto.randomUUID()}`)).status, 404);
    // Only the escalations path and an escalation's id: no other API route through the key.
    assert.equal((await fetch(`${demo.url}/demo/api/escalations/${body.id}/notes`)).status, 404);
  });

  it("passes the API's refusals on as they are", async () => {
    const bad = await relay({ ...wire(), contactMethod: 'pigeon' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: string }).error, 'invalid_request');
    const body = wire();
    const other = await relay({ ...body, notes: `${body.notes as string} More.` }, { 'idempotency-key': crypto.randomUUID() });
    assert.ok([400, 409].includes(other.status), `the API's answer: ${other.status}`);
  });

  it('refuses pages of other origins, and methods other than GET and POST', async () => {
    const body = wire();
    const foreign: Record<string, string>[] = [
      { origin: 'http://127.0.0.1:1' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const refused = await relay(body, { 'idempotency-key': body.id, ...headers });
      assert.equal(refused.status, 403, JSON.stringify(headers));
    }
    assert.equal(await demo.store.get(body.id), undefined, 'nothing was sent');
    for (const method of ['PUT', 'DELETE', 'PATCH']) assert.equal((await relay(undefined, {}, method)).status, 405, method);
    const read = await fetch(`${demo.url}/demo/api/escalations`, { headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(read.status, 403, 'nor read from another site');
  });

  /** GET with a chosen Host header (fetch would not let it be set). */
  const withHost = (path: string, host: string) =>
    new Promise<number>((ok, fail) => {
      const { hostname, port } = new URL(demo.url);
      request({ host: hostname, port, path, headers: { host } }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      })
        .on('error', fail)
        .end();
    });

  it('answers only loopback, IP literals and ALLOWED_HOSTS, never a rebound domain', async () => {
    const port = new URL(demo.url).port;
    for (const path of ['/', '/assets/main.js', '/demo/tasks', '/api/escalations', '/inbox', '/healthz']) {
      assert.equal(await withHost(path, `attacker.example:${port}`), 403, path);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `escalations.internal:${port}`]) {
      assert.equal(await withHost('/', host), 200, host);
    }
    // (An empty Host cannot be sent this way: Node's client then writes its own.)
    for (const host of ['a b', 'localhost.attacker.example', 'attacker.example.', 'attacker.example:80:80']) {
      assert.equal(await withHost('/', host), 403, host);
    }
  });
});
