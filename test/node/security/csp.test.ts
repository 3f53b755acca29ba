/**
 * The pages' Content-Security-Policy, in Chromium, with a `report-uri` of this test's own: the
 * inbox through a whole flow (sign in, list, open, change status, users and keys) and the demo
 * page through an escalation (open the dialog, send) send zero violation reports. Then the test
 * breaks the policy on purpose (an inline style, a call to another origin, a string into
 * innerHTML) and hears each, which proves the policy is enforced and the reports would have arrived.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemo } from '../../../packages/demo/server.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { typedNotes, wire } from '../../support/fixtures.ts';
import { signInToInbox } from './inbox-session.ts';

const policy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; " +
  "form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

describe('strict CSP on the inbox and the demo page, in Chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let dataDir: string;
  let browser: Browser;
  let collector: Server;
  let reportUri: string;
  /** Every report received, as `directive blocked-uri`. */
  const reports: string[] = [];

  before(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        // Anything that reaches this server counts: a report, or a request the policy let through.
        try {
          const report = (JSON.parse(body) as { 'csp-report': Record<string, string> })['csp-report'];
          reports.push(`${report['effective-directive'] ?? report['violated-directive']} ${report['blocked-uri']}`);
        } catch {
          reports.push(`not a report: ${req.method} ${req.url}`);
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((ok) => collector.listen(0, '127.0.0.1', ok));
    reportUri = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/csp`;
    dataDir = await mkdtemp(join(tmpdir(), 'escalate-csp-'));
    demo = await startDemo({ port: 0, dataDir, env: {}, cspReportUri: reportUri });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await new Promise((ok) => collector?.close(ok));
    await rm(dataDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }
  /** Reports are sent as the violation happens; a moment lets any that would come arrive. */
  const settle = () => new Promise((r) => setTimeout(r, 500));

  it('sends the policy and the other headers with both pages', async () => {
    for (const path of ['/', '/inbox']) {
      const headers = (await fetch(`${demo.url}${path}`)).headers;
      assert.equal(headers.get('content-security-policy'), `${policy}; report-uri ${reportUri}`, path);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(headers.get('cross-origin-opener-policy'), 'same-origin', path);
    }
  });

  it('the inbox: sign in, list, open, change status, users and keys, with no violation', async () => {
    const body = wire({ taskId: 'T-CSP' });
    const sent = await fetch(`${demo.url}/demo/api/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': body.id },
      body: JSON.stringify(body),
    });
    assert.equal(sent.status, 201);
    const page = await newPage();
    await signInToInbox(page, demo.inboxUrl, demo.access);
    // The list loads after sign-in: wait for the row (a click does not wait), as a person would.
    await (await page.waitForSelector(`escalation-inbox >>> tr[data-id="${body.id}"] .row-link`))!.click();
    await page.waitForSelector('escalation-inbox >>> #note');
    await page.type('escalation-inbox >>> #note', 'Called, no answer');
    await page.click('escalation-inbox >>> #detail .actions button.secondary');
    await page.waitForFunction(() =>
      document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes('marked contacted'),
    );
    await page.click('escalation-inbox >>> nav button:nth-of-type(2)');
    await page.waitForSelector('escalation-inbox >>> inbox-people >>> #add-key');
    await page.type('escalation-inbox >>> inbox-people >>> #add-key input', 'CSP key');
    await page.keyboard.press('Enter');
    await page.waitForSelector('escalation-inbox >>> inbox-people >>> .secret');
    await settle();
    assert.deepEqual(reports, []);
    await page.close();
  });

  it('the demo page: the queue, the dialog and an escalation, with no violation', async () => {
    const page = await newPage();
    await page.goto(`${demo.url}/`);
    const task = 'li[data-task="T-1043"] escalate-button';
    await page.waitForSelector(task);
    await page.click(task);
    await page.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.querySelector('dialog')?.open, {}, task);
    await page.select(`${task} >>> select`, 'technical');
    await page.focus(`${task} >>> textarea`);
    await page.keyboard.type(typedNotes);
    await page.click(`${task} >>> input[value="call"]`);
    await page.click(`${task} >>> [part="submit"]`);
    await page.waitForSelector(`${task} >>> [part="result"].success`);
    await settle();
    assert.deepEqual(reports, []);
    await page.close();
  });

  it('reports what breaks the policy: an inline style, a call to another origin and a string into innerHTML', async () => {
    const page = await newPage();
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('li.task');
    const outcome = await page.evaluate(async (elsewhere) => {
      const style = document.createElement('style');
      style.textContent = 'body { background: red; }';
      document.head.append(style);
      const fetched = await fetch(elsewhere).then(
        () => true,
        () => false,
      );
      let refused = false;
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      } catch {
        refused = true;
      }
      return { refused, fetched, background: getComputedStyle(document.body).backgroundColor };
    }, reportUri);
    assert.deepEqual(outcome, { refused: true, fetched: false, background: 'rgba(0, 0, 0, 0)' });
    for (let i = 0; i < 50 && reports.length < 3; i++) await settle();
    assert.deepEqual(reports.map((r) => r.split(' ')[0]).sort(), ['connect-src', 'require-trusted-types-for', 'style-src-elem']);
    await page.close();
  });
});
