/**
 * "Sign in with …" in Chromium: the inbox offers the provider as a real link, reached by keyboard
 * after the password form; a person the store does not know comes back to the form with the
 * reason said (and the code gone from the address bar); a member comes back signed in, with the
 * same HttpOnly SameSite=Strict cookie a password gives, and their escalations listed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  createEscalationHandler,
  createMemoryStore,
  type EscalationHandler,
  type EscalationStore,
} from '../../../packages/server/src/index.ts';
import { bundleInbox, inboxHtml } from '../../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { makeNew, makeRequest } from '../../support/fixtures.ts';
import { startOidcProvider, type OidcProvider } from '../../support/oidc-provider.ts';
import { addPerson, type Person } from './inbox-session.ts';

const client = { clientId: 'escalate-inbox', clientSecret: 'test-secret-of-the-inbox' };

describe('inbox sign-in with SSO in Chromium', () => {
  let provider: OidcProvider;
  let store: EscalationStore;
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let member: Person;
  const id = crypto.randomUUID();
  const silent = { error() {}, warn() {}, info() {} };

  before(async () => {
    provider = await startOidcProvider(client);
    store = createMemoryStore();
    await store.insert(makeNew({ request: makeRequest({ id, taskId: 'T-SSO', taskTitle: 'Refund twice refused' }) }));
    member = await addPerson(store, 'member');
    handler = createEscalationHandler({
      store,
      log: silent,
      auth: { oidc: { issuer: provider.issuer, ...client, label: 'Example SSO' } },
      inbox: { html: inboxHtml, script: await bundleInbox() },
      notifyRetry: { intervalMs: 0 },
    });
    server = await serve({ handler, port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
    await provider?.close();
  });

  const focused = () =>
    page.evaluate(() => {
      const el = document.querySelector('escalation-inbox')!.shadowRoot!.activeElement;
      return { tag: el?.tagName, text: el?.textContent?.trim(), href: el?.getAttribute('href') };
    });

  /** From the form's first field, by Tab alone, to the SSO link; then Enter follows it. */
  async function followSsoByKeyboard() {
    await page.goto(`${server.url}/inbox`);
    await page.waitForSelector('escalation-inbox >>> .sso a');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { tag: 'A', text: 'Sign in with Example SSO', href: '/api/session/oidc' });
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  }

  it('offers "Sign in with Example SSO" as a link after the form, and says why a stranger is not signed in', async () => {
    provider.signInAs({ sub: 'idp-stranger', email: 'stranger@example.com', email_verified: true });
    await followSsoByKeyboard();
    await page.waitForFunction(() =>
      /no account here has your e-mail address/.test(
        document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '',
      ),
    );
    assert.equal(new URL(page.url()).search, '', 'the code left the address bar');
    assert.equal(
      await page.$eval('escalation-inbox >>> #password', (el) => el.getAttribute('aria-invalid')),
      'false',
      'no field is blamed',
    );
    assert.deepEqual(await page.cookies(), []);
  });

  it('comes back from the provider signed in as the member, with the session cookie and the list', async () => {
    provider.signInAs({ sub: 'idp-member', email: member.email, email_verified: true });
    await followSsoByKeyboard();
    await page.waitForSelector('escalation-inbox >>> .account');
    const line = await page.$eval('escalation-inbox >>> .account', (el) => el.textContent!.replace(/\s+/g, ' ').trim());
    assert.match(line, /Signed in as Morgan Member \(member@example\.com, account team\)/);
    const cookies = await page.cookies();
    assert.deepEqual(
      cookies.map((c) => [c.name, c.httpOnly, c.sameSite]),
      [['escalate_session', true, 'Strict']],
    );
    await page.waitForSelector(`escalation-inbox >>> tr[data-id="${id}"]`);
    assert.equal(new URL(page.url()).pathname, '/inbox');
  });
});
