/**
 * Passwords, hashed with PBKDF2-HMAC-SHA256 from Web Crypto (the handler runs in any Fetch
 * runtime, so no `node:crypto`): a random 16-byte salt per user and at least 600,000 iterations
 * (OWASP's figure for PBKDF2-SHA256). The stored form names its parameters,
 * `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url), so the count can rise later without
 * breaking older hashes.
 */
import { sameBytes } from '../http/sha256.ts';
import { fromBase64url, randomBytes, toBase64url } from './secrets.ts';

/** The fewest iterations this server hashes with or accepts. */
export const PBKDF2_ITERATIONS = 600_000;
const SCHEME = 'pbkdf2-sha256';
const HASH_BITS = 256;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** The stored form of a new password. */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, Math.max(iterations, PBKDF2_ITERATIONS));
  return [SCHEME, Math.max(iterations, PBKDF2_ITERATIONS), toBase64url(salt), toBase64url(hash)].join('$');
}

/**
 * Whether `password` matches `stored`, compared in constant time. A malformed or weaker stored
 * hash never matches (and still costs a full derivation, so it cannot be told apart by timing).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, count, salt, hash] = stored.split('$');
  const iterations = Number(count);
  const wellFormed = scheme === SCHEME && Number.isSafeInteger(iterations) && iterations >= PBKDF2_ITERATIONS && !!salt && !!hash;
  const expected = wellFormed ? fromBase64url(hash!) : new Uint8Array(HASH_BITS / 8);
  const actual = await derive(password, wellFormed ? fromBase64url(salt!) : randomBytes(16), wellFormed ? iterations : PBKDF2_ITERATIONS);
  return sameBytes(actual, expected) && wellFormed;
}

/**
 * A stand-in hash for sign-ins with an unknown e-mail: verifying against it costs what a real
 * check costs, so the time of the answer does not say whether the account exists.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(toBase64url(randomBytes(24))));

/** A password for a new account: 18 random bytes, 24 characters of base64url (144 bits). */
export const generatePassword = (): string => toBase64url(randomBytes(18));
