/**
 * Suite 4 of issue 12, hostile content: markup, a script URL, SVG, escaped entities, emoji,
 * right-to-left text and each field's longest value in every text field of an escalation,
 * rendered in Chromium in the element's result view, the inbox's list, detail and history (signed
 * in as a lead) and the HTML e-mail opened as a page. Every payload calls `window.__pwned()` if
 * it ever runs; no call, no dialog, no CSP violation, no element made of content, and the text
 * shown verbatim. Bidi overrides are refused in every field, and a 100 kB note too (the note's
 * bound is 5,000 characters: that one is shown instead).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { escalationRequestSchema, limits, type EscalationRequest } from '@escalate-kit/sdk';
import { renderEscalationEmail } from '../../../packages/server/src/email.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { reportFigures } from '../../support/figures.ts';
import {
  bodyWith,
  hostilePayloads,
  probeInPage,
  refusedPayloads,
  textFields,
  valuesFor,
  type TextField,
} from '../../support/hostile-content.ts';
import { startHostileSite, watchedPage, type HostileSite, type Watch } from '../../support/hostile-site.ts';
import { addPerson, signInToInbox, type Person } from '../security/inbox-session.ts';

/** The value a field holds in a parsed request. */
function valueOf(r: EscalationRequest, field: TextField): string {
  const [key, value] = Object.entries(r.context ?? {})[0] ?? ['', ''];
  const values: Record<TextField, string | undefined> = {
    taskId: r.taskId,
    taskTitle: r.taskTitle,
    notes: r.notes,
    'customer.name': r.customer?.name,
    'customer.accountId': r.customer?.accountId,
    'agent.id': r.agent?.id,
    'agent.name': r.agent?.name,
    customerRequest: r.customerRequest,
    recommendation: r.recommendation,
    'context key': key,
    'context value': String(value),
  };
  return values[field]!;
}

/** The path a refusal of `field` names. */
const pathOf = (field: TextField, body: Record<string, unknown>) =>
  field.startsWith('context') ? ['context', Object.keys(body.context as object)[0]!] : field.split('.');

const post = (site: HostileSite, path: string, body: unknown, key?: string) =>
  site.open(
    new Request(`http://hostile.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

describe('hostile content in every text field, rendered in Chromium', () => {
  let site: HostileSite;
  let browser: Browser;
  let lead: Person;
  const sent: { payload: string; request: EscalationRequest; note: string }[] = [];
  const views = new Set<string>();
  const tally = { verbatim: 0, scripts: 0, refused: 0 };
  const watches = new Map<Page, Watch>();
  const started = Date.now();

  before(async () => {
    site = await startHostileSite();
    lead = await addPerson(site.store, 'lead');
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function page(): Promise<Page> {
    const { page, watch } = await watchedPage(browser);
    watches.set(page, watch);
    return page;
  }

  /** Checks one view: nothing made of content, and each field's value in its text. */
  async function check(
    p: Page,
    view: string,
    host: string | null,
    inner: string | null,
    expected: [string, string][],
    afterHeading?: string,
  ) {
    views.add(view);
    const probe = await p.evaluate(probeInPage, host, inner, afterHeading);
    assert.ok(probe.found, `${view} is on the page`);
    assert.deepEqual(probe.injected, [], `${view}: no element or handler made of content`);
    assert.deepEqual(await watches.get(p)!.violations(), [], `${view}: no CSP violation`);
    for (const [field, value] of expected) {
      assert.ok(probe.text.includes(value), `${view} shows ${field} verbatim: ${JSON.stringify(value.slice(0, 60))}`);
      tally.verbatim++;
    }
  }

  it('refuses bidi overrides in every text field, naming it, and a 100 kB note', async () => {
    for (const { text } of refusedPayloads) {
      for (const field of textFields) {
        const body = bodyWith({ [field.name]: text });
        const response = await post(site, '/api/escalations', body, body.id);
        assert.equal(response.status, 400, `${field.name} with ${JSON.stringify(text)}`);
        const { issues } = (await response.json()) as { issues: { path: string[] }[] };
        assert.deepEqual(
          issues.map((i) => i.path),
          [pathOf(field.name, body)],
        );
        tally.refused++;
      }
    }
    const huge = bodyWith({ notes: `Issue: ${'<img src=x onerror=__pwned(1)>'.repeat(3500)}` });
    assert.ok(JSON.stringify(huge).length > 100_000);
    assert.equal((await post(site, '/api/escalations', huge, huge.id)).status, 413, 'over the body limit before any parsing');
    const over = bodyWith({ notes: 'n'.repeat(limits.notes + 1) });
    const answer = (await (await post(site, '/api/escalations', over, over.id)).json()) as { issues: { path: string[] }[] };
    assert.deepEqual(
      answer.issues.map((i) => i.path),
      [['notes']],
    );
    assert.equal(escalationRequestSchema.safeParse(huge).success, false);
    assert.equal((await site.store.list({ limit: 50 })).items.length, 0, 'nothing stored');
  });

  it('stores every payload in every text field exactly as sent, and a note with it', async () => {
    for (const payload of hostilePayloads) {
      const body = bodyWith(valuesFor(payload));
      const response = await post(site, '/api/escalations', body, body.id);
      assert.equal(response.status, 201, `${payload.name}: ${await response.clone().text()}`);
      const request = escalationRequestSchema.parse(body);
      for (const field of textFields)
        assert.equal(valueOf(request, field.name), valuesFor(payload)[field.name], `${payload.name} in ${field.name}`);
      // A note on an escalation is bounded at 2,000 characters (packages/server/src/status.ts).
      const note = payload.text(2000, false);
      const noted = await post(site, `/api/escalations/${body.id}/notes`, { note });
      assert.equal(noted.status, 201, `${payload.name}: ${await noted.clone().text()}`);
      sent.push({ payload: payload.name, request, note });
    }
  });

  it("(a) the element's result view: sent from the dialog, shown verbatim, no script run", async () => {
    for (const payload of hostilePayloads) {
      const v = valuesFor(payload);
      const p = await page();
      await p.goto(`${site.url}/element`);
      await p.evaluate((v: Record<string, string>) => {
        const el = document.createElement('escalate-button') as HTMLElement & { context?: object };
        const attributes = {
          'task-id': v.taskId,
          'task-title': v.taskTitle,
          'customer-name': v['customer.name'],
          'account-id': v['customer.accountId'],
        };
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value!);
        el.setAttribute('endpoint', '/element-api/api/escalations');
        el.setAttribute('category', 'billing');
        el.setAttribute('contact-method', 'email');
        el.setAttribute('customer-email', 'pat@example.com');
        el.context = { [v['context key']!]: v['context value']! };
        document.querySelector('main')!.append(el);
      }, v);
      await p.click('escalate-button >>> [part="button"]');
      await p.waitForSelector('escalate-button >>> dialog[open] textarea[name="notes"]');
      // Set as a paste would: 5,000 characters typed one by one would only test the keyboard.
      await p.evaluate((v: Record<string, string>) => {
        const root = document.querySelector('escalate-button')!.shadowRoot!;
        for (const [name, value] of [
          ['notes', v.notes],
          ['customerRequest', v.customerRequest],
          ['recommendation', v.recommendation],
        ]) {
          const field = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
          field.value = value!;
          field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }
      }, v);
      await p.click('escalate-button >>> [part="submit"]');
      await p.waitForSelector('escalate-button >>> [part="result"] h3');
      await check(p, 'element result', 'escalate-button', 'dialog', [
        ['taskId', v.taskId],
        ['taskTitle', v.taskTitle],
        ['customer.name', v['customer.name']],
      ]);
      const items = (await site.elementStore.list({ limit: 50 })).items;
      const stored = items.find((i) => i.request.taskId === v.taskId);
      assert.ok(stored, `stored by the element: ${JSON.stringify(items.map((i) => i.request.taskId))} ${JSON.stringify(v.taskId)}`);
      for (const field of [
        'taskId',
        'taskTitle',
        'notes',
        'customer.name',
        'customer.accountId',
        'customerRequest',
        'recommendation',
        'context key',
        'context value',
      ] as const) {
        assert.equal(valueOf(stored!.request, field), v[field], `the element sent ${field} as typed (${payload.name})`);
      }
      await p.browserContext().close();
    }
  });

  it('(b) the inbox list, detail and history, signed in as a lead: verbatim, no script run', async () => {
    const p = await page();
    await signInToInbox(p, `${site.url}/inbox`, lead);
    for (const { request: r, note } of sent) {
      const row = `escalation-inbox >>> tr[data-id="${r.id}"]`;
      await p.waitForSelector(row);
      await check(p, 'inbox list', 'escalation-inbox', `tr[data-id="${r.id}"]`, [
        ['taskId', r.taskId],
        ['taskTitle', r.taskTitle!],
        ['customer.name', r.customer!.name!],
      ]);
      await p.click(`${row} .row-link`);
      await p.waitForFunction(
        (taskId) => document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('#detail h2')?.textContent?.includes(taskId),
        {},
        r.taskId,
      );
      await check(
        p,
        'inbox detail',
        'escalation-inbox',
        '#detail',
        textFields.map((f) => [f.name, valueOf(r, f.name)]),
      );
      await check(p, 'inbox history', 'escalation-inbox', '#detail', [['history note', note]], 'History');
    }
    await p.browserContext().close();
  });

  it('(c) the HTML e-mail opened as a page: verbatim, no script run', async () => {
    for (const { request } of sent) {
      const stored = await site.store.get(request.id);
      const { html } = renderEscalationEmail(stored!, { inboxUrl: `${site.url}/inbox` });
      const p = await page();
      await p.setContent(html, { waitUntil: 'load' });
      await check(
        p,
        'e-mail',
        null,
        null,
        textFields.map((f) => [f.name, valueOf(request, f.name)]),
      );
      await p.browserContext().close();
    }
  });

  it('the detectors detect: markup planted as HTML runs and is counted; on the inbox the CSP reports it', async () => {
    const { page: bare, watch } = await watchedPage(browser);
    await bare.setContent(`<p>${hostilePayloads[0]!.text(40, false)}</p>`, { waitUntil: 'load' });
    await bare.waitForFunction(() => true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(watch.pwned, ['img']);
    assert.deepEqual((await bare.evaluate(probeInPage, null, null)).injected, ['IMG onerror', 'IMG']);
    await bare.browserContext().close();
    const { page: inbox, watch: inboxWatch } = await watchedPage(browser);
    await signInToInbox(inbox, `${site.url}/inbox`, lead);
    // What a template that parsed content as markup would do: Trusted Types refuses it, and says so.
    await inbox.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', `<img src=x onerror="__pwned('inbox')">`);
      } catch {
        // Refused: the violation below is what counts.
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok((await inboxWatch.violations()).length >= 1, 'markup from a string is refused and reported');
    assert.deepEqual(inboxWatch.pwned, []);
    await inbox.browserContext().close();
  });

  it('ran no script anywhere: no __pwned call, no dialog, no CSP violation', async () => {
    // Give an image's onerror or a lazy handler the time it would take to fire.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const pwned = [...watches.values()].flatMap((w) => w.pwned);
    const dialogs = [...watches.values()].flatMap((w) => w.dialogs);
    tally.scripts = pwned.length + dialogs.length;
    assert.deepEqual(pwned, []);
    assert.deepEqual(dialogs, []);
    reportFigures(
      'hostile-content',
      `payloads ${hostilePayloads.length} × fields ${textFields.length} × views ${views.size}, scripts run ${tally.scripts}, shown verbatim ${tally.verbatim} (field × view checks), bidi refused ${tally.refused} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  });
});
