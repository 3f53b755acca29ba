/**
 * The visual baseline of the demo task queue and the account-team inbox in their main states,
 * 1280 and 320 px wide, in Debian's Chromium: compared with test/visual/baseline/app/ like the
 * stories are (see test/browser/visual.test.ts). Data and clocks are fixed so pixels only move
 * when the code moves them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { defaultPolicy } from '@escalate-kit/sdk';
import { startDemo } from '../../packages/demo/server.ts';
import { createEscalationHandler, createMemoryStore, decide, type EscalationHandler } from '../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../support/find-chrome.mjs';
import { makeNew, makeRequest, typedNotes as notes } from '../support/fixtures.ts';
import { pinClock } from '../support/inbox-page.ts';
import { matchesBaseline } from '../support/visual-compare.ts';
import { addPerson, type Person } from './security/inbox-session.ts';

const widths = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
];

let browser: Browser;
before(async () => {
  browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: [...chromeArgs, '--lang=en-US', '--font-render-hinting=none'],
    env: { ...process.env, LANG: 'en_US.UTF-8', TZ: 'UTC' },
  });
});
after(() => browser?.close());

/** Friday 14 November 2025, 10:00 UTC: the respond-by on the success panel is the same on every run. */
const fixedClock = () => new Date('2025-11-14T10:00:00.000Z');

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  // A context of its own: no cookie of another width's sign-in carries over.
  const page = await (await browser.createBrowserContext()).newPage();
  // One escalation id, so the reference on the success panel is the same on every run (each width
  // gets a fresh data folder, so the id is never reused against one store).
  await page.evaluateOnNewDocument(() => {
    crypto.randomUUID = () => '6f1c2d3e-0000-4000-8000-000000000042';
  });
  page.setDefaultTimeout(15_000);
  await page.setViewport(viewport);
  await page.emulateTimezone('UTC');
  return page;
}

async function shoot(page: Page, name: string) {
  // No blinking caret (through the CSSOM: the pages' CSP refuses a <style> of ours, rightly),
  // and every pending frame painted.
  await page.evaluate(() => document.documentElement.style.setProperty('caret-color', 'transparent'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await matchesBaseline(`app/${name}`, await page.screenshot());
}

describe('visual baseline: the demo task queue', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'escalate-visual-'));
    demo = await startDemo({ port: 0, dataDir, env: {}, clock: fixedClock });
  });
  after(async () => {
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  for (const viewport of widths) {
    it(`queue, open dialog and success panel at ${viewport.width} px`, async () => {
      const page = await newPage(viewport);
      await page.goto(`${demo.url}/`);
      await page.waitForSelector('li[data-task="T-1043"] escalate-button');
      await page.waitForFunction(() => document.querySelectorAll('li.task').length === 3);
      await shoot(page, `demo-queue--${viewport.width}`);

      // T-1043 (no preset category): open, fill by keyboard, send.
      await page.click('li[data-task="T-1043"] escalate-button');
      await page.waitForFunction(
        () => document.querySelector('li[data-task="T-1043"] escalate-button')?.shadowRoot?.querySelector('dialog')?.open,
      );
      await shoot(page, `demo-dialog--${viewport.width}`);
      await page.select('li[data-task="T-1043"] escalate-button >>> select', 'technical');
      await page.focus('li[data-task="T-1043"] escalate-button >>> textarea');
      await page.keyboard.type(notes);
      await page.click('li[data-task="T-1043"] escalate-button >>> input[value="call"]');
      await page.click('li[data-task="T-1043"] escalate-button >>> [part="submit"]');
      await page.waitForSelector('li[data-task="T-1043"] escalate-button >>> [part="result"].success');
      await shoot(page, `demo-success--${viewport.width}`);
      await page.close();
      // The next width starts from a queue without T-1043: put it back by resolving nothing —
      // a fresh data folder per width keeps the two runs identical instead.
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
      dataDir = await mkdtemp(join(tmpdir(), 'escalate-visual-'));
      demo = await startDemo({ port: 0, dataDir, env: {}, clock: fixedClock });
    });
  }
});

describe('visual baseline: the account-team inbox', () => {
  let handler: EscalationHandler;
  let server: RunningServer;
  let lead: Person;
  const first = '6f1c2d3e-1111-4222-8333-944455556666';

  before(async () => {
    const store = createMemoryStore();
    const rows = [
      {
        id: first,
        taskId: 'T-1042',
        taskTitle: 'Disputed $450 charge',
        category: 'billing',
        urgency: 'urgent',
        name: 'Ana Ruiz',
        respondBy: '2025-11-14T23:59:59.999Z',
      },
      {
        id: '6f1c2d3e-2222-4222-8333-944455556666',
        taskId: 'T-1043',
        taskTitle: 'Router reboots every hour',
        category: 'technical',
        urgency: 'standard',
        name: 'Ben Okafor',
        respondBy: '2099-01-05T23:59:59.999Z',
      },
      {
        id: '6f1c2d3e-3333-4222-8333-944455556666',
        taskId: 'T-1045',
        taskTitle: 'Unhappy with last visit',
        category: 'complaint',
        urgency: 'standard',
        name: 'Dev Patel',
        respondBy: '2099-01-06T23:59:59.999Z',
      },
    ];
    for (const r of rows) {
      const request = makeRequest({
        id: r.id,
        taskId: r.taskId,
        taskTitle: r.taskTitle,
        category: r.category,
        urgency: r.urgency,
        notes,
        customer: { name: r.name, accountId: '88231' },
        agent: { id: 'agent-demo' },
        createdAt: '2025-11-14T09:59:00.000Z',
        // The first one as the server decides it today, with what the agent said of the case; the
        // others as stored before the server recorded its decision.
        ...(r.id === first && {
          signals: { managerRequested: true, upset: true },
          customerRequest: 'a refund of the $450',
          recommendation: 'a one-time courtesy refund',
        }),
      });
      const receivedAt = '2025-11-14T10:00:00.000Z';
      if (r.id === first) {
        const decided = decide(request, defaultPolicy, new Date(receivedAt));
        const { decision } = decided;
        await store.insert({
          ...makeNew({ request: decided.request, team: decision.team, respondBy: decision.respondBy.at, receivedAt }),
          decision,
          ...(decision.resolveBy && { resolveBy: decision.resolveBy.at }),
        });
        continue;
      }
      await store.insert(
        makeNew({
          request,
          team: r.category === 'technical' ? 'technical' : r.category === 'billing' ? 'billing' : 'account',
          respondBy: r.respondBy,
          receivedAt,
        }),
      );
    }
    lead = await addPerson(store, 'lead');
    handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script: await bundleInbox() }, notifyRetry: { intervalMs: 0 } });
    server = await serve({ handler, port: 0 });
  });
  after(async () => {
    await server?.close();
    handler?.close();
  });

  for (const viewport of widths) {
    it(`sign-in, list and detail at ${viewport.width} px`, async () => {
      const page = await newPage(viewport);
      // The SLA clock's words ("… left", "overdue by …") are read against the page's time: fixed too.
      await pinClock(page, fixedClock().toISOString());
      await page.goto(`${server.url}/inbox`);
      await page.waitForSelector('escalation-inbox >>> #email');
      await shoot(page, `inbox-sign-in--${viewport.width}`);
      await page.type('escalation-inbox >>> #email', lead.email);
      await page.type('escalation-inbox >>> #password', lead.password);
      await page.keyboard.press('Enter');
      await page.waitForSelector('escalation-inbox >>> .account');
      await page.waitForFunction(
        () => document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('#list-title')?.textContent?.trim() === '3 escalations',
      );
      await shoot(page, `inbox-list--${viewport.width}`);
      await page.click(`escalation-inbox >>> tr[data-id="${first}"] .row-link`);
      await page.waitForSelector('escalation-inbox >>> #detail .notes');
      await page.evaluate(() => document.querySelector('escalation-inbox')!.shadowRoot!.querySelector('#detail')!.scrollIntoView());
      await shoot(page, `inbox-detail--${viewport.width}`);
      await page.close();
    });
  }
});
