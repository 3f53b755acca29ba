/**
 * What one OpenID Connect sign-in must remember between leaving for the provider and coming
 * back: the state, the nonce and the PKCE verifier, in a cookie of their own. It is HttpOnly (no
 * script reads the verifier), SameSite=Lax (the provider's redirect back is a top-level
 * navigation from another site, which Strict would strip it from), scoped to the OIDC paths, and
 * lives ten minutes. Kept in the browser rather than the server, so any of several servers
 * sharing a database can finish a sign-in another one started.
 */
import * as z from 'zod/mini';
import { fromBase64url, toBase64url } from './secrets.ts';

export const FLOW_COOKIE = 'escalate_oidc';
const FLOW_PATH = '/api/session/oidc';
/** Long enough to type a password and answer a second factor at the provider. */
export const FLOW_MAX_AGE_S = 600;

const flowSchema = z.object({
  state: z.string().check(z.maxLength(100)),
  nonce: z.string().check(z.maxLength(100)),
  verifier: z.string().check(z.maxLength(200)),
  /** When the sign-in started, ms since the epoch: the cookie's Max-Age is the browser's word only. */
  at: z.number(),
});
export type Flow = z.output<typeof flowSchema>;

const attributes = (secure: boolean) => `HttpOnly; SameSite=Lax; Path=${FLOW_PATH}${secure ? '; Secure' : ''}`;

export function setFlowCookie(flow: Flow, secure: boolean): string {
  const value = toBase64url(new TextEncoder().encode(JSON.stringify(flow)));
  return `${FLOW_COOKIE}=${value}; ${attributes(secure)}; Max-Age=${FLOW_MAX_AGE_S}`;
}

/** A sign-in is finished (or failed) once: its values are never good for a second try. */
export const clearFlowCookie = (secure: boolean): string =>
  `${FLOW_COOKIE}=; ${attributes(secure)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;

/**
 * The flow of the one flow cookie in a `Cookie` header, or `undefined`: none, malformed, older
 * than ten minutes, or more than one (a planted second cookie: trust neither).
 */
export function readFlow(header: string | null, now: Date): Flow | undefined {
  const values = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${FLOW_COOKIE}=`))
    .map((part) => part.slice(FLOW_COOKIE.length + 1));
  if (values.length !== 1) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fromBase64url(values[0]!)));
  } catch {
    return undefined;
  }
  const flow = flowSchema.safeParse(parsed);
  if (!flow.success) return undefined;
  const age = now.getTime() - flow.data.at;
  return age >= 0 && age < FLOW_MAX_AGE_S * 1000 ? flow.data : undefined;
}
