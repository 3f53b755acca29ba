/**
 * SHA-256 through Web Crypto, which every Fetch runtime has (Node, Deno, Bun, workers), so the
 * handler needs nothing of `node:crypto` (docs/architecture.md#server).
 */

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export async function sha256Hex(text: string): Promise<string> {
  return Array.from(await sha256(text), (byte) => byte.toString(16).padStart(2, '0')).join('');
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
