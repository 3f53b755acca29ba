/**
 * The inbox by role, in Chromium: an agent reads and sees nothing it cannot use, a member changes
 * status without the counts or the users, and a lead manages users and keys, each secret shown
 * once, each removal asked twice, and each one working (or no longer working) against the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  createEscalationHandler,
  createMemoryStore,
  type EscalationHandler,
  type EscalationStore,
} from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { wire } from '../../support/fixtures.ts';
import { addPerson, apiSession, signInToInbox, type Person } from '../security/inbox-session.ts';

describe('inbox by role in Chromium', () => {
  let store: EscalationStore;
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const people = {} as Record<'agent' | 'member' | 'lead', Person>;
  const sent = wire({ taskId: 'T-AGENT', taskTitle: 'Router reboots every hour' });

  before(async () => {
    store = createMemoryStore();
    for (const role of ['agent', 'member', 'lead'] as const) people[role] = await addPerson(store, role);
    handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script: await bundleInbox() }, notifyRetry: { intervalMs: 0 } });
    server = await serve({ handler, port: 0 });
    // The agent sends one escalation with its own session: an agent reads what it sent.
    const { cookie, csrfToken } = await apiSession(server.url, people.agent);
    const posted = await fetch(`${server.url}/api/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': sent.id, cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(sent),
    });
    assert.equal(posted.status, 201);
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  /** A fresh browser context per person: no cookie carries over. */
  async function as(role: keyof typeof people) {
    await page?.browserContext().close();
    page = await (await browser.createBrowserContext()).newPage();
    page.setDefaultTimeout(15_000);
    await signInToInbox(page, `${server.url}/inbox`, people[role]);
    await page.waitForSelector(`escalation-inbox >>> tr[data-id="${sent.id}"]`);
  }
  const has = async (selector: string) => (await page.$(`escalation-inbox >>> ${selector}`)) !== null;
  const people$ = (selector: string) => `escalation-inbox >>> inbox-people >>> ${selector}`;
  /** The value of the once-shown secret, then "Done", after which it is gone. */
  async function takeSecret(): Promise<string> {
    const value = await page.$eval(people$('.secret-value'), (el) => (el as HTMLInputElement).value);
    await page.click(people$('.secret button'));
    assert.equal(await page.$(people$('.secret')), null, 'shown once: gone after Done');
    return value;
  }

  it('shows an agent what it sent, with no note, no status buttons, no counts and no users', async () => {
    await as('agent');
    await page.click(`escalation-inbox >>> tr[data-id="${sent.id}"] .row-link`);
    await page.waitForSelector('escalation-inbox >>> #detail .notes');
    assert.equal(await has('#note'), false);
    assert.equal(await has('#detail button'), false);
    assert.equal(await has('.stats'), false);
    assert.equal(await has('nav'), false);
    assert.match(await page.$eval('escalation-inbox >>> .account', (el) => el.textContent!), /Avery Agent/);
  });

  it('lets a member change the status, without the counts or the users and keys', async () => {
    await as('member');
    await page.click(`escalation-inbox >>> tr[data-id="${sent.id}"] .row-link`);
    await page.waitForSelector('escalation-inbox >>> #note');
    assert.equal(await has('#detail button.secondary'), true);
    assert.equal(await has('.stats'), false);
    assert.equal(await has('nav'), false);
  });

  it('lets a lead add a user whose password is shown once and works, then remove them, asked twice', async () => {
    await as('lead');
    assert.equal(await has('.stats'), true, 'a lead sees the counts');
    await page.click('escalation-inbox >>> nav button:nth-of-type(2)');
    await page.waitForSelector(people$('#add-user'));
    assert.equal(await has('.filters'), false, 'no escalation filters over users and keys');
    await page.select(people$('#add-user select'), 'member');
    await page.type(people$('#add-user input[name="email"]'), 'new.member@example.com');
    await page.type(people$('#add-user input[name="name"]'), 'Nia New');
    await page.keyboard.press('Enter');
    await page.waitForSelector(people$('.secret'));
    const password = await takeSecret();
    assert.ok(password.length >= 12);
    const session = await apiSession(server.url, { email: 'new.member@example.com', password });
    const added = await store.access.userByEmail('new.member@example.com');
    assert.equal(added?.role, 'member');

    await page.click(people$(`tr[data-user="${added!.id}"] button`));
    assert.equal(await page.$eval(people$('button.confirm'), (el) => el.matches(':focus')), true, 'the second press is one key away');
    assert.equal(await store.access.userById(added!.id).then(Boolean), true, 'one press removes nothing');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (sel) => !document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('inbox-people')?.shadowRoot?.querySelector(sel),
      {},
      `tr[data-user="${added!.id}"]`,
    );
    assert.equal(await store.access.userById(added!.id), undefined);
    const after = await fetch(`${server.url}/api/session`, { headers: { cookie: session.cookie } });
    assert.equal(after.status, 401, "the removed user's session has ended");
    const me = (await store.access.userByEmail(people.lead.email))!.id;
    assert.equal(
      await page.$eval(people$(`tr[data-user="${me}"]`), (row) => row.querySelector('button')),
      null,
      'no button to remove oneself',
    );
  });

  it('lets a lead create a key, shown once, that sends escalations, and revoke it, asked twice', async () => {
    await page.type(people$('#add-key input[name="name"]'), 'Support desk');
    await page.keyboard.press('Enter');
    await page.waitForSelector(people$('.secret'));
    const key = await takeSecret();
    assert.match(key, /^ek_[0-9a-f]{16}_/);
    const send = () => {
      const body = wire();
      return fetch(`${server.url}/api/escalations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': body.id, authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
    };
    assert.equal((await send()).status, 201);
    const id = key.split('_')[1]!;
    await page.click(people$(`tr[data-key="${id}"] button`));
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (sel) =>
        /revoked/.test(
          document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('inbox-people')?.shadowRoot?.querySelector(sel)
            ?.textContent ?? '',
        ),
      {},
      `tr[data-key="${id}"]`,
    );
    assert.equal((await send()).status, 401, 'a revoked key no longer works');
  });
});
