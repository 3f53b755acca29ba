/**
 * Signing in and out of the inbox (`/api/session`). The session is an HttpOnly, SameSite=Strict
 * cookie the page never reads; what the page keeps is who is signed in and the CSRF token it
 * must send with every change.
 */
import * as z from 'zod/mini';
import { roleSchema } from '../auth/types.ts';

// Who is signed in, as much as the inbox shows. Not the server's userSchema: with auth off the
// server answers an open principal, which has no account and so no `createdAt`.
const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema });
export type SessionUser = z.output<typeof userSchema>;

const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type Session = z.output<typeof sessionSchema>;

export type SignInResult =
  | { ok: true; session: Session }
  | { ok: false; reason: 'invalid' }
  /** Too many failed attempts: the server says how long to wait, in seconds. */
  | { ok: false; reason: 'locked'; retryAfter: number | undefined }
  | { ok: false; reason: 'error'; message: string };

// With nobody signed in, the server says whether a provider (`auth.oidc`) signs people in too.
const signedOutSchema = z.object({ sso: z.optional(z.object({ label: z.string(), href: z.string() })) });
export type Sso = NonNullable<z.output<typeof signedOutSchema>['sso']>;

/** Who is signed in, or, when nobody is (401), the other way to sign in if there is one. */
export async function sessionState(): Promise<{ session?: Session; sso?: Sso | undefined }> {
  const response = await fetch('/api/session', { credentials: 'same-origin' });
  if (response.status === 401) {
    const parsed = signedOutSchema.safeParse(await response.json().catch(() => undefined));
    return { sso: parsed.success ? parsed.data.sso : undefined };
  }
  if (!response.ok) throw new Error(`The server answered ${response.status} for the session`);
  const parsed = sessionSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error('The server answered the session with something this inbox does not understand');
  return { session: parsed.data };
}

/** Who is signed in, or `undefined` when nobody is (401). */
export const currentSession = async (): Promise<Session | undefined> => (await sessionState()).session;

/** Seconds from a `Retry-After` header (seconds, or an HTTP date). */
function seconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const n = Number(header);
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export async function signIn(email: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return { ok: false, reason: 'error', message: 'Could not reach the server. Check your connection and try again.' };
  }
  if (response.status === 401) return { ok: false, reason: 'invalid' };
  if (response.status === 429) return { ok: false, reason: 'locked', retryAfter: seconds(response.headers.get('retry-after')) };
  if (!response.ok) return { ok: false, reason: 'error', message: `Signing in failed (${response.status}). Try again.` };
  // The answer to the POST may carry the session; the GET always does.
  const parsed = sessionSchema.safeParse(await response.json().catch(() => undefined));
  const session = parsed.success ? parsed.data : await currentSession();
  return session ? { ok: true, session } : { ok: false, reason: 'error', message: 'Signed in, but the server did not keep the session.' };
}

/** Ends the session on the server; the cookie goes with it. */
export async function signOut(csrfToken: string): Promise<void> {
  await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken } });
}
