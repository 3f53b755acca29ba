/**
 * Attacks from other origins, in real Chromium: pages served on other 127.0.0.1 ports while a
 * lead is signed in to the inbox in the same browser. Ports do not make sites: the session cookie
 * is sent with those pages' requests (SameSite=Strict keeps it from other sites, not from other
 * ports of the same host), so what stops them is CORS (no answer to read) and the CSRF token (no
 * change without it). One of the two pages is in ALLOWED_ORIGINS: it may call the API with an
 * API key, and still not with the session.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemo } from '../../../packages/demo/server.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { wire } from '../../support/fixtures.ts';
import { signInToInbox } from './inbox-session.ts';

/** A bare page on a port of its own: the other origin. */
async function otherOrigin(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Other</title>'),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** What a fetch from the page got: the status and body it could read, or that it could read nothing. */
type Outcome = { read: true; status: number; body: string } | { read: false };

describe('pages on other origins, in Chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let dataDir: string;
  let browser: Browser;
  let evil: Awaited<ReturnType<typeof otherOrigin>>;
  let allowed: Awaited<ReturnType<typeof otherOrigin>>;
  let evilPage: Page;
  let allowedPage: Page;
  let escalationId: string;

  before(async () => {
    [evil, allowed] = await Promise.all([otherOrigin(), otherOrigin()]);
    dataDir = await mkdtemp(join(tmpdir(), 'escalate-cross-origin-'));
    demo = await startDemo({ port: 0, dataDir, env: { ALLOWED_ORIGINS: allowed.url } });
    const body = wire({ taskId: 'T-CROSS' });
    const sent = await fetch(`${demo.url}/demo/api/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': body.id },
      body: JSON.stringify(body),
    });
    assert.equal(sent.status, 201);
    escalationId = body.id;
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    // The victim: the lead, signed in to the inbox in this browser.
    const inbox = await browser.newPage();
    inbox.setDefaultTimeout(15_000);
    await signInToInbox(inbox, demo.inboxUrl, demo.access);
    [evilPage, allowedPage] = await Promise.all([browser.newPage(), browser.newPage()]);
    await evilPage.goto(evil.url);
    await allowedPage.goto(allowed.url);
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await Promise.all([evil, allowed].map((o) => o && new Promise((ok) => o.server.close(ok))));
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A fetch made by the page itself, under the browser's rules. */
  const call = (page: Page, url: string, init: RequestInit = {}): Promise<Outcome> =>
    page.evaluate(
      async (u, i) => {
        try {
          const r = await fetch(u, i);
          return { read: true as const, status: r.status, body: await r.text() };
        } catch {
          return { read: false as const };
        }
      },
      url,
      init as Record<string, unknown>,
    );
  const api = (path: string) => `${demo.url}${path}`;
  const statusOf = async () => (await demo.store.get(escalationId))!.status;
  const userCount = async () => (await demo.store.access.listUsers()).length;

  it('cannot read escalations, the session or the task queue with the signed-in session', async () => {
    for (const path of ['/api/escalations', `/api/escalations/${escalationId}`, '/api/session', '/api/users', '/demo/tasks']) {
      assert.deepEqual(await call(evilPage, api(path), { credentials: 'include' }), { read: false }, path);
    }
  });

  it('cannot change an escalation, add a user or sign the lead out with the session', async () => {
    const users = await userCount();
    const patch = await call(evilPage, api(`/api/escalations/${escalationId}`), {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'contacted' }),
    });
    assert.deepEqual(patch, { read: false }, 'the preflight is refused');
    // A simple request needs no preflight and carries the cookie: the missing CSRF token stops it.
    await call(evilPage, api('/api/users'), {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'include',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ email: 'mallory@example.com', role: 'lead' }),
    });
    // The same as a form would send it, navigating the page.
    await Promise.all([
      evilPage.waitForNavigation(),
      evilPage.evaluate((action) => {
        const form = Object.assign(document.createElement('form'), { method: 'POST', action, enctype: 'text/plain' });
        form.append(
          Object.assign(document.createElement('input'), { name: '{"email":"eve@example.com","role":"lead","x":"', value: '"}' }),
        );
        document.body.append(form);
        form.submit();
      }, api('/api/users')),
    ]);
    assert.match(await evilPage.evaluate(() => document.body.textContent ?? ''), /csrf|unsupported|415/i, 'the form got a refusal');
    await evilPage.goto(evil.url);
    assert.deepEqual(
      await call(evilPage, api('/api/session'), { method: 'DELETE', credentials: 'include', headers: { 'x-csrf-token': 'guess' } }),
      { read: false },
    );
    assert.equal(await statusOf(), 'open');
    assert.equal(await userCount(), users, 'no user was added');
    const still = await fetch(api('/api/session'), { headers: { cookie: await inboxCookie() } });
    assert.equal(still.status, 200, 'the lead is still signed in');
  });

  it("cannot send escalations through the demo's back end, which holds the key", async () => {
    const before = (await demo.store.list({ limit: 200 })).items.length;
    const body = wire({ taskId: 'T-RELAYED' });
    await call(evilPage, api('/demo/api/escalations'), {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'content-type': 'text/plain', 'idempotency-key': body.id },
      body: JSON.stringify(body),
    });
    const json = await call(evilPage, api('/demo/api/escalations'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': body.id },
      body: JSON.stringify(body),
    });
    assert.deepEqual(json, { read: false });
    assert.equal((await demo.store.list({ limit: 200 })).items.length, before);
  });

  it('lets the allowed origin call the API with an API key, and read the answer', async () => {
    const headers = { authorization: `Bearer ${demo.access.key}` };
    const listed = await call(allowedPage, api('/api/escalations'), { headers });
    assert.ok(listed.read && listed.status === 200, JSON.stringify(listed));
    assert.ok(listed.body.includes(escalationId));
    const body = wire({ taskId: 'T-ALLOWED' });
    const sent = await call(allowedPage, api('/api/escalations'), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': body.id },
      body: JSON.stringify(body),
    });
    assert.ok(sent.read && sent.status === 201, JSON.stringify(sent));
  });

  it('gives a non-listed origin no answer to read, with the key or not', async () => {
    const headers = { authorization: `Bearer ${demo.access.key}` };
    assert.deepEqual(await call(evilPage, api('/api/escalations'), { headers }), { read: false });
    assert.deepEqual(await call(evilPage, api('/api/escalations')), { read: false });
  });

  it("gives the allowed origin nothing with the person's session: CORS is for keys", async () => {
    assert.deepEqual(await call(allowedPage, api('/api/escalations'), { credentials: 'include' }), { read: false });
  });

  it('leaves CORS to the handler: the demo adds no CORS header of its own', async () => {
    for (const path of ['/', '/index.html', '/demo.css', '/assets/main.js', '/demo/tasks', '/nope']) {
      const response = await fetch(api(path), { headers: { origin: allowed.url } });
      const cors = [...response.headers.keys()].filter((h) => h.startsWith('access-control-'));
      assert.deepEqual(cors, [], path);
    }
  });

  /** The lead's session cookie, from the browser (HttpOnly: only through DevTools). */
  async function inboxCookie(): Promise<string> {
    const [cookie] = await browser.defaultBrowserContext().cookies();
    return `${cookie!.name}=${cookie!.value}`;
  }
});
