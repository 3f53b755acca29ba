/**
 * Suite 7 of issue 12, accessibility, on the demo as `pnpm start` serves it (auth on, strict CSP):
 * axe on the agent's page and dialog and on every view of the inbox as each role; the dialog's
 * states in Chromium's accessibility tree (names, required, invalid only after interaction); the
 * agent's and the account team's flows by keyboard alone; 200% zoom and 320 px without sideways
 * scrolling or clipping; and no motion under `prefers-reduced-motion`. Every story already runs
 * through axe in test/browser/stories.test.ts (light and dark), which this suite does not repeat.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemo } from '../../../packages/demo/server.ts';
import {
  axeViolations,
  axTree,
  countPointerEvents,
  focusedIn,
  layoutProblems,
  longestMotion,
  tabUntil,
  type AxNode,
} from '../../support/a11y-page.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { reportFigures } from '../../support/figures.ts';
import { typedNotes, wire } from '../../support/fixtures.ts';
import { apiSession, signInToInbox } from '../security/inbox-session.ts';

describe('accessibility in Chromium: axe, the tree, keyboard only, zoom and motion', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: Browser;
  let dataDir: string;
  const people: Record<'agent' | 'member', { email: string; password: string }> = {} as never;
  const tally = { views: 0, violations: 0, states: 0, flows: 0 };
  const started = Date.now();

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'escalate-a11y-'));
    demo = await startDemo({ port: 0, dataDir, env: {} });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    const lead = await apiSession(demo.url, demo.access);
    for (const role of ['agent', 'member'] as const) {
      const email = `${role}@example.com`;
      const added = await fetch(`${demo.url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: lead.cookie, 'x-csrf-token': lead.csrfToken },
        body: JSON.stringify({ email, name: `Ada ${role}`, role }),
      });
      assert.equal(added.status, 201);
      people[role] = { email, password: ((await added.json()) as { password: string }).password };
    }
    // The agent sends one escalation of its own (an agent reads only what it sent), so its detail view exists.
    const agent = await apiSession(demo.url, people.agent);
    const sent = wire({ taskId: 'T-AGENT-1', taskTitle: 'Sent by the agent' });
    const posted = await fetch(`${demo.url}/api/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': sent.id, cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
      body: JSON.stringify(sent),
    });
    assert.equal(posted.status, 201);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function freshPage(viewport = { width: 1280, height: 900, deviceScaleFactor: 1 }): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewport(viewport);
    return page;
  }
  async function axeClean(page: Page, view: string) {
    const violations = await axeViolations(page);
    tally.views++;
    tally.violations += violations.length;
    assert.deepEqual(violations, [], `axe on ${view}`);
  }
  const inDialog = (page: Page) =>
    page.waitForFunction(() => document.querySelector('escalate-button')?.shadowRoot?.querySelector('dialog')?.open);
  /** The dialog's form controls in the tree, and the states asserted of them. */
  async function dialogState(page: Page, state: string, expectInvalid: string[]): Promise<AxNode[]> {
    const nodes = (await axTree(page)).filter((n) => ['textbox', 'combobox', 'radiogroup', 'radio', 'button', 'checkbox'].includes(n.role));
    for (const n of nodes) assert.notEqual(n.name.trim(), '', `${state}: every ${n.role} has a name`);
    const invalid = nodes.filter((n) => n.invalid).map((n) => n.role);
    assert.deepEqual(invalid.sort(), [...expectInvalid].sort(), `${state}: invalid are ${JSON.stringify(expectInvalid)}`);
    tally.states++;
    return nodes;
  }

  it('the agent escalates by keyboard alone: Tab to Escalate, open, fill, submit, success (axe on each step)', async () => {
    const page = await freshPage();
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('li[data-task="T-1042"] escalate-button');
    await axeClean(page, 'the task queue');
    const pointer = await countPointerEvents(page);
    await tabUntil(page, (f) => f.hosts[0] === 'escalate-button' && f.part === 'button');
    await page.keyboard.press('Enter');
    await inDialog(page);
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('name') === 'category');
    const open = await dialogState(page, 'open', []);
    // Chromium leaves `required` out of a native select's node (other engines expose it): the DOM carries it.
    assert.equal(await page.$eval('escalate-button >>> select[name="category"]', (el) => (el as HTMLSelectElement).required), true);
    assert.ok(
      open.some((n) => n.role === 'textbox' && n.required && /quick note/i.test(n.name)),
      'the note is required',
    );
    assert.ok(
      open.some((n) => n.role === 'radiogroup' && n.required),
      'the contact method is required',
    );
    await axeClean(page, 'the open dialog');
    await page.keyboard.press('Tab');
    assert.equal((await focusedIn(page)).name, 'notes');
    await page.keyboard.type(typedNotes);
    await tabUntil(page, (f) => f.name === 'contactMethod');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focusedIn(page)).value, 'email');
    await dialogState(page, 'filled', []);
    await tabUntil(page, (f) => f.part === 'submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('escalate-button >>> [part="result"] h3');
    const result = await dialogState(page, 'sent', []);
    assert.ok(result.some((n) => n.role === 'button' && /close/i.test(n.name)));
    assert.equal((await focusedIn(page)).tag, 'h3', 'focus moves to the result');
    await axeClean(page, 'the result');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('li[data-task="T-1042"]'));
    assert.equal(await pointer(), 0, 'no pointer used');
    tally.flows++;
    await page.browserContext().close();
  });

  it('says required on every required field, and invalid only where the agent has been (every state of the dialog)', async () => {
    const page = await freshPage();
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('li[data-task="T-1043"] escalate-button');
    const button = (await axTree(page)).filter((n) => n.role === 'button' && /escalate/i.test(n.name));
    assert.ok(button.length >= 3, 'each closed button is named');
    tally.states++;
    await tabUntil(page, (f) => f.hosts[0] === 'escalate-button' && f.part === 'button' && f.text !== '' && f.id === '');
    // T-1043 is first now (T-1042 left the queue): no category preset, a phone from the task.
    await page.keyboard.press('Enter');
    await inDialog(page);
    await dialogState(page, 'open, untouched', []);
    await page.keyboard.press('Tab');
    await dialogState(page, 'left the category empty', ['combobox']);
    await tabUntil(page, (f) => f.part === 'submit');
    await page.keyboard.press('Enter');
    const submitted = await dialogState(page, 'sent empty', ['combobox', 'radiogroup', 'textbox']);
    assert.ok(submitted.filter((n) => n.required).length >= 2);
    await tabUntil(page, (f) => f.name === 'category', 60, true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type(typedNotes);
    await tabUntil(page, (f) => f.name === 'contactMethod');
    await page.keyboard.press('Space');
    await dialogState(page, 'corrected', []);
    await page.keyboard.press('Escape');
    await page.browserContext().close();
  });

  it('the account team by keyboard alone: sign in, open the escalation, add a note and change its status', async () => {
    const page = await freshPage();
    await page.goto(`${demo.inboxUrl}`);
    await page.waitForSelector('escalation-inbox >>> #email');
    await axeClean(page, 'the inbox sign-in');
    const pointer = await countPointerEvents(page);
    await tabUntil(page, (f) => f.id === 'email');
    await page.keyboard.type(people.member.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(people.member.password);
    await page.keyboard.press('Enter');
    await page.waitForSelector('escalation-inbox >>> tr[data-id] .row-link');
    await axeClean(page, 'the list (member)');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'T-1042');
    await page.keyboard.press('Enter');
    await page.waitForSelector('escalation-inbox >>> #note');
    await axeClean(page, 'the detail (member)');
    await tabUntil(page, (f) => f.id === 'note');
    await page.keyboard.type('Called the customer back; refund under review.');
    await tabUntil(page, (f) => f.tag === 'button' && /contacted/i.test(f.text));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes('marked contacted'),
    );
    const session = await apiSession(demo.url, demo.access);
    const list = (await (await fetch(`${demo.url}/api/escalations?status=contacted`, { headers: { cookie: session.cookie } })).json()) as {
      items: { history: { note?: string }[] }[];
    };
    assert.equal(list.items[0]?.history.at(-1)?.note, 'Called the customer back; refund under review.');
    assert.equal(await pointer(), 0, 'no pointer used');
    tally.flows++;
    await page.browserContext().close();
  });

  it("axe finds nothing on the inbox's views as an agent and as a lead (list, detail, users and keys)", async () => {
    for (const [role, person] of [
      ['agent', people.agent],
      ['lead', demo.access],
    ] as const) {
      const page = await freshPage();
      await signInToInbox(page, demo.inboxUrl, person);
      await page.waitForSelector('escalation-inbox >>> h2#list-title');
      await axeClean(page, `the list (${role})`);
      await page.select('escalation-inbox >>> .filters select', '');
      await (await page.waitForSelector('escalation-inbox >>> tr[data-id] .row-link'))!.click();
      await page.waitForSelector('escalation-inbox >>> #detail h2');
      await axeClean(page, `the detail (${role})`);
      if (role === 'lead') {
        await page.click('escalation-inbox >>> nav button:nth-of-type(2)');
        await page.waitForSelector('escalation-inbox >>> inbox-people >>> #add-user');
        await axeClean(page, 'users and keys (lead)');
      }
      await page.browserContext().close();
    }
  });

  it('axe, run this way, sees into the shadow DOM: a sign-in field taken out of its label is reported', async () => {
    const page = await freshPage();
    await page.goto(demo.inboxUrl);
    await page.waitForSelector('escalation-inbox >>> #email');
    await page.$eval('escalation-inbox >>> #email', (input) => input.parentElement!.after(input));
    const violations = await axeViolations(page);
    assert.ok(
      violations.some((v) => v.startsWith('label ')),
      `expected the unlabelled field; got ${violations.join('; ') || 'nothing'}`,
    );
    await page.browserContext().close();
  });

  for (const [name, viewport] of [
    ['200% zoom (1280 px at scale 2: 640 CSS px)', { width: 640, height: 450, deviceScaleFactor: 2 }],
    ['320 px', { width: 320, height: 640, deviceScaleFactor: 1 }],
  ] as const) {
    it(`${name}: no sideways scrolling of the page, nothing of the dialog or the inbox outside the view`, async () => {
      const page = await freshPage(viewport);
      await page.goto(`${demo.url}/`);
      await page.waitForSelector('li.task escalate-button');
      assert.deepEqual(await layoutProblems(page, null), { overflow: 0, outside: [] }, 'the queue');
      await page.focus('li.task escalate-button');
      await page.keyboard.press('Enter');
      await inDialog(page);
      assert.equal((await layoutProblems(page, null)).overflow, 0, 'the page with the dialog open');
      assert.deepEqual((await layoutProblems(page, 'escalate-button')).outside, [], 'the dialog');
      await signInToInbox(page, demo.inboxUrl, demo.access);
      await page.select('escalation-inbox >>> .filters select', '');
      await (await page.waitForSelector('escalation-inbox >>> tr[data-id] .row-link'))!.click();
      await page.waitForSelector('escalation-inbox >>> #detail h2');
      assert.deepEqual(await layoutProblems(page, 'escalation-inbox'), { overflow: 0, outside: [] }, 'the inbox');
      await page.browserContext().close();
    });
  }

  it('prefers-reduced-motion: reduce: nothing in the dialog moves', async () => {
    const page = await freshPage();
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('li.task escalate-button');
    await page.focus('li.task escalate-button');
    await page.keyboard.press('Enter');
    await inDialog(page);
    assert.ok((await longestMotion(page, 'escalate-button')) <= 0.01);
    await page.browserContext().close();
    reportFigures(
      'accessibility',
      `views ${tally.views}, axe violations ${tally.violations}, states ${tally.states} checked, keyboard-only flows ${tally.flows} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  });
});
