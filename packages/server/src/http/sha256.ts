/**
 * SHA-256 for the handler, which must run in any Fetch runtime (Node, Deno, Bun, workers;
 * docs/architecture.md#server): Web Crypto everywhere, except where the runtime also offers
 * Node's `crypto` module without an import (`process.getBuiltinModule`, Node 20.16+, Deno, Bun).
 * There the hash is computed synchronously: Web Crypto's `digest` is a round trip through the
 * thread pool, and two of them per POST (the API key, the body) were a tenth of the server's time.
 */

interface NodeHash {
  update(data: string, encoding: 'utf8'): NodeHash;
  digest(): Uint8Array;
  digest(encoding: 'hex'): string;
}
type CreateHash = (algorithm: 'sha256') => NodeHash;

/** Node's `createHash`, when the runtime has it without an import; else `undefined`. */
const createHash: CreateHash | undefined = (() => {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => { createHash?: CreateHash } | undefined } }).process;
  try {
    return runtime?.getBuiltinModule?.('node:crypto')?.createHash;
  } catch {
    return undefined;
  }
})();

/** Bytes as lowercase hex, two digits each. */
export const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

export async function sha256(text: string): Promise<Uint8Array> {
  if (createHash) return new Uint8Array(createHash('sha256').update(text, 'utf8').digest());
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export async function sha256Hex(text: string): Promise<string> {
  if (createHash) return createHash('sha256').update(text, 'utf8').digest('hex');
  return hex(await sha256(text));
}

/**
 * Compares two byte strings in time that depends only on their length, never on where they
 * first differ (what `timingSafeEqual` does in Node, which Web Crypto lacks).
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
