/**
 * Following an escalation up in the inbox, in Chromium, by keyboard: the customer a click away by
 * the method they asked for (the reference in the message), the briefing and the words the agent
 * used, and only the status changes the state machine allows, a reopening only with its reason.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { escalationReference } from '@escalate-kit/sdk';
import { addKey, createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { wire } from '../../support/fixtures.ts';
import { addPerson, signInToInbox } from '../security/inbox-session.ts';

describe('inbox: following an escalation up', () => {
  const store = createMemoryStore();
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const sent = wire({
    taskId: 'T-FOLLOW',
    contactMethod: 'text',
    contact: { phone: '+1 555 0100 123', email: 'pat@example.com' },
    signals: { managerRequested: true },
  });

  before(async () => {
    const member = await addPerson(store, 'member');
    handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script: await bundleInbox() } });
    server = await serve({ handler, port: 0 });
    // Sent as a host sends, with its key.
    const { key } = await addKey(store.access, 'task app', new Date());
    const posted = await fetch(`${server.url}/api/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': sent.id, authorization: `Bearer ${key}` },
      body: JSON.stringify(sent),
    });
    assert.equal(posted.status, 201);
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await signInToInbox(page, `${server.url}/inbox#${sent.id}`, member);
    await page.waitForSelector('escalation-inbox >>> #detail .briefing');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  const inDetail = <T>(fn: (detail: Element) => T) =>
    page.evaluate((source) => {
      const detail = document.querySelector('escalation-inbox')!.shadowRoot!.querySelector('#detail')!;
      return (new Function('detail', `return (${source})(detail)`) as (d: Element) => unknown)(detail);
    }, fn.toString()) as Promise<T>;
  const buttons = () =>
    inDetail((d) => [...d.querySelectorAll('.actions button')].map((b) => [b.textContent!.trim(), (b as HTMLButtonElement).disabled]));

  it('offers the customer by the method they asked for first, each link carrying the reference', async () => {
    const links = await inDetail((d) => [...d.querySelectorAll('.contact-links a')].map((a) => [a.textContent, a.getAttribute('href')]));
    const about = encodeURIComponent(`About your request (reference ${escalationReference(sent.id)})`);
    assert.deepEqual(links, [
      ['Text +1 555 0100 123', `sms:+15550100123?body=${about}`],
      ['Call +1 555 0100 123', 'tel:+15550100123'],
      ['E-mail pat@example.com', `mailto:pat%40example.com?subject=${about}`],
    ]);
  });

  it('shows the briefing and the words the agent used with the customer', async () => {
    const text = await inDetail((d) => d.textContent!.replace(/\s+/g, ' '));
    assert.match(text, /Briefing .*I need to escalate Pat Doe \(account A-77\)/);
    assert.match(text, /What the agent told the customer “.+” “.+text.+”/);
  });

  it('moves only as the state machine allows, by keyboard, and reopens only with a reason', async () => {
    assert.deepEqual(await buttons(), [['Mark contacted', false]]);
    const press = async (label: string) => {
      await page.focus(
        `escalation-inbox >>> .actions button[data-to="${{ 'Mark contacted': 'contacted', 'Waiting on the customer': 'waiting', 'Mark resolved': 'resolved', Reopen: 'open' }[label]}"]`,
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (l) => document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes(l),
        {},
        `marked ${{ 'Mark contacted': 'contacted', 'Waiting on the customer': 'waiting', 'Mark resolved': 'resolved', Reopen: 'open' }[label]}`,
      );
    };
    await press('Mark contacted');
    assert.deepEqual(await buttons(), [
      ['Waiting on the customer', false],
      ['Mark resolved', false],
    ]);
    await press('Waiting on the customer');
    assert.deepEqual(await buttons(), [
      ['Mark contacted', false],
      ['Mark resolved', false],
    ]);
    await press('Mark resolved');
    assert.deepEqual(await buttons(), [['Reopen', true]], 'a reopening needs its reason first');
    await page.focus('escalation-inbox >>> #note');
    await page.keyboard.type('Customer says the router still reboots');
    assert.deepEqual(await buttons(), [['Reopen', false]]);
    await press('Reopen');
    const history = (await store.get(sent.id))!.history.map((h) => [h.from, h.to, h.note]);
    assert.deepEqual(history.slice(-4), [
      ['open', 'contacted', undefined],
      ['contacted', 'waiting', undefined],
      ['waiting', 'resolved', undefined],
      ['resolved', 'open', 'Customer says the router still reboots'],
    ]);
  });
});
