/**
 * One HTTP exchange with its attempts: a timer per attempt, a budget for all of them, backoff
 * with jitter, `Retry-After`, and every failure as the SDK's typed error. It replaced ky on
 * every call: ky built three `Request` objects, a body stream and its tee, per POST, which made
 * `client.escalate()` ~1.4–1.7× a bare `fetch` in Node (bench/sdk.mjs); `fetch(url, init)` with
 * the body as its string is what the SDK needs.
 */
import { EscalationNetworkError, EscalationTimeoutError } from '../errors.ts';

export interface AttemptRules {
  /** Attempts after the first (0: one attempt only). */
  limit: number;
  /** The delay before retry `n` (1-based), before jitter and `backoffLimit`. */
  delay: (n: number) => number;
  backoffLimit: number;
  /** The longest `Retry-After` honoured, in ms. */
  maxRetryAfter: number;
  /** Per attempt, in ms (`Infinity`: none). */
  timeout: number;
  /** For all attempts and waits, from the call, in ms (`Infinity`: none). */
  totalTimeout: number;
}

/** A status the server answered that is not 2xx, with its body (JSON parsed when it says JSON). */
export class Refusal extends Error {
  constructor(
    readonly response: Response,
    readonly data: unknown,
  ) {
    super(`HTTP ${response.status}`);
  }
}

export const RETRYABLE_STATUS = [408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];
/** Where a server's `Retry-After` replaces the backoff. */
const AFTER_STATUS = [429, 503];

/** setTimeout's largest delay: a longer one would fire at once. */
const MAX_TIMER = 2 ** 31 - 1;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** `Retry-After` in ms (seconds or an HTTP date), or undefined when absent or unreadable. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** The body of a refusal, bounded by `ms` (a body that never ends must not hold a retry). */
export async function refusalData(response: Response, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const text = await Promise.race([
    response.text().catch(() => ''),
    new Promise<string>((ok) => (timer = setTimeout(() => ok(''), Math.min(ms, 10_000)))),
  ]).finally(() => clearTimeout(timer));
  if (!text || !/\/(?:.*[.+-])?json\b/i.test(response.headers.get('content-type') ?? '')) return text || undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** What `fetch` threw, as the SDK's error: an abort by our timer is a timeout, a `TypeError` a network fault. */
function fault(e: unknown, timedOut: boolean, timeout: () => EscalationTimeoutError): unknown {
  if (timedOut) return timeout();
  return e instanceof TypeError ? new EscalationNetworkError('Could not reach the escalation endpoint', { cause: e }) : e;
}

/**
 * Sends `init` to `url` until a 2xx whose body has been read in full within the attempt's time
 * (resolved with that text), or a final answer. Throws a {@link Refusal} for a non-2xx, an `EscalationTimeoutError`,
 * an `EscalationNetworkError` for a `TypeError` of `fetch`; anything else `fetch` throws
 * (a caller's abort) as it is. Only timeouts, network errors and {@link RETRYABLE_STATUS} are
 * retried: the caller makes that safe (an Idempotency-Key) or passes `limit: 0`.
 */
export async function exchange(fetchFn: typeof fetch, url: string, init: RequestInit, rules: AttemptRules): Promise<string> {
  const started = Date.now();
  const timedOut = () =>
    new EscalationTimeoutError(
      `No answer from the escalation endpoint in time (${rules.timeout} ms per attempt, ${rules.totalTimeout} ms in all)`,
    );
  for (let attempt = 0; ; attempt++) {
    const left = rules.totalTimeout - (Date.now() - started);
    if (left <= 0) throw timedOut();
    const ms = Math.min(rules.timeout, left);
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Raced, not only signalled: a custom `fetch` that ignores its signal still times out. One
    // timer covers the answer and, for a 2xx, the reading of its body: both are the attempt.
    const expired = new Promise<never>((_, reject) => {
      if (ms <= MAX_TIMER) timer = setTimeout(() => (abort.abort(), reject(timedOut())), ms);
    });
    let failure: unknown;
    try {
      const response = await Promise.race([fetchFn(url, { ...init, signal: abort.signal }), expired]);
      // A 2xx whose body breaks off is a network fault like any other, retried under its key:
      // the server has stored it, and answers the retry as a duplicate with the same receipt.
      if (response.ok) return await Promise.race([response.text(), expired]);
      failure = new Refusal(response, await refusalData(response, ms));
    } catch (e) {
      failure = fault(e, abort.signal.aborted, timedOut);
    } finally {
      clearTimeout(timer);
    }
    const status = failure instanceof Refusal ? failure.response.status : 0;
    const retryable = status
      ? RETRYABLE_STATUS.includes(status)
      : failure instanceof EscalationNetworkError || failure instanceof EscalationTimeoutError;
    if (attempt >= rules.limit || !retryable) throw failure;
    const after = status && AFTER_STATUS.includes(status) ? retryAfter((failure as Refusal).response) : undefined;
    const backoff = rules.delay(attempt + 1);
    // "Equal jitter": never less than half the backoff, so a fleet of clients spreads out without
    // some of them hammering the server again at once. A server's Retry-After is taken as said.
    const wait = after ?? Math.min(rules.backoffLimit, backoff / 2 + Math.random() * (backoff / 2));
    const capped = after === undefined ? wait : Math.min(rules.maxRetryAfter, wait);
    // A wait past the budget is no use: the caller queues it (or rejects) now, not later.
    if (capped >= rules.totalTimeout - (Date.now() - started)) throw status ? failure : timedOut();
    await sleep(capped);
  }
}
