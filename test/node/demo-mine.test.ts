/**
 * The agent's side of the loop, on the real demo (auth on, PGlite): a task escalated from the
 * queue shows under "My escalations" with where it stands, still after a reload (read back
 * through the demo's back end with the host's key), and follows the account team: marked
 * contacted in the API, the button says so after the next read, and opens it read-only.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { escalationReference } from '@escalate-kit/sdk';
import { startDemo } from '../../packages/demo/server.ts';
import { chromeArgs, findChrome } from '../support/find-chrome.mjs';
import { typedNotes as notes } from '../support/fixtures.ts';
import { addPerson, apiSession } from './security/inbox-session.ts';

describe('demo: my escalations', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'escalate-mine-'));
    demo = await startDemo({ port: 0, dataDir, env: {} });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The text of the button of each row under "My escalations". */
  const mine = () =>
    page.$$eval('#escalated li', (rows) =>
      rows.map((li) => ({
        id: (li as HTMLElement).dataset.escalation,
        title: li.querySelector('h3')?.textContent,
        button: li.querySelector('escalate-button')?.shadowRoot?.querySelector('button')?.textContent?.replace(/\s+/g, ' ').trim(),
      })),
    );

  it('shows an escalated task with its state, after a reload too, and follows the account team', async () => {
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('li[data-task="T-1043"] escalate-button');
    assert.equal(await page.$eval('#mine', (s) => (s as HTMLElement).hidden), true, 'nothing escalated yet: no section');

    // Escalate T-1043 by pointer and keyboard, as in the queue.
    const button = 'li[data-task="T-1043"] escalate-button';
    await page.click(button);
    await page.waitForSelector(`${button} >>> dialog[open] select`);
    await page.select(`${button} >>> select`, 'technical');
    await page.focus(`${button} >>> textarea`);
    await page.keyboard.type(notes);
    await page.click(`${button} >>> input[value="call"]`);
    await page.click(`${button} >>> [part="submit"]`);
    await page.waitForSelector(`${button} >>> [part="result"].success`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('li[data-task="T-1043"]'));

    const [stored] = (await demo.store.list({ taskId: 'T-1043', limit: 1 })).items;
    assert.ok(stored);
    const line = (status: string) => new RegExp(`^Escalated · ${status} .+ · ref ${escalationReference(stored.id)}$`);
    await page.waitForFunction(() => document.querySelector('#escalated escalate-button')?.shadowRoot?.textContent?.includes('·'));
    let rows = await mine();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.id, stored.id);
    assert.equal(rows[0]!.title, 'T-1043 · Router reboots every hour');
    assert.match(rows[0]!.button ?? '', line('open'));

    // A reload reads it back through the demo's back end.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#escalated escalate-button')?.shadowRoot?.textContent?.includes('·'));
    rows = await mine();
    assert.deepEqual(
      rows.map((r) => r.id),
      [stored.id],
    );
    assert.match(rows[0]!.button ?? '', line('open'));

    // The account team contacts the customer; the next read (a reload here) says so.
    const member = await addPerson(demo.store, 'member', 'member-mine@example.com');
    const session = await apiSession(demo.url, member);
    const patched = await fetch(`${demo.url}/api/escalations/${stored.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: demo.url },
      body: JSON.stringify({ status: 'contacted' }),
    });
    assert.equal(patched.status, 200);
    await page.reload();
    await page.waitForFunction(() => /contacted/.test(document.querySelector('#escalated escalate-button')?.shadowRoot?.textContent ?? ''));
    assert.match((await mine())[0]!.button ?? '', line('contacted'));

    // Opened: read-only, no form; the queue never gets the task back.
    await page.click('#escalated escalate-button');
    await page.waitForSelector('#escalated escalate-button >>> [part="result"].state');
    assert.equal(await page.$('#escalated escalate-button >>> form'), null);
    assert.equal(await page.$('li[data-task="T-1043"]'), null);
  });

  it('reports a task solved without escalating: it leaves the queue for good, and counts in the rate', async () => {
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('#tasks li[data-task="T-1044"] .handled');
    await page.focus('#tasks li[data-task="T-1044"] .handled');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#tasks li[data-task="T-1044"]'));
    assert.match(
      (await page.$eval('#announcer', (el) => el.textContent)) ?? '',
      /Task T-1044 removed from your queue \(solved at your level\)/,
    );
    const { handled } = await demo.store.metricsRows(new Date(0).toISOString(), '9999-12-31T00:00:00.000Z');
    assert.deepEqual(
      handled.map((h) => [h.taskId, h.agentId, h.agentStartedOn]),
      [['T-1044', 'agent-demo', '2026-10-01']],
    );
    await page.reload();
    await page.waitForSelector('#tasks li.task');
    const ids = await page.$$eval('#tasks li.task', (rows) => rows.map((r) => (r as HTMLElement).dataset.task));
    assert.ok(!ids.includes('T-1044'), `not offered again: ${ids.join(', ')}`);
  });
});
