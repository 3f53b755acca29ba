/**
 * The session cookie: `escalate_session`, HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Path=/, and Secure over https. No Max-Age: it ends with the browser, and
 * the server ends it sooner (idle and absolute expiry, `auth/session.ts`).
 */
export const SESSION_COOKIE = 'escalate_session';

/**
 * Every value of the session cookie in a `Cookie` header. More than one means another cookie of
 * the same name was planted for a narrower path or a parent domain ("cookie tossing"); the caller
 * then trusts none of them.
 */
export function sessionCookies(header: string | null): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

const attributes = (secure: boolean) => `HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;

export const setSessionCookie = (sessionId: string, secure: boolean): string => `${SESSION_COOKIE}=${sessionId}; ${attributes(secure)}`;

/** Tells the browser to drop the cookie (an empty value that expired in 1970). */
export const clearSessionCookie = (secure: boolean): string =>
  `${SESSION_COOKIE}=; ${attributes(secure)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
