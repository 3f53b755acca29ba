/**
 * Signing in with OpenID Connect (`auth.oidc`) against a real provider on 127.0.0.1, over real
 * HTTP, each redirect followed by hand with the cookies a browser would keep: a known user gets
 * the same session as a password gives (new id, CSRF token, their role and nothing more), and
 * every way it can go wrong — an unknown person, a tampered state, a token signed by someone
 * else, a nonce replayed, a spent code, a provider that refuses or is down, a flow that expired —
 * ends on the sign-in form with a reason, never a session and never a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createEscalationHandler,
  createMemoryStore,
  type EscalationHandler,
  type EscalationStore,
  type OidcOptions,
} from '../../../packages/server/src/index.ts';
import { oidcFromEnv } from '../../../packages/demo/oidc-env.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { makeNew, makeRequest } from '../../support/fixtures.ts';
import { startOidcProvider, type OidcProvider } from '../../support/oidc-provider.ts';
import { addPerson, apiSession, type Person } from './inbox-session.ts';
import { landing, SsoClient } from './sso-client.ts';

const client = { clientId: 'escalate-inbox', clientSecret: 'test-secret-of-the-inbox' };

describe('sign-in with OpenID Connect', () => {
  let provider: OidcProvider;
  let store: EscalationStore;
  const servers: { server: RunningServer; handler: EscalationHandler }[] = [];
  let base: string;
  let member: Person;
  let agent: Person;
  let now = Date.now();
  const id = crypto.randomUUID();
  /** What the server logged: every failure with its code, never a token or a secret. */
  const logged: object[] = [];
  const log = { error: (o: object) => logged.push(o), warn: (o: object) => logged.push(o), info: (o: object) => logged.push(o) };

  async function start(oidc: Partial<OidcOptions> = {}, on = store): Promise<string> {
    const handler = createEscalationHandler({
      store: on,
      clock: () => new Date(now),
      log,
      auth: { oidc: { issuer: provider.issuer, ...client, label: 'Example SSO', ...oidc } },
      notifyRetry: { intervalMs: 0 },
    });
    const server = await serve({ handler, port: 0 });
    servers.push({ server, handler });
    return server.url;
  }

  /** A full sign-in as `person` at the provider, from the inbox's link to the last redirect. */
  async function signIn(person: { sub: string; email?: string; [claim: string]: unknown }, at = base, rewrite?: (url: URL) => URL) {
    provider.signInAs({ email_verified: true, ...person });
    const browser = new SsoClient(at);
    const hops = await browser.follow('/api/session/oidc', rewrite);
    return { browser, hops, ...landing(hops) };
  }

  before(async () => {
    provider = await startOidcProvider(client);
    store = createMemoryStore();
    await store.insert(makeNew({ request: makeRequest({ id, taskId: 'T-SSO' }) }));
    member = await addPerson(store, 'member');
    agent = await addPerson(store, 'agent');
    base = await start();
  });

  after(async () => {
    for (const { server, handler } of servers) {
      await server.close();
      handler.close();
    }
    await provider?.close();
  });

  it('tells a signed-out inbox that SSO is on, with its label and link; without oidc, nothing', async () => {
    const { status, body } = await new SsoClient(base).session();
    assert.equal(status, 401);
    assert.deepEqual(body.sso, { label: 'Example SSO', href: '/api/session/oidc' });
    const plain = createEscalationHandler({ store: createMemoryStore(), notifyRetry: { intervalMs: 0 } });
    const answer = await plain(new Request('http://127.0.0.1/api/session'));
    assert.equal(answer.status, 401);
    assert.equal(((await answer.json()) as { sso?: unknown }).sso, undefined);
    assert.equal((await plain(new Request('http://127.0.0.1/api/session/oidc'))).status, 404);
    plain.close();
  });

  it('sends the browser to the provider with PKCE, state and nonce, kept in a short-lived HttpOnly SameSite=Lax cookie', async () => {
    const browser = new SsoClient(base);
    const { hop } = await browser.get('/api/session/oidc');
    assert.equal(hop.status, 303);
    const to = new URL(hop.location!);
    assert.equal(to.origin + to.pathname, `${provider.issuer}/authorize`);
    assert.equal(to.searchParams.get('client_id'), client.clientId);
    assert.equal(to.searchParams.get('redirect_uri'), `${base}/api/session/oidc/callback`);
    assert.equal(to.searchParams.get('code_challenge_method'), 'S256');
    assert.match(to.searchParams.get('scope')!, /\bopenid\b.*\bemail\b/);
    for (const name of ['state', 'nonce', 'code_challenge']) assert.ok((to.searchParams.get(name) ?? '').length >= 32, name);
    const [cookie] = hop.setCookies;
    assert.match(cookie!, /^escalate_oidc=[\w-]+; HttpOnly; SameSite=Lax; Path=\/api\/session\/oidc; Max-Age=600$/);
    // The cookie carries the verifier, never the challenge sent in the clear.
    assert.ok(!cookie!.includes(to.searchParams.get('code_challenge')!));
  });

  it('signs a known member in with a new session, its CSRF token and its role, then lands on the inbox', async () => {
    // A session from before (a password sign-in) comes along: it must not survive the SSO one.
    const earlier = await apiSession(base, member);
    const browser = new SsoClient(base);
    browser.cookies.set('escalate_session', { value: earlier.cookie.split('=')[1]!, path: '/', attributes: '' });
    provider.signInAs({ sub: 'idp-member', email: member.email.toUpperCase(), email_verified: true });
    const hops = await browser.follow('/api/session/oidc');
    assert.deepEqual(landing(hops), { path: '/inbox', error: null });
    const callback = hops.at(-1)!;
    assert.equal(callback.status, 303);
    assert.ok(callback.setCookies.some((c) => /^escalate_session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/.test(c)));
    assert.ok(
      callback.setCookies.some((c) => /^escalate_oidc=; .*Max-Age=0/.test(c)),
      'the flow cookie is spent',
    );
    assert.notEqual(browser.cookies.get('escalate_session')?.value, earlier.cookie.split('=')[1]);
    assert.equal(browser.cookies.has('escalate_oidc'), false);
    const stale = await fetch(`${base}/api/session`, { headers: { cookie: earlier.cookie } });
    assert.equal(stale.status, 401, 'the session that came along was ended');

    const { status, body } = await browser.session();
    assert.equal(status, 200);
    assert.deepEqual((body.user as Person).email, member.email);
    assert.equal((body.user as Person).role, 'member');
    const cookie = browser.cookieHeader(new URL(`${base}/api/escalations`));
    const list = await fetch(`${base}/api/escalations`, { headers: { cookie } });
    assert.equal(list.status, 200);
    assert.deepEqual(
      ((await list.json()) as { items: { id: string }[] }).items.map((e) => e.id),
      [id],
    );
    const change = (token: string) =>
      fetch(`${base}/api/escalations/${id}`, {
        method: 'PATCH',
        headers: { cookie, origin: base, 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ status: 'contacted' }),
      });
    assert.equal((await change('not-the-token')).status, 403, 'the CSRF token is required as with a password');
    assert.equal((await change(body.csrfToken as string)).status, 200);
  });

  it('gives an agent signed in by SSO only what an agent may: its own escalations, no changes', async () => {
    const { browser, path, error } = await signIn({ sub: 'idp-agent', email: agent.email });
    assert.deepEqual({ path, error }, { path: '/inbox', error: null });
    const cookie = browser.cookieHeader(new URL(`${base}/api/escalations`));
    const list = (await (await fetch(`${base}/api/escalations`, { headers: { cookie } })).json()) as { items: unknown[] };
    assert.deepEqual(list.items, []);
    assert.equal((await fetch(`${base}/api/users`, { headers: { cookie } })).status, 403);
  });

  it('refuses someone the provider knows but the store does not, saying so, and creates nobody', async () => {
    const { browser, path, error, hops } = await signIn({ sub: 'idp-stranger', email: 'stranger@example.com' });
    assert.deepEqual({ path, error }, { path: '/inbox', error: 'sso_unknown_user' });
    assert.ok(!hops.some((h) => h.setCookies.some((c) => c.startsWith('escalate_session=') && !c.includes('Max-Age=0'))));
    assert.equal((await browser.session()).status, 401);
    assert.equal(await store.access.userByEmail('stranger@example.com'), undefined);
  });

  it('refuses an answer whose state was tampered with, before any code is exchanged', async () => {
    const tamper = (url: URL) => {
      if (url.pathname.endsWith('/callback')) url.searchParams.set('state', `${url.searchParams.get('state')}x`);
      return url;
    };
    const { browser, path, error } = await signIn({ sub: 'idp-member', email: member.email }, base, tamper);
    assert.deepEqual({ path, error }, { path: '/inbox', error: 'sso_state' });
    assert.equal((await browser.session()).status, 401);
  });

  it('refuses an id_token signed by a key the provider does not publish', async () => {
    provider.misbehave({ foreignKey: true });
    const { browser, error } = await signIn({ sub: 'idp-member', email: member.email });
    assert.equal(error, 'sso_invalid');
    assert.equal((await browser.session()).status, 401);
  });

  it('refuses a nonce replayed from an earlier sign-in, and a callback replayed after it succeeded', async () => {
    const first = await signIn({ sub: 'idp-member', email: member.email });
    assert.equal(first.error, null);
    const usedNonce = provider.nonces.at(-1)!;
    provider.misbehave({ nonce: usedNonce });
    const second = await signIn({ sub: 'idp-member', email: member.email });
    assert.equal(second.error, 'sso_invalid');
    assert.equal((await second.browser.session()).status, 401);

    // The same callback URL again, with the flow cookie it came with (a stolen one): the code is spent.
    const replay = new SsoClient(base);
    const { hop } = await replay.get('/api/session/oidc');
    const callback = (await fetch(hop.location!, { redirect: 'manual' })).headers.get('location')!;
    const flow = replay.cookieHeader(new URL(callback));
    const used = await fetch(callback, { redirect: 'manual', headers: { cookie: flow } });
    assert.equal(used.headers.get('location'), '/inbox');
    const again = await fetch(callback, { redirect: 'manual', headers: { cookie: flow } });
    assert.equal(new URL(again.headers.get('location')!, base).searchParams.get('sign_in_error'), 'sso_denied');
    assert.ok(!again.headers.getSetCookie().some((c) => c.startsWith('escalate_session=')));
  });

  it('says so when the provider refuses, when the flow cookie is missing or expired, and when the callback is called bare', async () => {
    provider.misbehave({ deny: 'access_denied' });
    assert.equal((await signIn({ sub: 'idp-member', email: member.email })).error, 'sso_denied');

    const browser = new SsoClient(base);
    const { hop } = await browser.get('/api/session/oidc');
    const callback = (await fetch(hop.location!, { redirect: 'manual' })).headers.get('location')!;
    now += 11 * 60_000;
    const late = await browser.follow(callback);
    now = Date.now();
    assert.equal(landing(late).error, 'sso_expired');
    assert.equal(landing(await new SsoClient(base).follow(callback)).error, 'sso_expired', 'no flow cookie');
    assert.equal(landing(await new SsoClient(base).follow('/api/session/oidc/callback')).error, 'sso_expired');
  });

  it('refuses an unverified e-mail and one outside allowedDomains; provisions new people only when told to, with the claimed role', async () => {
    assert.equal((await signIn({ sub: 'u', email: member.email, email_verified: false })).error, 'sso_no_email');
    assert.equal((await signIn({ sub: 'u' })).error, 'sso_no_email');

    const fresh = createMemoryStore();
    const provisioning = await start({ provision: 'agent', allowedDomains: ['example.com'], roleClaim: 'groups' }, fresh);
    const outsider = await signIn({ sub: 'o', email: 'someone@example.org' }, provisioning);
    assert.equal(outsider.error, 'sso_domain');
    const sub = await signIn({ sub: 's', email: 'someone@sub.example.com' }, provisioning);
    assert.equal(sub.error, 'sso_domain', 'a subdomain is another domain');

    const newcomer = await signIn({ sub: 'n', email: 'new@example.com', name: 'Nia New' }, provisioning);
    assert.equal(newcomer.error, null);
    assert.deepEqual((({ email, name, role }) => ({ email, name, role }))((await newcomer.browser.session()).body.user as Person), {
      email: 'new@example.com',
      name: 'Nia New',
      role: 'agent',
    });
    const grouped = await signIn({ sub: 'g', email: 'lead@example.com', groups: ['staff', 'member', 'lead'] }, provisioning);
    assert.equal(((await grouped.browser.session()).body.user as Person).role, 'lead');
    assert.equal((await fresh.access.listUsers()).length, 2);
  });

  it('says the provider is unreachable, without a 500, when it is down at the start or between the redirect and the exchange', async () => {
    const other = await startOidcProvider(client);
    const at = await start({ issuer: other.issuer });
    // Up for the start (discovery is kept), down by the time the browser comes back.
    const browser = new SsoClient(at);
    const { hop } = await browser.get('/api/session/oidc');
    other.signInAs({ sub: 'm', email: member.email, email_verified: true });
    const callback = (await fetch(hop.location!, { redirect: 'manual' })).headers.get('location')!;
    await other.close();
    const hops = await browser.follow(callback);
    assert.deepEqual(landing(hops), { path: '/inbox', error: 'sso_unavailable' });
    assert.ok(hops.every((h) => h.status < 500));

    const never = await start({ issuer: other.issuer });
    const down = await new SsoClient(never).follow('/api/session/oidc');
    assert.deepEqual(landing(down), { path: '/inbox', error: 'sso_unavailable' });
    assert.ok(down.every((h) => h.status === 303));
  });

  it('logged each failure by its code, and no code, token, verifier or secret', () => {
    const text = JSON.stringify(logged);
    for (const code of ['sso_unknown_user', 'sso_state', 'sso_invalid', 'sso_denied', 'sso_expired', 'sso_unavailable', 'sso_domain']) {
      assert.ok(text.includes(`"code":"${code}"`), code);
    }
    assert.ok(!text.includes(client.clientSecret));
    assert.ok(!/eyJ|code=|code_verifier|escalate_(session|oidc)=/.test(text), text);
    for (const nonce of provider.nonces) assert.ok(!text.includes(nonce));
  });

  it('is on in the demo only when ESCALATE_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET are all set', () => {
    assert.equal(oidcFromEnv({}), undefined);
    assert.equal(oidcFromEnv({ ESCALATE_OIDC_ISSUER: '', ESCALATE_OIDC_CLIENT_ID: '' }), undefined);
    const env = { ESCALATE_OIDC_ISSUER: provider.issuer, ESCALATE_OIDC_CLIENT_ID: 'id', ESCALATE_OIDC_CLIENT_SECRET: 'secret' };
    assert.deepEqual(oidcFromEnv(env), { issuer: provider.issuer, clientId: 'id', clientSecret: 'secret' });
    assert.equal(oidcFromEnv({ ...env, ESCALATE_OIDC_LABEL: 'Okta' })?.label, 'Okta');
    assert.throws(() => oidcFromEnv({ ESCALATE_OIDC_ISSUER: provider.issuer }), /ESCALATE_OIDC_CLIENT_ID/);
  });

  it('refuses an issuer over plain http anywhere but a loopback address', () => {
    assert.throws(() => createEscalationHandler({ store, auth: { oidc: { issuer: 'http://login.example.com', ...client } } }), /https URL/);
  });
});
