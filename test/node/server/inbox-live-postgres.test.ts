/**
 * The inbox live across servers, in Chromium: two servers share one PostgreSQL database (a schema
 * and a NOTIFY channel of this run); a member's inbox open on the second shows, without a reload,
 * an escalation a host posted to the first, within a second of the POST's answer. Skipped, saying
 * why, without DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it as test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { addKey, createEscalationHandler, type EscalationHandler, type EscalationStore } from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { createPostgresDatabase, createPostgresStore } from '../../../packages/server/src/postgres.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { wire } from '../../support/fixtures.ts';
import { addPerson, signInToInbox } from '../security/inbox-session.ts';

const url = process.env.DATABASE_URL ?? '';
const skip = url ? false : 'DATABASE_URL is not set (e.g. postgres://user:password@127.0.0.1:5432/db; .ci/run sets one up)';
if (skip) console.log(`# PostgreSQL live inbox test skipped: ${skip}`);

const run = `escalate_inbox_live_${process.pid}_${Date.now().toString(36)}`;

async function admin(sql: string) {
  const db = createPostgresDatabase({ connectionString: url, max: 1 });
  try {
    await db.query(sql);
  } finally {
    await db.close();
  }
}

describe('the inbox, live across two servers on PostgreSQL', () => {
  const stores: EscalationStore[] = [];
  const handlers: EscalationHandler[] = [];
  const servers: RunningServer[] = [];
  let browser: Browser | undefined;

  before(async () => {
    if (skip) return;
    await admin(`CREATE SCHEMA ${run}`);
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${run}`);
    const script = await bundleInbox();
    for (let i = 0; i < 2; i++) {
      const store = createPostgresStore({ connectionString: u.href, channel: run });
      await store.migrate();
      const handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script } });
      stores.push(store);
      handlers.push(handler);
      servers.push(await serve({ handler, port: 0 }));
    }
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
  });
  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
    for (const h of handlers) h.close();
    await Promise.all(stores.map((s) => s.close()));
    if (!skip) await admin(`DROP SCHEMA IF EXISTS ${run} CASCADE`);
  });

  test('shows an escalation posted to the other server within a second, without a reload', { skip }, async () => {
    const member = await addPerson(stores[0]!, 'member', 'live-member@example.com');
    const { key } = await addKey(stores[0]!.access, 'host app', new Date());
    const page = await browser!.newPage();
    page.setDefaultTimeout(15_000);
    await signInToInbox(page, `${servers[1]!.url}/inbox`, member);
    await page.waitForSelector('escalation-inbox >>> #list-title');
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);

    const body = wire({ taskId: 'T-LIVE-PG' });
    const response = await fetch(`${servers[0]!.url}/api/escalations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': body.id },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201);
    // The promise: within 1 s of the POST (its answer: the row is committed by then).
    await page.waitForSelector(`escalation-inbox >>> tr[data-id="${body.id}"]`, { timeout: 1000 });
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), loads, 'no reload');
    await page.close();
  });
});
