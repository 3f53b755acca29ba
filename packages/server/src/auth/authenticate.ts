/**
 * Who a request is: an API key or the service key in `Authorization: Bearer`, else the session
 * cookie. A request that sends `Authorization` is judged by it alone, never by a cookie that
 * came along.
 */
import { sameBytes, sha256 } from '../http/sha256.ts';
import { sessionCookies } from './cookies.ts';
import type { ResolvedAuth } from './options.ts';
import { servicePrincipal, type Principal } from './principal.ts';
import { keySecretHash, parseApiKey } from './secrets.ts';
import type { Sessions } from './sessions.ts';
import type { AccessStore } from './types.ts';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Compares digests, so neither the length nor a matching prefix of a secret leaks through timing. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  return sameBytes(a, b);
}

const hexBytes = (hex: string) => new TextEncoder().encode(hex);

export function createAuthenticator(store: AccessStore, auth: ResolvedAuth, sessions: Sessions) {
  async function bearer(header: string): Promise<Principal | undefined> {
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) return undefined;
    const parsed = parseApiKey(token);
    if (parsed) {
      const key = await store.keyById(parsed.id);
      // Hashed either way, so an unknown id takes as long as a wrong secret.
      const hash = await keySecretHash(parsed.secret);
      if (!key || key.revokedAt !== undefined || !sameBytes(hexBytes(hash), hexBytes(key.secretHash))) return undefined;
      return { role: 'agent', actor: { type: 'key', id: key.id, name: key.name }, via: 'key' };
    }
    if (auth.token !== undefined && (await sameSecret(token, auth.token))) return servicePrincipal;
    return undefined;
  }

  /** The principal, or `undefined` when the request proves nothing (the API then answers 401). */
  return async (request: Request): Promise<Principal | undefined> => {
    const authorization = request.headers.get('authorization');
    if (authorization !== null) return bearer(authorization);
    const cookies = sessionCookies(request.headers.get('cookie'));
    // Two cookies of one name: one was planted for a narrower path or a parent domain. Trust neither.
    if (cookies.length !== 1) return undefined;
    const live = await sessions.resolve(cookies[0]!);
    if (!live) return undefined;
    const { user } = live;
    return {
      role: user.role,
      actor: { type: 'user', id: user.id, email: user.email },
      via: 'session',
      session: { idHash: live.idHash, csrfToken: live.csrfToken, user: publicUser(user) },
    };
  };
}
export type Authenticator = ReturnType<typeof createAuthenticator>;

/** A user without the password hash. */
export const publicUser = ({
  id,
  email,
  name,
  role,
  createdAt,
}: {
  id: string;
  email: string;
  name: string;
  role: Principal['role'];
  createdAt: string;
}) => ({
  id,
  email,
  name,
  role,
  createdAt,
});
