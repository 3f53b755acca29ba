/**
 * Cross-site request forgery: a change made with the session cookie must carry the session's
 * token in `X-CSRF-Token` (another site's page cannot read it) and, when the browser says where
 * the request comes from (`Origin`, `Sec-Fetch-Site`), come from this server's origin or one
 * allowed in `auth.origins`. SameSite=Strict already keeps the cookie off other sites' requests;
 * this holds when it does not (an old browser, a sibling subdomain). Keys in `Authorization` are
 * not subject to it: a browser never adds that header by itself.
 */
import { sameBytes } from '../http/sha256.ts';
import { error } from '../http/responses.ts';
import type { Principal } from './principal.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** This server's origin as the browser sees it: behind a trusted proxy, from `X-Forwarded-Proto`/`-Host`. */
export function ownOrigin(request: Request, trustProxy: boolean): string {
  const url = new URL(request.url);
  if (!trustProxy) return url.origin;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  try {
    return new URL(`${proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)}://${host || url.host}`).origin;
  } catch {
    return url.origin;
  }
}

/** Whether the browser's own account of where the request comes from allows it. */
export function fromAllowedOrigin(request: Request, origins: readonly string[], trustProxy: boolean): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return request.headers.get('sec-fetch-site') !== 'cross-site';
  // "null": a sandboxed frame, a data: URL, a privacy redirect. Nothing to trust.
  return origin === ownOrigin(request, trustProxy) || origins.includes(origin);
}

export const csrfRefused = (message: string) => error(403, { error: 'csrf', message });

const bytes = (s: string) => new TextEncoder().encode(s);

/** The 403 for a cookie-authenticated change that fails the checks, else `undefined`. */
export function checkCsrf(request: Request, principal: Principal, origins: readonly string[], trustProxy: boolean): Response | undefined {
  if (SAFE_METHODS.has(request.method) || principal.via !== 'session' || !principal.session) return undefined;
  const token = request.headers.get('x-csrf-token') ?? '';
  // Both are hashes of fixed length when genuine; comparing bytes keeps the time independent of where they differ.
  if (!sameBytes(bytes(token), bytes(principal.session.csrfToken))) {
    return csrfRefused('Send the X-CSRF-Token of your session (GET /api/session) with every change');
  }
  if (!fromAllowedOrigin(request, origins, trustProxy)) return csrfRefused('Changes may only come from the pages of this server');
  return undefined;
}
