/**
 * POSTs per client: over the budget is 429 with `Retry-After` (docs/architecture.md#rate-limit).
 * A client is who the request proved to be, an API key or a signed-in user, each with a budget
 * of its own however many share an address (an office behind one NAT); only a request that
 * proves nobody (auth off) is counted by its address.
 */
import type { Principal } from '../auth/principal.ts';
import type { RateBudget } from './rate-limit-config.ts';
import { error } from './responses.ts';

/** A sliding-window log per client: exact over any window, and memory bounded by the rate. */
function createRateLimiter({ limit, windowMs }: RateBudget) {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;
  return {
    /** Seconds to wait, or 0 when the request may go ahead (and is counted, at `now`). */
    take(key: string, now: number): number {
      if (!Number.isFinite(limit)) return 0;
      // Forget clients that went quiet, so the map does not grow with every client ever seen.
      if (now - lastSweep >= windowMs) {
        for (const [k, times] of hits) if ((times.at(-1) ?? 0) <= now - windowMs) hits.delete(k);
        lastSweep = now;
      }
      const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return Math.max(1, Math.ceil(((recent[0] ?? now) + windowMs - now) / 1000));
      }
      recent.push(now);
      hits.set(key, recent);
      return 0;
    },
    /** Takes back the hit counted at `at` (a request that turned out not to count). */
    refund(key: string, at: number): void {
      const times = hits.get(key);
      const i = times?.lastIndexOf(at) ?? -1;
      if (i >= 0) times!.splice(i, 1);
    },
  };
}

/**
 * Who is asking, by address: the socket address the Node adapter puts in `x-client-ip`, or,
 * behind a trusted proxy, the first `X-Forwarded-For` hop.
 */
export function clientKey(request: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || request.headers.get('x-client-ip')?.trim() || 'anonymous';
}

/** Whose budget a request spends: its key's, its user's, else its address's. */
export function rateKey(request: Request, principal: Principal, trustProxy: boolean): string {
  const { actor } = principal;
  if (principal.via !== 'open' && (actor.type === 'key' || actor.type === 'user')) return `${actor.type}:${actor.id}`;
  return `address:${clientKey(request, trustProxy)}`;
}

export interface RateLimitOptions {
  budget: RateBudget;
  trustProxy: boolean;
  clock: () => Date;
}

/** A request counted against its client: the 429 to answer if over the budget, and how to take the count back. */
export interface RateCharge {
  /** The answer when the client is over its budget (nothing was counted), else `undefined`. */
  limited: Response | undefined;
  /** Takes the count back: the request was a replay, which never counts. */
  refund(): void;
}

export type RateLimit = (request: Request, principal: Principal) => RateCharge;

export function createRateLimit({ budget, trustProxy, clock }: RateLimitOptions): RateLimit {
  const limiter = createRateLimiter(budget);
  return (request, principal) => {
    const key = rateKey(request, principal, trustProxy);
    const at = clock().getTime();
    const retryAfter = limiter.take(key, at);
    if (retryAfter === 0) return { limited: undefined, refund: () => limiter.refund(key, at) };
    const limited = error(
      429,
      { error: 'rate_limited', message: `Too many escalations from this client: try again in ${retryAfter} s` },
      { 'retry-after': String(retryAfter) },
    );
    return { limited, refund: () => {} };
  };
}
