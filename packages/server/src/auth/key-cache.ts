/**
 * API keys as the authenticator reads them, kept for a moment: a host sends every escalation with
 * its key, and without this each POST would read the key's row first (on PGlite a statement in
 * the one-at-a-time database, the cost of a whole batch of inserts). Only keys found are kept,
 * so a key created elsewhere works at once; a key revoked through this access store stops at
 * once, one revoked elsewhere (another server, or the CLI on a shared PostgreSQL) within `ttlMs`.
 */
import type { AccessStore, StoredApiKey } from './types.ts';

/** How long a key read is trusted, in ms. */
export const KEY_CACHE_MS = 2_000;

/**
 * The same access store, with `keyById` read through a short cache that `revokeKey` clears. The
 * cache keeps real time (`performance.now()`), not the handler's clock, which tests may pin.
 */
export function withKeyCache(store: AccessStore, ttlMs = KEY_CACHE_MS): AccessStore {
  const keys = new Map<string, { key: StoredApiKey; until: number }>();
  async function keyById(id: string): Promise<StoredApiKey | undefined> {
    const t = performance.now();
    const cached = keys.get(id);
    if (cached && cached.until > t) return structuredClone(cached.key);
    keys.delete(id);
    const key = await store.keyById(id);
    if (key) {
      // Bounded: entries past their time are swept when the map grows (one per key in use).
      if (keys.size >= 1000) for (const [k, v] of keys) if (v.until <= t) keys.delete(k);
      if (keys.size < 10_000) keys.set(id, { key: structuredClone(key), until: t + ttlMs });
    }
    return key;
  }
  async function revokeKey(id: string, at: string): Promise<boolean> {
    keys.delete(id);
    try {
      return await store.revokeKey(id, at);
    } finally {
      // A read that began before the revocation may have put it back meanwhile.
      keys.delete(id);
    }
  }
  // Everything else is the store's own (a Proxy, so that a store written as a class keeps its methods and `this`).
  return new Proxy(store, {
    get(target, name) {
      if (name === 'keyById') return keyById;
      if (name === 'revokeKey') return revokeKey;
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
