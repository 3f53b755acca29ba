/**
 * The inbox shows what the server decided and why, and filters by team, in Chromium driven by
 * the mouse and keyboard: team names from `/api/meta`, deadlines in the viewer's time zone with
 * the rules that set them, the reasons, the signals, what the customer asks and what the agent
 * recommends.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { defaultPolicy, escalationReference } from '@escalate-kit/sdk';
import { createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { FRIDAY, postRequest, receiptOf, typedNotes, wire } from '../../support/fixtures.ts';
import { addPerson, signInToInbox } from '../security/inbox-session.ts';

describe('account-team inbox: the decision, and the team filter, in Chromium', () => {
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const legal = wire({
    taskId: 'T-LEGAL',
    category: 'billing',
    notes: typedNotes,
    routing: { team: 'billing', level: 1 },
    signals: { legalThreat: true, upset: true },
    customerRequest: 'a refund of the $450',
    recommendation: 'a one-time courtesy refund',
  });
  const refund = wire({ taskId: 'T-REFUND', category: 'other', signals: { refund: 150 } });
  const plain = wire({ taskId: 'T-PLAIN', category: 'pricing' });

  before(async () => {
    const store = createMemoryStore();
    const options = { store, clock: () => new Date(FRIDAY), notifyRetry: { intervalMs: 0 } };
    // Seeded through the API as a host would send them (auth off for the seeding only: who may
    // send is not this suite's subject); the inbox is served with auth on, as it always is.
    const seeder = createEscalationHandler({ ...options, auth: false });
    for (const body of [legal, refund, plain]) await receiptOf(await seeder(postRequest(body)), 201);
    seeder.close();
    const member = await addPerson(store, 'member');
    handler = createEscalationHandler({ ...options, inbox: { html: inboxHtml, script: await bundleInbox() } });
    server = await serve({ handler, port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: [...chromeArgs, '--lang=en-US'] });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    // The viewer is in Chicago: the inbox shows times in the viewer's zone.
    await page.emulateTimezone('America/Chicago');
    await signInToInbox(page, `${server.url}/inbox`, member);
    await page.waitForSelector(`escalation-inbox >>> tr[data-id="${plain.id}"]`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  const shown = () => page.$$eval('escalation-inbox >>> tbody tr[data-id] .row-link', (links) => links.map((l) => l.textContent?.trim()));
  const waitForCount = (n: number) =>
    page.waitForFunction(
      (count) => document.querySelector('escalation-inbox')?.shadowRoot?.querySelectorAll('tbody tr[data-id]').length === count,
      {},
      n,
    );

  it("offers the policy's teams by name and lists only the chosen team's escalations", async () => {
    const teamSelect = 'escalation-inbox >>> .filters label:nth-of-type(3) select';
    const options = await page.$$eval(`${teamSelect} option`, (o) => o.map((x) => [(x as HTMLOptionElement).value, x.textContent?.trim()]));
    assert.deepEqual(options, [['', 'All'], ...Object.entries(defaultPolicy.teams.names)]);
    assert.deepEqual((await shown()).sort(), ['T-LEGAL', 'T-PLAIN', 'T-REFUND']);

    // By keyboard, as a person would: focus the select and arrow down to the legal team.
    await page.focus(teamSelect);
    const legalAt = options.findIndex(([id]) => id === 'legal');
    for (let i = 0; i < legalAt; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.$eval(teamSelect, (el) => (el as HTMLSelectElement).value), 'legal');
    await waitForCount(1);
    assert.deepEqual(await shown(), ['T-LEGAL']);
    await page.select(teamSelect, 'billing');
    await waitForCount(1);
    assert.deepEqual(await shown(), ['T-REFUND']);
    await page.select(teamSelect, '');
    await waitForCount(3);
  });

  it('shows the decision and why in the detail, deadlines in the viewer’s zone with their rules', async () => {
    await page.click(`escalation-inbox >>> tr[data-id="${legal.id}"] .row-link`);
    await page.waitForSelector('escalation-inbox >>> #detail .reasons');
    const detail = await page.$eval('escalation-inbox >>> #detail', (el) => el.textContent!.replace(/\s+/g, ' '));
    for (const text of [
      'Legal / Compliance Team · level 2 (Supervisor / Manager) · high priority',
      'Mandatory Yes',
      'Legal, BBB or regulatory threats go to legal / compliance',
      'The customer is upset or angry',
      'within 4 hours: the answer time of level 2, Supervisor / Manager (rule: levels)',
      'Signals Threatening legal action · Upset or angry',
      'Customer asks for a refund of the $450',
      'Agent recommends a one-time courtesy refund',
      'Agent suggested Billing Team · level 1',
      `Customer reference ${escalationReference(legal.id)}`,
    ]) {
      assert.ok(detail.includes(text), `${text} in the detail: ${detail}`);
    }
    // 14:00 UTC is 8:00 in Chicago.
    assert.match(detail, /Respond by Nov 14, 2025,? 8:00\sAM/);
  });

  it('shows the resolve-by and the rule that set it when there is one', async () => {
    await page.click(`escalation-inbox >>> tr[data-id="${refund.id}"] .row-link`);
    await page.waitForFunction(() =>
      document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('#detail h2')?.textContent?.includes('T-REFUND'),
    );
    const detail = await page.$eval('escalation-inbox >>> #detail', (el) => el.textContent!.replace(/\s+/g, ' '));
    // Fri 21 Nov, 10:00 UTC is 4:00 in Chicago.
    assert.match(
      detail,
      /Resolve by Nov 21, 2025,? 4:00\sAM within 5 business days: the Billing Team's own timeline \(rule: specialised-teams\)/,
    );
    assert.ok(detail.includes('Refund of $150 is over $100, so it goes to the Billing Team'));
    assert.ok(!detail.includes('Agent suggested'), 'no suggestion to compare with');
  });
});
