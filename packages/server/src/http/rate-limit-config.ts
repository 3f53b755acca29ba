/**
 * How many POSTs a client may send, from the handler's `limits.requestsPerMinute` or from the
 * `ESCALATE_RATE_LIMIT` environment variable (docs/architecture.md#rate-limit): `600`, `600/min`,
 * `10/s`, `5000/h`, or `off`. A value that is none of these stops the server at start with
 * {@link RateLimitConfigError}, never a limit other than the one meant.
 */

/** A budget: at most `limit` requests in any `windowMs`. `limit: Infinity` is no limit. */
export interface RateBudget {
  limit: number;
  windowMs: number;
}

/** The limit a handler has when neither the option nor `ESCALATE_RATE_LIMIT` says otherwise. */
export const DEFAULT_RATE_LIMIT: RateBudget = { limit: 600, windowMs: 60_000 };

/** `ESCALATE_RATE_LIMIT` (or another setting) is not a rate this server understands. */
export class RateLimitConfigError extends Error {
  override name = 'RateLimitConfigError';
  constructor(
    readonly setting: string,
    readonly value: string,
  ) {
    super(
      `${setting}="${value}" is not a rate limit: use a whole number of requests per minute (600), ` +
        'per second, minute or hour (10/s, 600/min, 5000/h), or "off"',
    );
  }
}

const UNITS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
};

/** Parses `600`, `600/min`, `10/s`, `5000/h` or `off` (case and spaces aside). */
export function parseRateLimit(value: string, setting = 'ESCALATE_RATE_LIMIT'): RateBudget {
  const text = value.trim().toLowerCase();
  if (text === 'off') return { limit: Infinity, windowMs: 60_000 };
  const match = /^(\d{1,9})\s*(?:\/\s*([a-z]+))?$/.exec(text);
  const windowMs = match && (match[2] === undefined ? 60_000 : UNITS[match[2]]);
  if (!match || !windowMs || Number(match[1]) < 1) throw new RateLimitConfigError(setting, value);
  return { limit: Number(match[1]), windowMs };
}

/**
 * The budget of each client: `requestsPerMinute` when the code gives one, else
 * `ESCALATE_RATE_LIMIT` where the runtime has environment variables, else 600 per minute.
 *
 * @throws {RateLimitConfigError} for a value that is not a rate
 */
export function resolveRateLimit(requestsPerMinute: number | undefined, env = runtimeEnv()): RateBudget {
  if (requestsPerMinute !== undefined) {
    if (!(requestsPerMinute > 0)) throw new RateLimitConfigError('limits.requestsPerMinute', String(requestsPerMinute));
    return { limit: requestsPerMinute, windowMs: 60_000 };
  }
  const fromEnv = env?.ESCALATE_RATE_LIMIT;
  return fromEnv === undefined || fromEnv.trim() === '' ? DEFAULT_RATE_LIMIT : parseRateLimit(fromEnv);
}

/** `process.env` in Node, Deno and Bun; nothing in a runtime without one (a worker). */
function runtimeEnv(): Record<string, string | undefined> | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
}
