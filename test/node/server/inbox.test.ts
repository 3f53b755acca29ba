/**
 * The account team's inbox in Chromium, driven by mouse and keyboard: every page of the list with
 * the state of each e-mail, the categories, the cap at 2,000, and a note that belongs to the
 * escalation it was typed on, with the task title shown with the task.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { defaultCategories } from '@escalate-kit/sdk';
import {
  createEscalationHandler,
  createMemoryStore,
  type EscalationHandler,
  type EscalationStore,
} from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { FRIDAY, makeNew, makeRequest } from '../../support/fixtures.ts';
import { addPerson, signInToInbox, type Person } from '../security/inbox-session.ts';

describe('account-team inbox in Chromium', () => {
  let store: EscalationStore;
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const failedId = crypto.randomUUID();
  const sentId = crypto.randomUUID();
  const base = Date.parse(FRIDAY);
  let seeded = 0;
  // A lead: the counts, which name every category there are escalations in, are a lead's.
  let lead: Person;

  /** Escalations due one minute apart, after those already there: `category` for the given share. */
  async function seed(count: number, category = (_i: number) => 'billing') {
    for (let i = 0; i < count; i++, seeded++) {
      const id = seeded === 0 ? failedId : seeded === 1 ? sentId : crypto.randomUUID();
      const respondBy = new Date(base + 86_400_000 + seeded * 60_000).toISOString();
      await store.insert(
        makeNew({ request: makeRequest({ id, taskId: `T-${seeded}`, category: category(i) }), respondBy, receivedAt: FRIDAY }),
      );
    }
  }

  const inbox = (fn: string) => page.evaluate(`(() => { const root = document.querySelector('escalation-inbox').shadowRoot; ${fn} })()`);

  before(async () => {
    store = createMemoryStore();
    await seed(205, (i) => (i % 70 === 5 ? 'warranty' : 'billing'));
    await store.setNotification(failedId, { state: 'failed', attempts: 2, lastError: 'SMTP 451 mailbox busy', nextAttemptAt: FRIDAY });
    await store.setNotification(sentId, { state: 'sent', attempts: 1, sentAt: FRIDAY });
    lead = await addPerson(store, 'lead');
    handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script: await bundleInbox() }, notifyRetry: { intervalMs: 0 } });
    server = await serve({ handler, port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  const title = () => inbox(`return root.querySelector('#list-title')?.textContent.trim()`);
  const waitForTitle = (text: string) =>
    page.waitForFunction(
      (t) => document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('#list-title')?.textContent?.trim() === t,
      {},
      text,
    );

  it('lists every escalation, page after page, with the state of its e-mail', async () => {
    await signInToInbox(page, `${server.url}/inbox`, lead);
    await waitForTitle('205 escalations');
    assert.equal(await inbox(`return root.querySelectorAll('tbody tr[data-id]').length`), 205);
    assert.equal(await inbox(`return root.querySelector('.capped')`), null);
    const mail = (id: string) =>
      inbox(
        `const tag = root.querySelector('tr[data-id="${id}"] .mail'); return tag && [tag.textContent.trim(), tag.getAttribute('title')]`,
      );
    assert.deepEqual(await mail(failedId), ['failed', 'SMTP 451 mailbox busy']);
    assert.deepEqual(await mail(sentId), ['sent', null]);
    const last = (await store.list({ limit: 200, cursor: (await store.list({ limit: 200 })).nextCursor! })).items.at(-1)!;
    assert.deepEqual(await mail(last.id), ['pending', null]);
  });

  it('offers every category there are escalations in, not only the defaults, and filters by it', async () => {
    const options = (await inbox(`return [...root.querySelectorAll('select')[1].options].map((o) => o.value)`)) as string[];
    assert.deepEqual(options, ['', ...defaultCategories.map((c) => c.id), 'warranty']);
    await inbox(`const select = root.querySelectorAll('select')[1]; select.value = 'warranty'; select.dispatchEvent(new Event('change'));`);
    await waitForTitle('3 escalations');
    const categories = (await inbox(
      `return [...root.querySelectorAll('tbody tr[data-id] td:nth-child(2)')].map((td) => td.textContent.trim())`,
    )) as string[];
    assert.deepEqual(categories, ['warranty', 'warranty', 'warranty']);
  });

  it('stops at 2,000 escalations and says so', async () => {
    await seed(1850);
    // The inbox as first opened: a reload would keep the category chosen above (filters live in the URL).
    await page.goto(`${server.url}/inbox`);
    await waitForTitle('First 2,000 escalations');
    assert.equal(await inbox(`return root.querySelectorAll('tbody tr[data-id]').length`), 2000);
    assert.match(
      String(await inbox(`return root.querySelector('.capped')?.textContent`)),
      /first 2,000 by respond-by time; there are more/,
    );
    assert.equal(await title(), 'First 2,000 escalations');
  });
});

describe('account-team inbox: notes stay with their escalation', () => {
  let store: EscalationStore;
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const a = crypto.randomUUID();
  const b = crypto.randomUUID();
  let member: Person;

  before(async () => {
    store = createMemoryStore();
    await store.insert(
      makeNew({
        request: makeRequest({ id: a, taskId: 'T-A', taskTitle: 'Disputed $450 charge', customer: { name: 'Ana Ruiz' } }),
        respondBy: '2025-11-19T10:00:00.000Z',
      }),
    );
    await store.insert(
      makeNew({
        request: makeRequest({ id: b, taskId: 'T-B', taskTitle: 'Router reboots every hour', customer: { name: 'Ben Okafor' } }),
        respondBy: '2025-11-19T11:00:00.000Z',
      }),
    );
    member = await addPerson(store, 'member');
    handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script: await bundleInbox() }, notifyRetry: { intervalMs: 0 } });
    server = await serve({ handler, port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    // A member of the account team: the one who changes status and writes the notes.
    await signInToInbox(page, `${server.url}/inbox`, member);
    await page.waitForSelector(`escalation-inbox >>> tr[data-id="${b}"]`);
    // Every status, so an escalation marked contacted stays in the list to come back to.
    await page.select('escalation-inbox >>> .filters select', '');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  const open = async (id: string, taskId: string) => {
    await page.click(`escalation-inbox >>> tr[data-id="${id}"] .row-link`);
    await page.waitForFunction(
      (t) => document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('#detail h2')?.textContent?.includes(`Task ${t}`),
      {},
      taskId,
    );
  };
  const noteBox = () => page.$eval('escalation-inbox >>> #note', (el) => (el as HTMLTextAreaElement).value);
  const typeNote = async (text: string) => {
    await page.click('escalation-inbox >>> #note');
    await page.keyboard.type(text);
  };
  /** Clicks a button of the detail, found by its text (it lives in the inbox's shadow root). */
  const press = async (label: string) => {
    const handle = await page.evaluateHandle(
      (l) =>
        [...document.querySelector('escalation-inbox')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('#detail button')].find(
          (x) => x.textContent?.trim() === l,
        )!,
      label,
    );
    await handle.click();
  };
  // What people wrote: the SLA clock's own rows (a level raised at a passed respond-by) aside.
  const historyOf = async (id: string) =>
    (await store.get(id))!.history.filter((h) => h.actor.type !== 'system').map((h) => [h.status, h.note]);
  const waitFor = (words: string) =>
    page.waitForFunction(
      (w) => document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes(w),
      {},
      words,
    );

  it('shows each task with its title, in the list and in the detail', async () => {
    const row = await page.$eval(`escalation-inbox >>> tr[data-id="${a}"]`, (el) => el.textContent!.replace(/\s+/g, ' '));
    assert.match(row, /T-A\s*Disputed \$450 charge\s*Ana Ruiz/);
    await open(a, 'T-A');
    const heading = await page.$eval('escalation-inbox >>> #detail h2', (el) => el.textContent);
    assert.equal(heading, 'Task T-A · Disputed $450 charge');
  });

  it('saves a note on the escalation it was typed on, then clears the box', async () => {
    await open(a, 'T-A');
    await typeNote('Called Ana, left a voicemail');
    await press('Mark contacted');
    await waitFor('Task T-A marked contacted');
    assert.equal(await noteBox(), '', 'cleared after it was saved');
    assert.deepEqual(await historyOf(a), [['contacted', 'Called Ana, left a voicemail']]);
  });

  it('leaves focus in the note box when the escalation it was asked to open arrives after the agent started typing', async () => {
    await open(b, 'T-B');
    // The agent clicks B's row again (B is open already) and goes straight to the note while
    // B is read again, slowly: focus must not jump to the heading when it arrives, or the rest
    // of the note would be shortcuts (c claims, t marks contacted).
    const held: (() => void)[] = [];
    const hold = (request: HTTPRequest) => {
      if (request.method() === 'GET' && request.url().endsWith(`/api/escalations/${b}`)) held.push(() => void request.continue());
      else void request.continue();
    };
    await page.setRequestInterception(true);
    page.on('request', hold);
    try {
      await page.click(`escalation-inbox >>> tr[data-id="${b}"] .row-link`);
      await page.click('escalation-inbox >>> #note');
      await page.keyboard.type('Sent the replacement');
      assert.equal(held.length, 1, 'the read of B is held');
      held.shift()!();
      await page.waitForFunction(() => location.hash.length > 1);
      await new Promise((r) => setTimeout(r, 200));
      await page.keyboard.type(' router today, tracking to come');
    } finally {
      page.off('request', hold);
      await page.setRequestInterception(false);
    }
    const focused = await page.$eval('escalation-inbox', (el) => el.shadowRoot!.activeElement?.id);
    assert.equal(focused, 'note', 'focus stayed in the note box');
    assert.equal(await noteBox(), 'Sent the replacement router today, tracking to come');
    assert.deepEqual(await historyOf(b), [], 'no shortcut pressed: nothing claimed or marked');
    await page.$eval('escalation-inbox >>> #note', (el) => {
      (el as HTMLTextAreaElement).value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  });

  it('never carries a note to another escalation, and keeps an unsaved one for when the agent comes back', async () => {
    await open(b, 'T-B');
    assert.equal(await noteBox(), '', "A's note is not in B's box");
    await typeNote("Ben's router: replacement ordered");
    await open(a, 'T-A');
    assert.equal(await noteBox(), '', "B's unsaved note is not in A's box");
    await typeNote('Draft for Ana');
    await open(b, 'T-B');
    assert.equal(await noteBox(), "Ben's router: replacement ordered", "B's note waited for B");
    await press('Mark contacted');
    await waitFor('Task T-B marked contacted');
    assert.deepEqual(await historyOf(b), [['contacted', "Ben's router: replacement ordered"]]);
    assert.deepEqual(await historyOf(a), [['contacted', 'Called Ana, left a voicemail']], 'A got nothing of B');
    await open(a, 'T-A');
    assert.equal(await noteBox(), 'Draft for Ana');
  });
});
