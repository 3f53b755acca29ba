/**
 * Signed-in sessions: a new random id at every sign-in (a session id known before sign-in is
 * never valid after it: no fixation), stored only as a hash, ended by sign-out, by idle time and
 * by absolute age, whatever the cookie says.
 */
import type { ResolvedAuth } from './options.ts';
import { csrfTokenFor, isSessionId, newSessionId, sessionHash } from './secrets.ts';
import type { AccessStore, StoredUser } from './types.ts';

/** Writing `lastSeenAt` on every request would make each read a write; a minute is precise enough for an 8-hour idle limit. */
const TOUCH_EVERY_MS = 60_000;

export interface LiveSession {
  idHash: string;
  csrfToken: string;
  user: StoredUser;
}

export function createSessions(store: AccessStore, auth: ResolvedAuth, clock: () => Date) {
  return {
    /** A new session for a user who just proved their password; the id goes in the cookie, once. */
    async start(user: StoredUser): Promise<{ id: string; csrfToken: string }> {
      const id = newSessionId();
      const now = clock();
      const at = now.toISOString();
      await store.createSession({ idHash: await sessionHash(id), userId: user.id, createdAt: at, lastSeenAt: at });
      // Sign-ins are rare: a good moment to forget sessions and throttle rows that ended.
      await store.sweep({
        idleBefore: new Date(now.getTime() - auth.idleMs).toISOString(),
        createdBefore: new Date(now.getTime() - auth.absoluteMs).toISOString(),
        throttleBefore: new Date(now.getTime() - Math.max(auth.lockout.windowMs, auth.lockout.lockMs)).toISOString(),
      });
      return { id, csrfToken: await csrfTokenFor(id) };
    },

    /** The live session of a cookie value, or `undefined` (unknown, malformed, expired: an expired one is deleted). */
    async resolve(id: string): Promise<LiveSession | undefined> {
      if (!isSessionId(id)) return undefined;
      const idHash = await sessionHash(id);
      const found = await store.sessionByHash(idHash);
      if (!found) return undefined;
      const now = clock().getTime();
      const { session } = found;
      if (now - Date.parse(session.lastSeenAt) >= auth.idleMs || now - Date.parse(session.createdAt) >= auth.absoluteMs) {
        await store.deleteSession(idHash);
        return undefined;
      }
      if (now - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) await store.touchSession(idHash, new Date(now).toISOString());
      return { idHash, csrfToken: await csrfTokenFor(id), user: found.user };
    },

    end: (idHash: string) => store.deleteSession(idHash),
  };
}
export type Sessions = ReturnType<typeof createSessions>;
