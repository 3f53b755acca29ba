/**
 * Who may use the API (docs/architecture.md#security): people with a role, who sign in to the
 * inbox, and API keys for the hosts that send escalations. Types are inferred from the schemas,
 * as everywhere else in the server; secrets only ever appear here as hashes.
 */
import * as z from 'zod/mini';

/**
 * What each role may do, each one including the one before it: an `agent` sends escalations and
 * reads its own; a `member` of the account team reads all of them, changes their status and
 * writes notes; a `lead` also manages users and keys and reads `/api/stats`.
 */
export const roles = ['agent', 'member', 'lead'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles, 'Role must be agent, member or lead');

/** Whether `role` may do what `needed` may. */
export const hasRole = (role: Role, needed: Role): boolean => roles.indexOf(role) >= roles.indexOf(needed);

/**
 * Who made a change, as the history keeps it: a user (id and e-mail), a key (id and name),
 * nobody known (auth turned off, or a change recorded before the history said who), or the
 * server itself (the SLA clock raising a level at a breach, docs/policy.md#follow-up).
 */
export const actorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), id: z.string(), email: z.string() }),
  z.object({ type: z.literal('key'), id: z.string(), name: z.string() }),
  z.object({ type: z.literal('anonymous'), name: z.string() }),
  z.object({ type: z.literal('system'), name: z.string() }),
]);
export type Actor = z.output<typeof actorSchema>;

/** A person who signs in, as the API answers it (never the password hash). */
export const userSchema = z.object({
  id: z.string(),
  /** Lower case: one account per address however it is typed. */
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type User = z.output<typeof userSchema>;

/** A user as stored: with the PBKDF2 hash of the password (`auth/password.ts`). */
export interface StoredUser extends User {
  passwordHash: string;
}

/** An API key as the API answers it: the secret is shown once, when it is created, and never stored. */
export const apiKeySchema = z.object({
  /** The `<id>` of `ek_<id>_<secret>`: 16 hex digits. */
  id: z.string(),
  name: z.string(),
  /** Every key acts as an agent: it sends escalations and reads the ones it sent. */
  role: z.literal('agent'),
  createdAt: z.string(),
  /** When it stopped working; a revoked key stays listed, so the history's key ids still resolve. */
  revokedAt: z.optional(z.string()),
});
export type ApiKey = z.output<typeof apiKeySchema>;

/** An API key as stored: the SHA-256 of its 32-byte random secret (high entropy: no KDF needed). */
export interface StoredApiKey extends ApiKey {
  secretHash: string;
}

/** A signed-in session. Its id is only ever stored as a SHA-256, so a copy of the table signs nobody in. */
export interface StoredSession {
  idHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
}

/** Failed sign-ins counted for one account or one address (`auth/lockout.ts`). */
export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil?: string;
}

/**
 * Where users, keys, sessions and failed sign-ins live: part of every store (memory, PGlite,
 * PostgreSQL), so a server needs nothing besides its database.
 */
export interface AccessStore {
  /** `false` when a user with that e-mail exists already. */
  createUser(user: StoredUser): Promise<boolean>;
  userByEmail(email: string): Promise<StoredUser | undefined>;
  userById(id: string): Promise<StoredUser | undefined>;
  listUsers(): Promise<User[]>;
  /** Removes the user and ends their sessions; `false` when there was no such user. */
  removeUser(id: string): Promise<boolean>;
  /** Sets a new password hash and ends the user's sessions; `false` when there is no such user. */
  setPassword(id: string, passwordHash: string): Promise<boolean>;

  createKey(key: StoredApiKey): Promise<void>;
  keyById(id: string): Promise<StoredApiKey | undefined>;
  listKeys(): Promise<ApiKey[]>;
  /** `false` when there is no such key; revoking a revoked key keeps its first `revokedAt`. */
  revokeKey(id: string, at: string): Promise<boolean>;

  createSession(session: StoredSession): Promise<void>;
  /** The session and its user, in one read. */
  sessionByHash(idHash: string): Promise<{ session: StoredSession; user: StoredUser } | undefined>;
  touchSession(idHash: string, at: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Deletes sessions idle since before `idleBefore` or created before `createdBefore`, and throttle rows older than `throttleBefore`. */
  sweep(limits: { idleBefore: string; createdBefore: string; throttleBefore: string }): Promise<void>;

  /**
   * Replaces the throttle state of `key` with `update(current)` in one atomic step (concurrent
   * failures all count) and returns the new state; `undefined` from `update` deletes it.
   */
  updateThrottle(
    key: string,
    update: (current: ThrottleState | undefined) => ThrottleState | undefined,
  ): Promise<ThrottleState | undefined>;
  throttle(key: string): Promise<ThrottleState | undefined>;
}
