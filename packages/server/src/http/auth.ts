/** The bearer token that guards every `/api/*` route when one is configured. */
import { error } from './responses.ts';
import { sameBytes, sha256 } from './sha256.ts';

/**
 * Compares digests, so neither the length nor a matching prefix of the token leaks through
 * timing: both digests are 32 bytes whatever was sent.
 */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  return sameBytes(a, b);
}

/** Whether a request may use the API: always without a token, else with `Authorization: Bearer <token>`. */
export function createBearerAuth(token: string | undefined): (request: Request) => Promise<boolean> {
  return async (request) => {
    if (token === undefined) return true;
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
    return match !== null && (await sameSecret(match[1]!, token));
  };
}

export const unauthorized = () =>
  error(401, { error: 'unauthorized', message: 'Send Authorization: Bearer <token>' }, { 'www-authenticate': 'Bearer' });
