/**
 * The random values of sign-in and keys, all from Web Crypto: session ids, API keys, the CSRF
 * token derived from a session, and the base64url they travel in.
 */
import { hex, sha256, sha256Hex } from '../http/sha256.ts';

export const randomBytes = (n: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(n));

export function toBase64url(bytes: Uint8Array): string {
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Bytes of base64url; anything that is not base64url gives an empty array (it then matches nothing). */
export function fromBase64url(value: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return new Uint8Array(0);
  try {
    return Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array(0);
  }
}

/** A new session id: 32 random bytes. Only its SHA-256 is stored ({@link sessionHash}). */
export const newSessionId = (): string => toBase64url(randomBytes(32));

/** A session id is 43 characters of base64url; anything else is not worth a database read. */
export const isSessionId = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);

export const sessionHash = (sessionId: string): Promise<string> => sha256Hex(`session\0${sessionId}`);

/**
 * The CSRF token of a session: derived from its id, so there is nothing more to store, and
 * only someone holding the (HttpOnly) cookie can know it. It reveals nothing of the id, nor is
 * it the hash that is stored.
 */
export async function csrfTokenFor(sessionId: string): Promise<string> {
  return toBase64url(await sha256(`csrf\0${sessionId}`));
}

/** API keys read `ek_<id>_<secret>`: a 16-hex-digit id to look the key up, and 32 random bytes. */
const API_KEY = /^ek_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
export const isKeyId = (value: string): boolean => /^[0-9a-f]{16}$/.test(value);

export function newApiKey(): { id: string; secret: string; key: string } {
  const id = hex(randomBytes(8));
  const secret = toBase64url(randomBytes(32));
  return { id, secret, key: `ek_${id}_${secret}` };
}

/** The id and secret of a key in the API key format, else `undefined`. */
export function parseApiKey(value: string): { id: string; secret: string } | undefined {
  const match = API_KEY.exec(value);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

export const keySecretHash = (secret: string): Promise<string> => sha256Hex(`api-key\0${secret}`);
