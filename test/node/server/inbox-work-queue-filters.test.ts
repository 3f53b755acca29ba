/**
 * The work queue's filters live in the address bar, and the SLA clock's words, in Chromium: set
 * by the controls, kept by a reload, and a bookmarked URL opens the same view (mine, unassigned,
 * overdue, text); each escalation's time left or overdue for a pinned clock (the server's and the
 * page's), with `<time datetime>`, in the list and the detail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { addUser, createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { makeNew, makeRequest } from '../../support/fixtures.ts';
import { inInbox, newInboxPage, waitForList, waitForText } from '../../support/inbox-page.ts';
import { signInToInbox } from '../security/inbox-session.ts';

const NOW = '2025-11-14T12:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

describe('inbox: filters in the URL and the SLA clock', () => {
  const store = createMemoryStore();
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const ana = { email: 'ana@example.com', password: `pw-${crypto.randomUUID()}`, name: 'Ana Member', role: 'member' as const };
  const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];

  before(async () => {
    const added = await addUser(store.access, ana, new Date());
    if (added === 'email_taken') throw new Error('taken');
    const received = at(-120);
    await store.insert(
      makeNew({
        request: makeRequest({ id: b, taskId: 'T-B', customer: { name: 'Zed Quill' } }),
        respondBy: at(-35),
        receivedAt: received,
      }),
    );
    await store.insert(makeNew({ request: makeRequest({ id: a, taskId: 'T-A' }), respondBy: at(130), receivedAt: received }));
    await store.insert(makeNew({ request: makeRequest({ id: c, taskId: 'T-C' }), respondBy: at(60 * 27), receivedAt: received }));
    const me = { id: added.user.id, name: ana.name, email: ana.email };
    await store.assign(b, { from: null, to: me, at: at(-60), actor: { type: 'user', id: me.id, email: me.email } });
    handler = createEscalationHandler({
      store,
      clock: () => new Date(NOW),
      sla: false,
      inbox: { html: inboxHtml, script: await bundleInbox() },
      notifyRetry: { intervalMs: 0 },
    });
    server = await serve({ handler, port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: [...chromeArgs, '--lang=en-US'] });
    page = await newInboxPage(browser, NOW);
    await signInToInbox(page, `${server.url}/inbox`, ana);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  const query = () => page.evaluate(() => location.search);

  it('says the time left or overdue by, in words and with <time datetime>, in the list and the detail', async () => {
    await waitForList(page, ['T-B', 'T-A', 'T-C']);
    const due = (id: string) =>
      inInbox<string>(page, `return root.querySelector('tr[data-id="${id}"] td:nth-child(3)').textContent.replace(/\\s+/g, ' ').trim()`);
    // The list says how long is left first, the deadline under it.
    assert.match(await due(a), /^2 h 10 min left respond by Nov 14, 2025,? 2:10\sPM$/);
    assert.match(await due(b), /^overdue by 35 min respond by Nov 14, 2025,? 11:25\sAM$/);
    assert.match(await due(c), /^1 day 3 h left respond by Nov 15, 2025,? 3:00\sPM$/);
    assert.equal(await inInbox(page, `return root.querySelector('tr[data-id="${b}"] time').getAttribute('datetime')`), at(-35));
    await page.click(`escalation-inbox >>> tr[data-id="${b}"] .row-link`);
    await waitForText(page, '#detail .clock', /overdue by 35 min/);
    assert.equal(await inInbox(page, `return root.querySelector('#detail .clock time').getAttribute('datetime')`), at(-35));
  });

  it('writes the filters set by the controls in the URL, and a reload keeps them', async () => {
    await page.select('escalation-inbox >>> #owner', 'me');
    await waitForList(page, ['T-B']);
    assert.equal(await query(), '?owner=me');
    await page.focus('escalation-inbox >>> #overdue');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search === '?owner=me&overdue=true');
    await page.select('escalation-inbox >>> .filters label:nth-of-type(1) select', '');
    await page.waitForFunction(() => location.search === '?owner=me&overdue=true&status=all');
    await page.focus('escalation-inbox >>> #search');
    await page.keyboard.type('quill');
    await page.waitForFunction(() => location.search.endsWith('&q=quill'));
    await waitForList(page, ['T-B']);
    assert.match(await page.evaluate(() => location.hash), new RegExp(b), 'the open escalation stays in the hash');
    await page.reload();
    await waitForList(page, ['T-B']);
    assert.deepEqual(
      await inInbox(
        page,
        `return [root.querySelector('#owner').value, root.querySelector('#overdue').checked, root.querySelector('#search').value]`,
      ),
      ['me', true, 'quill'],
    );
    await waitForText(page, '#detail h2', /Task T-B/);
  });

  it('opens a bookmarked URL filtered: mine, unassigned, overdue, text', async () => {
    const open = async (search: string, tasks: string[]) => {
      await page.goto(`${server.url}/inbox${search}`);
      await waitForList(page, tasks);
    };
    await open('?owner=me', ['T-B']);
    await open('?owner=none', ['T-A', 'T-C']);
    await open('?overdue=true', ['T-B']);
    await open('?q=zed', ['T-B']);
    await open('', ['T-B', 'T-A', 'T-C']);
  });
});
