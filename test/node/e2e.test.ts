/**
 * The whole flow of "How to Escalate", on real parts, with auth on: the demo server (PGlite, .eml
 * outbox), the agent's page in Chromium driven by keyboard and escalating through the demo's back
 * end (which holds the host's API key: the browser never sees it), a member added with the users
 * API signing in to the account-team inbox, and the e-mail on disk.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { startDemo } from '../../packages/demo/server.ts';
import { chromeArgs, findChrome } from '../support/find-chrome.mjs';
import { typedNotes as notes } from '../support/fixtures.ts';
import { apiSession, signInToInbox, type ApiSession } from './security/inbox-session.ts';

describe('end to end: escalate from the task queue, read it in the inbox and the e-mail', () => {
  let id: string;
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  /** What the agent's page asked for and got: the host's key must be in none of it. */
  const requests: HTTPRequest[] = [];
  const bodies: string[] = [];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'escalate-e2e-'));
    demo = await startDemo({ port: 0, dataDir, env: {} });
    browser = await puppeteer.launch({
      executablePath: findChrome(),
      headless: true,
      args: [...chromeArgs, `--user-data-dir=${join(dataDir, 'chrome')}`],
    });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    page.on('request', (r) => void requests.push(r));
    page.on(
      'response',
      (r) =>
        void r.text().then(
          (t) => bodies.push(t),
          () => undefined,
        ),
    );
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Tag name and key attribute of the focused element, through shadow roots. */
  const focused = () =>
    page.evaluate(() => {
      let el = document.activeElement;
      const hosts: string[] = [];
      while (el?.shadowRoot?.activeElement) {
        hosts.push(`${el.tagName.toLowerCase()}[${el.getAttribute('task-id') ?? ''}]`);
        el = el.shadowRoot.activeElement;
      }
      return {
        hosts,
        tag: el?.tagName.toLowerCase(),
        name: el?.getAttribute('name'),
        value: (el as HTMLInputElement)?.value,
        part: el?.getAttribute('part'),
      };
    });

  /** Presses Tab until `reached` holds for the focused element (at most 40 times). */
  async function tabTo(reached: (f: Awaited<ReturnType<typeof focused>>) => boolean) {
    for (let i = 0; i < 40 && !reached(await focused()); i++) await page.keyboard.press('Tab');
  }

  it('escalates a task by keyboard and the task leaves the queue', async () => {
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('li[data-task="T-1042"] escalate-button');

    // Tab from the top of the page to the first task's Escalate button.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.hosts[0] === 'escalate-button[T-1042]' && f.part === 'button') break;
    }
    assert.deepEqual((await focused()).hosts, ['escalate-button[T-1042]']);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('escalate-button')?.shadowRoot?.querySelector('dialog')?.open);
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('name') === 'category');
    assert.equal((await focused()).value, 'billing', 'the task preselects Billing');

    await page.keyboard.press('Tab');
    assert.equal((await focused()).name, 'notes');
    await page.keyboard.type(notes);
    // On past what the note suggests, what the agent knows and the optional lines, as a keyboard user goes.
    await tabTo((f) => f.name === 'contactMethod');
    assert.equal((await focused()).name, 'contactMethod');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused()).value, 'email');
    await page.keyboard.press('Tab'); // the address comes from the task: no field to fill
    assert.equal((await focused()).name, 'urgency');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused()).value, 'urgent');
    await tabTo((f) => f.part === 'submit');
    assert.equal((await focused()).part, 'submit');
    await page.keyboard.press('Enter');

    await page.waitForFunction(() =>
      document
        .querySelector('escalate-button')
        ?.shadowRoot?.querySelector('[part="result"] h3')
        ?.textContent?.includes('Escalated to the Account Team'),
    );
    const result = await page.evaluate(() =>
      document.querySelector('escalate-button')!.shadowRoot!.querySelector('[part="result"]')!.textContent!.replace(/\s+/g, ' '),
    );
    assert.match(result, /They will contact the customer today by email/);
    assert.match(result, /I'm escalating this to our account team/);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('li[data-task="T-1042"]'));
    const announced = await page.$eval('#announcer', (el) => el.textContent);
    assert.match(announced ?? '', /Task T-1042 removed from your queue/);
    assert.equal(await page.$$eval('#tasks li.task', (rows) => rows.length), 2, 'the other tasks stay');
    assert.deepEqual((await focused()).hosts, ['escalate-button[T-1043]'], 'focus moves on to the next task');
  });

  it('escalated through the demo back end: the page never held the API key', async () => {
    const sent = requests.filter((r) => r.method() === 'POST');
    assert.deepEqual(
      sent.map((r) => new URL(r.url()).pathname),
      ['/demo/api/escalations'],
      'the page posts to its own back end, never to the API',
    );
    for (const r of requests) assert.equal(r.headers().authorization, undefined, `no Authorization from the page: ${r.url()}`);
    assert.ok(bodies.length > 3);
    for (const body of bodies) assert.ok(!body.includes(demo.access.key), 'the key is in nothing the page loaded');
  });

  it('keeps an escalated task out of the queue after a reload, and refuses a second escalation of it', async () => {
    await page.reload();
    await page.waitForSelector('#tasks li.task escalate-button');
    const ids = await page.$$eval('#tasks li.task', (rows) => rows.map((r) => (r as HTMLElement).dataset.task));
    assert.deepEqual(ids, ['T-1043', 'T-1044', 'T-1045'], 'T-1042 does not come back');
    // Through the demo's back end, as the page would send it.
    const response = await fetch(`${demo.url}/demo/api/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': (id = crypto.randomUUID()) },
      body: JSON.stringify({
        id,
        taskId: 'T-1042',
        category: 'billing',
        notes,
        contactMethod: 'email',
        contact: { email: 'ana.ruiz@example.com' },
        createdAt: new Date().toISOString(),
      }),
    });
    assert.equal(response.status, 409);
    const body = (await response.json()) as { error: string; existing: { status: string } };
    assert.equal(body.error, 'task_already_escalated');
    assert.equal(body.existing.status, 'open');
  });

  it('reaches the account team as an e-mail with every detail', async () => {
    await demo.handler.settled();
    const files = (await readdir(demo.outboxDir!)).filter((f) => f.endsWith('.eml'));
    assert.equal(files.length, 1);
    const mail = await simpleParser(await readFile(join(demo.outboxDir!, files[0]!)));
    assert.match(mail.subject ?? '', /Billing/);
    assert.match(mail.subject ?? '', /Urgent/i);
    assert.match(mail.subject ?? '', /T-1042/);
    assert.ok((mail.html || '').includes(`${demo.inboxUrl}#`), 'the e-mail links to the escalation in the inbox');
    for (const part of [mail.text ?? '', mail.html || '']) {
      for (const detail of [
        'T-1042',
        'Ana Ruiz',
        '88231',
        'ana.ruiz@example.com',
        'Customer disputing $450 charge',
        'offered payment plan',
        'threatening BBB',
        'agent-demo',
      ]) {
        assert.ok(part.includes(detail), `${detail} in the e-mail`);
      }
    }
  });

  it('shows the escalation in the inbox to a member added with the users API, who claims it, changes its status and resolves it', async () => {
    // The lead from the bootstrap adds a member, as a lead would (POST /api/users, with the CSRF token).
    const lead = await apiSession(demo.url, demo.access);
    const added = await fetch(`${demo.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: lead.cookie, 'x-csrf-token': lead.csrfToken },
      body: JSON.stringify({ email: 'morgan@example.com', name: 'Morgan Member', role: 'member' }),
    });
    assert.equal(added.status, 201);
    const { password } = (await added.json()) as { password: string };

    const inbox = await browser.newPage();
    inbox.setDefaultTimeout(15_000);
    await signInToInbox(inbox, demo.inboxUrl, { email: 'morgan@example.com', password });
    const row = await inbox.waitForSelector('escalation-inbox >>> tr[data-id] .row-link');
    assert.equal(await row!.evaluate((el) => el.textContent?.trim()), 'T-1042');
    await row!.click();
    await inbox.waitForFunction(() =>
      document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('#detail .notes')?.textContent?.includes('threatening BBB'),
    );
    const detail = await inbox.$eval('escalation-inbox >>> #detail', (el) => el.textContent!.replace(/\s+/g, ' '));
    for (const text of [
      'Billing',
      'Urgent (same day)',
      'Ana Ruiz',
      'account 88231',
      'ana.ruiz@example.com',
      'agent-demo',
      'Explained policy, offered payment plan',
    ]) {
      assert.ok(detail.includes(text), `${text} in the inbox detail`);
    }
    const status = (words: string) =>
      inbox.waitForFunction(
        (w) => document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes(w),
        {},
        words,
      );
    // Every status, so the escalation stays in the list once it is no longer open.
    await inbox.select('escalation-inbox >>> .filters select', '');
    // The member claims it, by its shortcut, and owns it from then on.
    await inbox.focus('escalation-inbox >>> #detail h2');
    await inbox.keyboard.press('c');
    await inbox.waitForFunction(() =>
      /Claimed by Morgan Member/.test(document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('#detail')?.textContent ?? ''),
    );
    const [stored] = (await demo.store.list({ taskId: 'T-1042', limit: 1 })).items;
    assert.equal(stored?.assignee?.name, 'Morgan Member');
    await inbox.click('escalation-inbox >>> #detail .actions button.secondary');
    await status('marked contacted');
    await inbox.click('escalation-inbox >>> #detail .actions button:not(.secondary)');
    await status('marked resolved');
    assert.deepEqual(await statuses(lead), [['T-1042', 'resolved']]);
    await inbox.close();
  });

  /** Task ids and statuses, as the API lists them to a signed-in lead. */
  async function statuses(session: ApiSession) {
    const list = (await (await fetch(`${demo.url}/api/escalations`, { headers: { cookie: session.cookie } })).json()) as {
      items: { status: string; request: { taskId: string } }[];
    };
    return list.items.map((i) => [i.request.taskId, i.status]);
  }
});
