/** POSTs per client per minute: over the limit is 429 with `Retry-After`. */
import { error } from './responses.ts';

/** A sliding-window log per client: exact over any 60 s, and memory bounded by the rate. */
function createRateLimiter(perMinute: number) {
  const windowMs = 60_000;
  const hits = new Map<string, number[]>();
  let lastSweep = 0;
  /** Seconds to wait, or 0 when the request may go ahead (and is counted). */
  return (key: string, now: number): number => {
    if (!Number.isFinite(perMinute)) return 0;
    // Forget clients that went quiet, so the map does not grow with every address ever seen.
    if (now - lastSweep >= windowMs) {
      for (const [k, times] of hits) if ((times.at(-1) ?? 0) <= now - windowMs) hits.delete(k);
      lastSweep = now;
    }
    const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= perMinute) {
      hits.set(key, recent);
      return Math.max(1, Math.ceil(((recent[0] ?? now) + windowMs - now) / 1000));
    }
    recent.push(now);
    hits.set(key, recent);
    return 0;
  };
}

/**
 * Who is asking, for the rate limit: the socket address the Node adapter puts in
 * `x-client-ip`, or, behind a trusted proxy, the first `X-Forwarded-For` hop.
 */
export function clientKey(request: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || request.headers.get('x-client-ip')?.trim() || 'anonymous';
}

export interface RateLimitOptions {
  perMinute: number;
  trustProxy: boolean;
  clock: () => Date;
}

/** Counts a request against its client: the 429 to answer when the client is over the limit, else `undefined`. */
export function createRateLimit({ perMinute, trustProxy, clock }: RateLimitOptions): (request: Request) => Response | undefined {
  const limiter = createRateLimiter(perMinute);
  return (request) => {
    const retryAfter = limiter(clientKey(request, trustProxy), clock().getTime());
    if (retryAfter === 0) return undefined;
    return error(
      429,
      { error: 'rate_limited', message: `Too many escalations from this client: try again in ${retryAfter} s` },
      { 'retry-after': String(retryAfter) },
    );
  };
}
