/**
 * `/api/session`: sign in (POST), who is signed in and the CSRF token (GET), sign out (DELETE).
 * The contract the inbox builds on: docs/architecture.md#security.
 */
import { publicUser } from '../auth/authenticate.ts';
import { clearSessionCookie, sessionCookies, setSessionCookie } from '../auth/cookies.ts';
import { checkCsrf, csrfRefused, fromAllowedOrigin, ownOrigin } from '../auth/csrf.ts';
import type { Lockout } from '../auth/lockout.ts';
import { signInSchema } from '../auth/accounts.ts';
import type { ResolvedAuth } from '../auth/options.ts';
import { decoyHash, verifyPassword } from '../auth/password.ts';
import type { Principal } from '../auth/principal.ts';
import { isSessionId, sessionHash } from '../auth/secrets.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AccessStore } from '../auth/types.ts';
import { parseJson } from '../http/body.ts';
import { clientKey } from '../http/rate-limit.ts';
import { error, json, noContent } from '../http/responses.ts';
import type { Routes } from './route.ts';

export interface SessionRoutesOptions {
  store: AccessStore;
  /** `undefined` when auth is off: GET then answers who everyone is (the open principal). */
  auth: ResolvedAuth | undefined;
  sessions: Sessions;
  lockout: Lockout;
  trustProxy: boolean;
  bodyLimit: number;
  /** Sign-in through a provider (`auth.oidc`): told to whoever is not signed in, so the inbox offers it. */
  sso?: { label: string; href: string } | undefined;
}

// HTTP wants a challenge with every 401; `Bearer` is what the rest of the API asks for (a browser
// shows no prompt for it, unlike `Basic`).
const challenge = { 'www-authenticate': 'Bearer' };
const invalidCredentials = () => error(401, { error: 'invalid_credentials', message: 'The e-mail or the password is wrong' }, challenge);

export function sessionRoutes(options: SessionRoutesOptions): Routes {
  const { store, auth, sessions, lockout, trustProxy, bodyLimit, sso } = options;
  const secure = (request: Request) => (auth?.secureCookie ?? false) || ownOrigin(request, trustProxy).startsWith('https:');

  /** Ends every session the request names: whatever id came with a sign-in never outlives it. */
  async function endSessionsOf(request: Request) {
    for (const id of sessionCookies(request.headers.get('cookie'))) if (isSessionId(id)) await sessions.end(await sessionHash(id));
  }

  async function signIn(request: Request): Promise<Response> {
    // Login CSRF: another site's page must not sign the browser in to an account of its choosing.
    if (!fromAllowedOrigin(request, auth?.origins ?? [], trustProxy)) return csrfRefused('Sign in from the pages of this server');
    const body = await parseJson(request, bodyLimit, signInSchema);
    if (body instanceof Response) return body;
    const keys = await lockout.keys(body.email, clientKey(request, trustProxy));
    const wait = await lockout.lockedFor(keys);
    if (wait > 0) {
      return error(429, { error: 'locked', message: `Too many failed sign-ins: try again in ${wait} s` }, { 'retry-after': String(wait) });
    }
    const user = await store.userByEmail(body.email);
    // An unknown e-mail costs a full password check too, and counts as a failure the same way:
    // neither the time, the answer nor a later lock tells whether the account exists.
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches) {
      await lockout.failed(keys);
      return invalidCredentials();
    }
    await lockout.succeeded(keys);
    await endSessionsOf(request);
    const { id, csrfToken } = await sessions.start(user);
    return json(200, { user: publicUser(user), csrfToken }, { 'set-cookie': setSessionCookie(id, secure(request)) });
  }

  function current(_request: Request, principal: Principal | undefined): Response {
    if (principal?.via === 'open') {
      return json(200, {
        user: { id: 'anonymous', email: '', name: principal.actor.type === 'anonymous' ? principal.actor.name : '', role: principal.role },
        csrfToken: '',
      });
    }
    if (!principal?.session) return json(401, { error: 'unauthorized', message: 'Nobody is signed in', ...(sso && { sso }) }, challenge);
    return json(200, { user: principal.session.user, csrfToken: principal.session.csrfToken });
  }

  async function signOut(request: Request, principal: Principal | undefined): Promise<Response> {
    if (principal?.via === 'session') {
      // A live session is ended only by its own pages: signing someone out is a change like any other.
      const refused = checkCsrf(request, principal, auth?.origins ?? [], trustProxy);
      if (refused) return refused;
    }
    await endSessionsOf(request);
    return noContent({ 'set-cookie': clearSessionCookie(secure(request)) });
  }

  return (path) => {
    if (path !== '/api/session') return undefined;
    return {
      api: true,
      // Each method looks at the session itself: signing in needs none, GET answers 401 itself,
      // and signing out clears the cookie whether or not the session is still alive.
      open: ['POST', 'GET', 'DELETE'],
      methods: {
        GET: (request, { principal }) => current(request, principal),
        POST: signIn,
        DELETE: (request, { principal }) => signOut(request, principal),
      },
    };
  };
}
