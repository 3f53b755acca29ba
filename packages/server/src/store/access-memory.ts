/** Users, keys, sessions and sign-in throttles in `Map`s, for the memory store (tests, throw-away demos). */
import type { AccessStore, StoredApiKey, StoredSession, StoredUser, ThrottleState } from '../auth/types.ts';

const publicUser = ({ passwordHash: _hash, ...user }: StoredUser) => user;
const publicKey = ({ secretHash: _hash, ...key }: StoredApiKey) => key;

export function createMemoryAccessStore(): AccessStore {
  const users = new Map<string, StoredUser>();
  const keys = new Map<string, StoredApiKey>();
  const sessions = new Map<string, StoredSession>();
  const throttles = new Map<string, ThrottleState>();
  const copy = <T>(value: T): T => structuredClone(value);
  const endSessionsOf = (userId: string) => {
    for (const [hash, s] of sessions) if (s.userId === userId) sessions.delete(hash);
  };

  return {
    async createUser(user) {
      for (const u of users.values()) if (u.email === user.email) return false;
      users.set(user.id, copy(user));
      return true;
    },
    async userByEmail(email) {
      for (const u of users.values()) if (u.email === email) return copy(u);
      return undefined;
    },
    async userById(id) {
      const u = users.get(id);
      return u && copy(u);
    },
    async listUsers() {
      return [...users.values()].sort((a, b) => (a.email < b.email ? -1 : 1)).map(publicUser);
    },
    async removeUser(id) {
      endSessionsOf(id);
      return users.delete(id);
    },
    async setPassword(id, passwordHash) {
      const u = users.get(id);
      if (!u) return false;
      u.passwordHash = passwordHash;
      endSessionsOf(id);
      return true;
    },

    async createKey(key) {
      keys.set(key.id, copy(key));
    },
    async keyById(id) {
      const k = keys.get(id);
      return k && copy(k);
    },
    async listKeys() {
      return [...keys.values()]
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
        .map(publicKey);
    },
    async revokeKey(id, at) {
      const k = keys.get(id);
      if (!k) return false;
      k.revokedAt ??= at;
      return true;
    },

    async createSession(session) {
      sessions.set(session.idHash, copy(session));
    },
    async sessionByHash(idHash) {
      const session = sessions.get(idHash);
      const user = session && users.get(session.userId);
      return session && user ? { session: copy(session), user: copy(user) } : undefined;
    },
    async touchSession(idHash, at) {
      const s = sessions.get(idHash);
      if (s) s.lastSeenAt = at;
    },
    async deleteSession(idHash) {
      sessions.delete(idHash);
    },
    async sweep({ idleBefore, createdBefore, throttleBefore }) {
      for (const [hash, s] of sessions) if (s.lastSeenAt < idleBefore || s.createdAt < createdBefore) sessions.delete(hash);
      const cutoff = Date.parse(throttleBefore);
      for (const [key, t] of throttles) {
        const lockEnded = t.lockedUntil === undefined || Date.parse(t.lockedUntil) < cutoff;
        if (Date.parse(t.windowStartedAt) < cutoff && lockEnded) throttles.delete(key);
      }
    },

    async updateThrottle(key, update) {
      // Read and write in one synchronous step: concurrent failures all count.
      const next = update(throttles.has(key) ? copy(throttles.get(key)) : undefined);
      if (next) throttles.set(key, copy(next));
      else throttles.delete(key);
      return next && copy(next);
    },
    async throttle(key) {
      const t = throttles.get(key);
      return t && copy(t);
    },
  };
}
