/**
 * The inbox's Metrics page in Chromium, signed in as a lead, on the seeded data set with known
 * answers (test/support/metrics-seed.ts): the range picked by keyboard, the weekly chart's table
 * and the per-agent table holding the seeded figures, the agent above their healthy range flagged
 * with the procedures' action, axe clean, nothing sideways at 320 px; and no Metrics tab for a member.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { AGENTS, NOW, seedMetrics } from '../../support/metrics-seed.ts';
import { addPerson, signInToInbox, type Person } from '../security/inbox-session.ts';

const M = 'escalation-inbox >>> inbox-metrics >>> ';

describe('the Metrics page in Chromium', () => {
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let lead: Person;
  let member: Person;

  before(async () => {
    const store = createMemoryStore();
    await seedMetrics(store);
    [lead, member] = [await addPerson(store, 'lead'), await addPerson(store, 'member')];
    // The server's day is the seed's "now", so its default range (the last 8 weeks) holds the seed.
    handler = createEscalationHandler({ store, clock: () => new Date(NOW), inbox: { html: inboxHtml, script: await bundleInbox() } });
    server = await serve({ handler, port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  async function as(person: Person) {
    await page?.browserContext().close();
    page = await (await browser.createBrowserContext()).newPage();
    page.setDefaultTimeout(15_000);
    // Days are counted in the browser's zone: UTC, the seed's.
    await page.emulateTimezone('UTC');
    await signInToInbox(page, `${server.url}/inbox`, person);
  }
  const cells = (selector: string) => page.$$eval(M + selector, (els) => els.map((el) => el.textContent!.replace(/\s+/g, ' ').trim()));

  it('shows a lead the seeded figures for a range picked by keyboard', async () => {
    await as(lead);
    const tab = await page.waitForSelector('escalation-inbox >>> nav button:nth-of-type(3)');
    assert.equal(await tab!.evaluate((el) => el.textContent), 'Metrics');
    await tab!.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${M}tr[data-period="2025-W10"]`);
    // The range, typed as a person would: month, day, year in Chromium's en-US date field.
    await page.focus(`${M}input[name="from"]`);
    await page.keyboard.type('03032025');
    await page.focus(`${M}input[name="to"]`);
    await page.keyboard.type('03162025');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (sel) =>
        document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('inbox-metrics')?.shadowRoot?.querySelectorAll(sel).length ===
        2,
      {},
      '#per-week-title ~ details tbody tr',
    );
    assert.deepEqual(await cells('#per-week-title ~ details thead th'), [
      'Period',
      'Billing Team',
      'Account Team',
      'Technical Support Team',
      'Total',
    ]);
    assert.deepEqual(await cells('#per-week-title ~ details tr[data-period="2025-W10"] > *'), ['2025-W10', '2', '1', '0', '3']);
    assert.deepEqual(await cells('#per-week-title ~ details tr[data-period="2025-W11"] > *'), ['2025-W11', '1', '1', '1', '3']);
    assert.deepEqual(await cells('#per-day-title ~ details tr[data-period="2025-03-16"] > *'), ['2025-03-16', '0', '1', '0', '1']);
    const summary = await page.$$eval(`${M}.summary div`, (els) =>
      els.map((el) => `${el.querySelector('dt')!.textContent}: ${el.querySelector('dd')!.textContent}`),
    );
    assert.deepEqual(summary, [
      'Escalations: 6',
      'Handled without escalating: 68',
      'Resolved: 50% (3 of 6)',
      'Time to first contact: median 1 h 30 min, 90% within 2 h 42 min (4)',
      'Time to resolution: median 24 h, 90% within 2 d 14 h (3)',
      'Contacted by the respond-by: 60% (3 of 5)',
      'Resolved by the resolve-by: 66.7% (2 of 3)',
    ]);
    assert.deepEqual(await cells('#sla-title ~ details tr[data-period="2025-W10"] td'), ['66.7% (2 of 3)', '50% (1 of 2)']);
  });

  it('flags the agent above their healthy range, with the action, in words as well as colour', async () => {
    assert.deepEqual(await cells(`tr[data-agent="${AGENTS.new}"] > *`), [
      AGENTS.new,
      'New (0-3 months) since 2025-01-10',
      '2',
      '8',
      '20%',
      '10-15%',
      'Above the range: Additional training and coaching',
    ]);
    assert.equal(await page.$eval(`${M}tr[data-agent="${AGENTS.new}"]`, (el) => el.classList.contains('above')), true);
    assert.deepEqual(await cells(`tr[data-agent="${AGENTS.mid}"] td:last-child`), ['Within the range']);
    assert.deepEqual(await cells(`tr[data-agent="${AGENTS.unknown}"] td:last-child`), ['No range: start date unknown']);
    assert.deepEqual(await cells('tr.above th'), [AGENTS.new], 'only the one above is flagged');
  });

  it('is axe clean, with its tables open too, and does not scroll sideways at 320 px', async () => {
    const violations = async () => {
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
      const results = (await page.evaluate(() =>
        (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, {
          resultTypes: ['violations'],
        }),
      )) as AxeResults;
      return results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    };
    assert.deepEqual(await violations(), []);
    for (const summary of await page.$$(`${M}details summary`)) await summary.click();
    assert.deepEqual(await violations(), [], 'with every table shown');
    await page.setViewport({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 320 px`);
  });

  it('shows a member no Metrics tab, and the API refuses them the figures', async () => {
    await as(member);
    await page.waitForSelector('escalation-inbox >>> .account');
    const tabs = await page.$$eval('escalation-inbox >>> button.tab', (els) => els.map((el) => el.textContent));
    assert.ok(!tabs.includes('Metrics'));
    const status = await page.evaluate(() => fetch('/api/stats').then((r) => r.status));
    assert.equal(status, 403);
  });
});
