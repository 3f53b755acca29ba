/**
 * Guessing passwords: failed sign-ins are counted per account (any e-mail typed, known or not,
 * so a lock never tells whether an account exists) and per address; past the limit the account
 * or address is locked for a while and sign-ins answer 429 with `Retry-After`, even with the
 * right password. Counted in the store, so servers sharing a database share the count. Keys are
 * hashed: people sometimes type a password into the e-mail field.
 */
import { sha256Hex } from '../http/sha256.ts';
import type { ResolvedAuth } from './options.ts';
import type { AccessStore, ThrottleState } from './types.ts';

export interface LoginKeys {
  account: string;
  address: string;
}

export function createLockout(store: AccessStore, rules: ResolvedAuth['lockout'], clock: () => Date) {
  const count =
    (max: number) =>
    (current: ThrottleState | undefined): ThrottleState => {
      const now = clock().getTime();
      const fresh = !current || Date.parse(current.windowStartedAt) <= now - rules.windowMs;
      const failures = (fresh ? 0 : current.failures) + 1;
      // Locked: the count starts again, so the lock is followed by a full new allowance, not one guess.
      if (failures >= max)
        return { failures: 0, windowStartedAt: new Date(now).toISOString(), lockedUntil: new Date(now + rules.lockMs).toISOString() };
      return { failures, windowStartedAt: fresh ? new Date(now).toISOString() : current.windowStartedAt };
    };

  return {
    /** The throttle keys of a sign-in. */
    async keys(email: string, address: string): Promise<LoginKeys> {
      return { account: `account:${await sha256Hex(email)}`, address: `address:${await sha256Hex(address)}` };
    },

    /** Seconds until the later of both locks ends, or 0 when neither is locked. */
    async lockedFor(keys: LoginKeys): Promise<number> {
      const now = clock().getTime();
      const states = await Promise.all([store.throttle(keys.account), store.throttle(keys.address)]);
      const until = Math.max(0, ...states.map((s) => (s?.lockedUntil ? Date.parse(s.lockedUntil) : 0)));
      return until > now ? Math.ceil((until - now) / 1000) : 0;
    },

    /** Counts a failed sign-in against the account and the address; `true` when that locked either. */
    async failed(keys: LoginKeys): Promise<boolean> {
      const [account, address] = await Promise.all([
        store.updateThrottle(keys.account, count(rules.maxFailures)),
        store.updateThrottle(keys.address, count(rules.maxFailuresPerAddress)),
      ]);
      return account?.lockedUntil !== undefined || address?.lockedUntil !== undefined;
    },

    /**
     * A sign-in succeeded: the account's count starts again. The address's does not, or whoever
     * has one account could guess at others from the same address without ever being locked.
     */
    succeeded: (keys: LoginKeys) => store.updateThrottle(keys.account, () => undefined).then(() => undefined),
  };
}
export type Lockout = ReturnType<typeof createLockout>;
