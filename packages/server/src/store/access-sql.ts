/** Users, keys, sessions and sign-in throttles in SQL (migrations/004_access.sql), for PGlite and PostgreSQL alike. */
import type { AccessStore, ApiKey, StoredApiKey, StoredSession, StoredUser, ThrottleState, User } from '../auth/types.ts';
import { isoString } from './common.ts';
import type { SqlDatabase } from './sql-database.ts';

type Time = Date | string;
interface UserRow {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  password_hash: string;
  created_at: Time;
}
interface KeyRow {
  id: string;
  name: string;
  secret_hash: string;
  created_at: Time;
  revoked_at: Time | null;
}
interface ThrottleRow {
  failures: number;
  window_started_at: Time;
  locked_until: Time | null;
}

const toUser = (r: UserRow): StoredUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: isoString(r.created_at),
  passwordHash: r.password_hash,
});
const toKey = (r: KeyRow): StoredApiKey => ({
  id: r.id,
  name: r.name,
  role: 'agent',
  createdAt: isoString(r.created_at),
  ...(r.revoked_at !== null && { revokedAt: isoString(r.revoked_at) }),
  secretHash: r.secret_hash,
});
const toThrottle = (r: ThrottleRow): ThrottleState => ({
  failures: Number(r.failures),
  windowStartedAt: isoString(r.window_started_at),
  ...(r.locked_until !== null && { lockedUntil: isoString(r.locked_until) }),
});
const withoutHash = <T extends { passwordHash?: string; secretHash?: string }>(v: T) => {
  const { passwordHash: _p, secretHash: _s, ...rest } = v;
  return rest;
};

export function createSqlAccessStore(db: SqlDatabase): AccessStore {
  return {
    async createUser(u) {
      const { rows } = await db.query(
        `INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [u.id, u.email, u.name, u.role, u.passwordHash, u.createdAt],
      );
      return rows.length === 1;
    },
    async userByEmail(email) {
      const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE email = $1', [email]);
      return rows[0] && toUser(rows[0]);
    },
    async userById(id) {
      const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
      return rows[0] && toUser(rows[0]);
    },
    async listUsers() {
      const { rows } = await db.query<UserRow>('SELECT * FROM users ORDER BY email COLLATE "C"');
      return rows.map((r) => withoutHash(toUser(r)) as User);
    },
    async removeUser(id) {
      // Sessions go with the user (ON DELETE CASCADE).
      const { rows } = await db.query('DELETE FROM users WHERE id = $1 RETURNING id', [id]);
      return rows.length === 1;
    },
    async setPassword(id, passwordHash) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING id', [id, passwordHash]);
        await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
        return rows.length === 1;
      });
    },

    async createKey(k) {
      await db.query('INSERT INTO api_keys (id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4::timestamptz)', [
        k.id,
        k.name,
        k.secretHash,
        k.createdAt,
      ]);
    },
    async keyById(id) {
      const { rows } = await db.query<KeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]);
      return rows[0] && toKey(rows[0]);
    },
    async listKeys() {
      const { rows } = await db.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id');
      return rows.map((r) => withoutHash(toKey(r)) as ApiKey);
    },
    async revokeKey(id, at) {
      const { rows } = await db.query('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2::timestamptz) WHERE id = $1 RETURNING id', [
        id,
        at,
      ]);
      return rows.length === 1;
    },

    async createSession(s: StoredSession) {
      await db.query(
        'INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3::timestamptz, $4::timestamptz)',
        [s.idHash, s.userId, s.createdAt, s.lastSeenAt],
      );
    },
    async sessionByHash(idHash) {
      const { rows } = await db.query<UserRow & { s_created_at: Time; s_last_seen_at: Time }>(
        `SELECT u.*, s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1`,
        [idHash],
      );
      const r = rows[0];
      if (!r) return undefined;
      return {
        session: { idHash, userId: r.id, createdAt: isoString(r.s_created_at), lastSeenAt: isoString(r.s_last_seen_at) },
        user: toUser(r),
      };
    },
    async touchSession(idHash, at) {
      await db.query('UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, $2::timestamptz) WHERE id_hash = $1', [idHash, at]);
    },
    async deleteSession(idHash) {
      await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    },
    async sweep({ idleBefore, createdBefore, throttleBefore }) {
      await db.query('DELETE FROM sessions WHERE last_seen_at < $1::timestamptz OR created_at < $2::timestamptz', [
        idleBefore,
        createdBefore,
      ]);
      await db.query(
        `DELETE FROM login_throttle WHERE window_started_at < $1::timestamptz AND (locked_until IS NULL OR locked_until < $1::timestamptz)`,
        [throttleBefore],
      );
    },

    async updateThrottle(key, update) {
      return db.transaction(async (tx) => {
        // One key at a time, row or no row yet: concurrent failures (on any server) all count.
        await tx.query('SELECT pg_advisory_xact_lock(72385, hashtext($1))', [key]);
        const { rows } = await tx.query<ThrottleRow>('SELECT * FROM login_throttle WHERE key = $1', [key]);
        const next = update(rows[0] && toThrottle(rows[0]));
        if (!next) {
          await tx.query('DELETE FROM login_throttle WHERE key = $1', [key]);
          return undefined;
        }
        await tx.query(
          `INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES ($1, $2, $3::timestamptz, $4::timestamptz)
           ON CONFLICT (key) DO UPDATE SET failures = $2, window_started_at = $3::timestamptz, locked_until = $4::timestamptz`,
          [key, next.failures, next.windowStartedAt, next.lockedUntil ?? null],
        );
        return next;
      });
    },
    async throttle(key) {
      const { rows } = await db.query<ThrottleRow>('SELECT * FROM login_throttle WHERE key = $1', [key]);
      return rows[0] && toThrottle(rows[0]);
    },
  };
}
