/**
 * The inbox as a work queue, in Chromium with real keys: a member claims with `c` and another
 * member sees the owner live (two browser contexts, no reload), a claim that lost the race is
 * refused naming the owner, a lead assigns and releases, an escalation sent with an API key shows
 * in an open inbox within a second and is announced, and j/k/Enter with t/w/r work the list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { addKey, addUser, createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { makeNew, makeRequest, wire } from '../../support/fixtures.ts';
import { inInbox, newInboxPage, waitForList, waitForText } from '../../support/inbox-page.ts';
import { apiSession, signInToInbox, type Person } from '../security/inbox-session.ts';

describe('inbox: the work queue', () => {
  const store = createMemoryStore();
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let key: string;
  const people: Record<'ana' | 'ben' | 'lee', Person & { id?: string }> = {
    ana: { email: 'ana@example.com', password: `pw-${crypto.randomUUID()}`, name: 'Ana Member', role: 'member' },
    ben: { email: 'ben@example.com', password: `pw-${crypto.randomUUID()}`, name: 'Ben Member', role: 'member' },
    lee: { email: 'lee@example.com', password: `pw-${crypto.randomUUID()}`, name: 'Lee Lead', role: 'lead' },
  };
  // Due one hour apart, so the list's order (by respond-by) is T-1, T-2, T-3.
  const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];

  before(async () => {
    for (const person of Object.values(people)) {
      const added = await addUser(store.access, person, new Date());
      if (added === 'email_taken') throw new Error('taken');
      person.id = added.user.id;
    }
    for (const [i, id] of ids.entries()) {
      const respondBy = new Date(Date.now() + (i + 1) * 3_600_000).toISOString();
      await store.insert(makeNew({ request: makeRequest({ id, taskId: `T-${i + 1}` }), respondBy, receivedAt: new Date().toISOString() }));
    }
    handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script: await bundleInbox() }, notifyRetry: { intervalMs: 0 } });
    server = await serve({ handler, port: 0 });
    ({ key } = await addKey(store.access, 'task app', new Date()));
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  const owner = (page: Page, id: string) =>
    inInbox<string>(page, `return root.querySelector('tr[data-id="${id}"] .owner-cell').textContent.trim()`);
  const waitForOwner = (page: Page, id: string, name: string) =>
    page.waitForFunction(
      (i, n) =>
        document.querySelector('escalation-inbox')?.shadowRoot?.querySelector(`tr[data-id="${i}"] .owner-cell`)?.textContent?.trim() === n,
      { timeout: 5000 },
      id,
      name,
    );
  const focused = (page: Page) =>
    inInbox<string>(page, `const a = root.activeElement; return a ? (a.closest('tr')?.dataset.id ?? a.tagName + '#' + a.id) : ''`);

  it('a member claims with c; another member sees the owner live; a lost race is refused naming the owner', async () => {
    const ana = await newInboxPage(browser);
    const ben = await newInboxPage(browser);
    await signInToInbox(ana, `${server.url}/inbox`, people.ana);
    await signInToInbox(ben, `${server.url}/inbox`, people.ben);
    await waitForList(ana, ['T-1', 'T-2', 'T-3']);
    await waitForList(ben, ['T-1', 'T-2', 'T-3']);
    assert.equal(await owner(ben, ids[0]!), '—Unassigned', 'nobody owns it yet: a dash, read as "Unassigned"');

    // Ana opens T-1 by keyboard and claims it with c.
    await ana.focus(`escalation-inbox >>> tr[data-id="${ids[0]}"] .row-link`);
    await ana.keyboard.press('Enter');
    await ana.waitForSelector('escalation-inbox >>> #detail [data-action="claim"]');
    await ana.keyboard.press('c');
    await waitForText(ana, '[role="status"]', /Task T-1 is yours/);
    assert.equal((await store.get(ids[0]!))!.assignee?.id, people.ana.id);
    assert.match(await inInbox<string>(ana, `return root.querySelector('#detail .owner').textContent`), /Ana Member \(you\)/);

    // Ben sees it without reloading.
    await waitForOwner(ben, ids[0]!, 'Ana Member');

    // Ben's inbox hears nothing more (its stream cut), so it still offers T-2 to claim after Ana takes it.
    await ben.setRequestInterception(true);
    ben.on('request', (r) => (r.url().endsWith('/api/events') ? void r.abort() : void r.continue()));
    await ben.focus(`escalation-inbox >>> tr[data-id="${ids[1]}"] .row-link`);
    await ben.keyboard.press('Enter');
    await ben.waitForSelector('escalation-inbox >>> #detail [data-action="claim"]');
    // Ana claims T-2 meanwhile (from another tab of hers, as a script would).
    const session = await apiSession(server.url, people.ana);
    const claimed = await fetch(`${server.url}/api/escalations/${ids[1]}/claim`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    assert.equal(claimed.status, 200);
    await ben.keyboard.press('c');
    await waitForText(ben, '[role="alert"]', /Ana Member \(ana@example\.com\) owns this escalation/);
    // The detail is read again: it says whose it is now, and offers no claim.
    await waitForText(ben, '#detail .owner', /Ana Member/);
    assert.equal(await ben.$('escalation-inbox >>> #detail [data-action="claim"]'), null);
    await ana.browserContext().close();
    await ben.browserContext().close();
  });

  it('a lead takes over, assigns to someone, and releases; the history says who did what', async () => {
    const lee = await newInboxPage(browser);
    await signInToInbox(lee, `${server.url}/inbox#${ids[0]}`, people.lee);
    await waitForText(lee, '#detail [data-action="claim"]', /Take over from Ana Member/);
    await lee.select('escalation-inbox >>> #assign-to', people.ben.id!);
    await lee.click('escalation-inbox >>> #detail [data-action="assign"]');
    await waitForText(lee, '[role="status"]', /Task T-1 assigned to Ben Member/);
    await waitForOwner(lee, ids[0]!, 'Ben Member');
    await lee.click('escalation-inbox >>> #detail [data-action="release"]');
    await waitForText(lee, '[role="status"]', /Task T-1 released/);
    await waitForOwner(lee, ids[0]!, '—Unassigned');
    const history = await inInbox<string[]>(
      lee,
      `return [...root.querySelectorAll('#detail .history li')].map((li) => li.textContent.replace(/^.*?: /, '').trim())`,
    );
    assert.deepEqual(history, ['Claimed by Ana Member', 'Assigned to Ben Member by Lee Lead', 'Released by Lee Lead']);
    assert.equal((await store.get(ids[0]!))!.assignee, undefined);
    await lee.browserContext().close();
  });

  it('shows an escalation sent with an API key within a second, without a reload, and says so once', async () => {
    const ana = await newInboxPage(browser);
    await signInToInbox(ana, `${server.url}/inbox`, people.ana);
    await waitForList(ana, ['T-1', 'T-2', 'T-3']);
    const sent = wire({ taskId: 'T-1042' });
    const posted = await fetch(`${server.url}/api/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': sent.id, authorization: `Bearer ${key}` },
      body: JSON.stringify(sent),
    });
    assert.equal(posted.status, 201);
    const started = Date.now();
    await ana.waitForFunction(
      (id) => !!document.querySelector('escalation-inbox')?.shadowRoot?.querySelector(`tr[data-id="${id}"]`),
      { timeout: 1000 },
      sent.id,
    );
    assert.ok(Date.now() - started < 1000);
    await waitForText(ana, '[role="status"]', /^New escalation: T-1042$/);
    await ana.browserContext().close();
  });

  it('moves through the list with j and k, opens with Enter, and t, w and r change the status', async () => {
    const ana = await newInboxPage(browser);
    await signInToInbox(ana, `${server.url}/inbox`, people.ana);
    await waitForList(ana, ['T-1', 'T-2', 'T-3', 'T-1042']);
    await ana.focus(`escalation-inbox >>> tr[data-id="${ids[0]}"] .row-link`);
    await ana.keyboard.press('j');
    await waitForText(ana, '#detail h2', /Task T-2/);
    assert.equal(await focused(ana), ids[1], 'focus follows the selection in the list');
    await ana.keyboard.press('j');
    await waitForText(ana, '#detail h2', /Task T-3/);
    await ana.keyboard.press('k');
    await waitForText(ana, '#detail h2', /Task T-2/);
    assert.equal(await focused(ana), ids[1]);
    await ana.keyboard.press('Enter');
    await ana.waitForFunction(() => document.querySelector('escalation-inbox')?.shadowRoot?.activeElement?.matches('#detail h2'));
    // r is not offered from open (contacted first): nothing happens.
    await ana.keyboard.press('r');
    await ana.keyboard.press('t');
    await waitForText(ana, '[role="status"]', /Task T-2 marked contacted/);
    // Typed in the note, letters are letters.
    await ana.focus('escalation-inbox >>> #note');
    await ana.keyboard.type('wrote back');
    assert.equal((await store.get(ids[1]!))!.status, 'contacted');
    await ana.focus('escalation-inbox >>> #detail h2');
    await ana.keyboard.press('w');
    await waitForText(ana, '[role="status"]', /Task T-2 marked waiting/);
    await ana.keyboard.press('r');
    await waitForText(ana, '[role="status"]', /Task T-2 marked resolved/);
    const history = (await store.get(ids[1]!))!.history.map((h) => [h.to, h.note]);
    assert.deepEqual(history.slice(-3), [
      ['contacted', undefined],
      ['waiting', 'wrote back'],
      ['resolved', undefined],
    ]);
    // The help lists the keys.
    await ana.click('escalation-inbox >>> .shortcuts summary');
    const keys = await inInbox<string[]>(ana, `return [...root.querySelectorAll('.shortcuts kbd')].map((k) => k.textContent)`);
    assert.deepEqual(keys, ['j', 'k', 'Enter', 'c', 't', 'w', 'r']);
    await ana.browserContext().close();
  });
});
