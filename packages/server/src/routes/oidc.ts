/**
 * `GET /api/session/oidc` (leave for the provider) and `GET /api/session/oidc/callback` (come
 * back from it), when `auth.oidc` is set: docs/architecture.md#security. Both answer redirects,
 * never a 500 nor a JSON error: a browser navigated here, and whatever went wrong is said on the
 * inbox's sign-in form (`/inbox?sign_in_error=<code>`). A success ends like a password sign-in:
 * a new session id in the same cookie, with its CSRF token, and the inbox.
 */
import { sessionCookies, setSessionCookie } from '../auth/cookies.ts';
import { ownOrigin } from '../auth/csrf.ts';
import { SsoFailure, type Oidc, type SsoError } from '../auth/oidc.ts';
import { clearFlowCookie, readFlow, setFlowCookie } from '../auth/oidc-flow.ts';
import type { ResolvedAuth } from '../auth/options.ts';
import { isSessionId, sessionHash } from '../auth/secrets.ts';
import type { Sessions } from '../auth/sessions.ts';
import { API_HEADERS } from '../http/responses.ts';
import type { ServerLogger } from '../log.ts';
import type { Routes } from './route.ts';

export const OIDC_START = '/api/session/oidc';
export const OIDC_CALLBACK = '/api/session/oidc/callback';

export interface OidcRoutesOptions {
  oidc: Oidc;
  auth: ResolvedAuth;
  sessions: Sessions;
  trustProxy: boolean;
  clock: () => Date;
  log: ServerLogger;
}

/** 303 to `location` (an absolute URL or a path of this server), with the API's headers: never cached, no referrer. */
function redirect(location: string, cookies: string[]): Response {
  const headers = new Headers({ ...API_HEADERS, location });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}

export function oidcRoutes(options: OidcRoutesOptions): Routes {
  const { oidc, auth, sessions, trustProxy, clock, log } = options;
  const secure = (request: Request) => auth.secureCookie || ownOrigin(request, trustProxy).startsWith('https:');
  const redirectUri = (request: Request) => oidc.redirectUri ?? `${ownOrigin(request, trustProxy)}${OIDC_CALLBACK}`;

  /** Back to the sign-in form with the reason; the flow cookie goes, its values are spent. */
  function failed(request: Request, code: SsoError, cause?: unknown): Response {
    // The cause's message names the check that failed (state, nonce, signature); it carries no token.
    log.warn(
      { event: 'sso_failed', code, cause: cause instanceof Error ? `${cause.name}: ${cause.message}` : undefined },
      'sign-in with the provider failed',
    );
    return redirect(`/inbox?sign_in_error=${code}`, [clearFlowCookie(secure(request))]);
  }

  async function start(request: Request): Promise<Response> {
    try {
      const { url, flow } = await oidc.begin(redirectUri(request));
      return redirect(url.href, [setFlowCookie(flow, secure(request))]);
    } catch (e) {
      return failed(request, e instanceof SsoFailure ? e.code : 'sso_unavailable', e instanceof SsoFailure ? e.cause : e);
    }
  }

  async function callback(request: Request): Promise<Response> {
    const query = new URL(request.url).searchParams;
    const flow = readFlow(request.headers.get('cookie'), clock());
    if (!flow) return failed(request, 'sso_expired');
    // Checked here as well as by openid-client, so a forged or crossed answer is told apart from an invalid token.
    if (query.get('state') !== flow.state) return failed(request, 'sso_state');
    if (query.has('error')) return failed(request, 'sso_denied', new Error(`the provider answered ${query.get('error')?.slice(0, 100)}`));
    // The redirect URI as registered (not as this request's URL reads behind a proxy), with the answer's query.
    const answer = new URL(redirectUri(request));
    answer.search = query.toString();
    let user;
    try {
      user = await oidc.finish(answer, flow);
    } catch (e) {
      if (e instanceof SsoFailure) return failed(request, e.code, e.cause);
      throw e;
    }
    // As with a password: whatever session id came with the sign-in never outlives it (no fixation).
    for (const id of sessionCookies(request.headers.get('cookie'))) if (isSessionId(id)) await sessions.end(await sessionHash(id));
    const { id } = await sessions.start(user);
    log.info({ event: 'sso_signed_in', userId: user.id }, 'signed in with the provider');
    return redirect('/inbox', [setSessionCookie(id, secure(request)), clearFlowCookie(secure(request))]);
  }

  return (path) => {
    // Open: nobody is signed in yet. The CSRF token comes with the session, from GET /api/session.
    if (path === OIDC_START) return { api: true, open: ['GET'], methods: { GET: start } };
    if (path === OIDC_CALLBACK) return { api: true, open: ['GET'], methods: { GET: callback } };
    return undefined;
  };
}
