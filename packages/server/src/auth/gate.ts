/**
 * The one place every `/api` request passes: who it is (or 401), whether a change made with the
 * session cookie is the session's own (or 403 `csrf`), and whether the role is enough for the
 * route (or 403 `forbidden`). Routes get the principal and decide only what is theirs (an
 * agent's own escalations).
 */
import { error, forbidden } from '../http/responses.ts';
import type { Route } from '../routes/route.ts';
import type { Authenticator } from './authenticate.ts';
import { checkCsrf } from './csrf.ts';
import type { ResolvedAuth } from './options.ts';
import { openPrincipal, type Principal } from './principal.ts';
import { hasRole } from './types.ts';

export const unauthorized = () =>
  error(
    401,
    { error: 'unauthorized', message: 'Sign in (POST /api/session), or send Authorization: Bearer <API key>' },
    { 'www-authenticate': 'Bearer' },
  );

export interface GateOptions {
  /** `undefined` when auth is off. */
  auth: ResolvedAuth | undefined;
  authenticate: Authenticator;
  trustProxy: boolean;
}

/** The principal a route runs with, or the answer that refuses the request. */
export function createGate({ auth, authenticate, trustProxy }: GateOptions) {
  return async (request: Request, route: Route, method: string): Promise<Principal | undefined | Response> => {
    if (!route.api) return undefined;
    if (!auth) return openPrincipal;
    const principal = await authenticate(request);
    if (route.open?.includes(method)) return principal;
    if (!principal) return unauthorized();
    const csrf = checkCsrf(request, principal, auth.origins, trustProxy);
    if (csrf) return csrf;
    const needed = route.roles?.[method];
    if (needed && !hasRole(principal.role, needed)) return forbidden(`This needs the role ${needed}; you are ${principal.role}`);
    return principal;
  };
}
