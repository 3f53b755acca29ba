/**
 * One escalation on the wire: the ky instance with the retry rules, the POST with its
 * Idempotency-Key, the receipt check, and every failure turned into a typed error.
 */
import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import {
  EscalationError,
  EscalationHttpError,
  EscalationNetworkError,
  EscalationReceiptError,
  EscalationTimeoutError,
  toFieldIssues,
} from '../errors.ts';
import { errorBodySchema, escalationReceiptSchema, type EscalationReceipt, type EscalationRequest } from '../schemas/index.ts';
import type { EscalationClientOptions } from './options.ts';

const RETRYABLE_STATUS = [408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];

/** Faults worth retrying later with the same key: the server may simply not have seen it. */
export const isTransient = (e: EscalationError) =>
  e.kind === 'network' || e.kind === 'timeout' || (e instanceof EscalationHttpError && RETRYABLE_STATUS.includes(e.status));

export interface Transport {
  /**
   * Posts one escalation (retrying under its one key); resolves with a valid receipt or throws.
   * `own`: escalate()'s own send, not a flush's: sent again by `keepAlive` if the page goes
   * while it is under way (the outbox holds it anyway, for the next page load).
   */
  send(request: EscalationRequest, own?: boolean): Promise<EscalationReceipt>;
  /**
   * Sends escalate()'s own sends still under way once more, as `keepalive` requests under the
   * same keys: called as the page goes away, which cancels what it had on the wire.
   */
  keepAlive(): void;
  /** GETs `url` with the host's headers (retried as ky retries reads); resolves with the JSON body or throws. */
  read(url: string): Promise<unknown>;
  /** POSTs `body` to `url` under `Idempotency-Key: key`, retried as escalations are; resolves with the JSON body or throws. */
  post(url: string, body: unknown, key: string): Promise<unknown>;
  /** GETs `url` as an event stream with the host's headers and `fetch`, once (a watch reconnects itself). */
  stream(url: string, signal: AbortSignal): Promise<Response>;
  /** Any failure of `send`, as the SDK's typed error. */
  toError(e: unknown): EscalationError;
}

/** Whether `url` is the page's own origin (false outside a page). */
function sameOrigin(url: string | URL): boolean {
  const page = globalThis.location;
  if (!page?.origin) return false;
  try {
    return new URL(url, page.href).origin === page.origin;
  } catch {
    return false;
  }
}

export function createTransport(options: EscalationClientOptions<string>): Transport {
  const timeout = options.timeout ?? 10_000;
  const totalTimeout = options.totalTimeout ?? 30_000;
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const base = retry.delay ?? 300;
  const client: KyInstance = ky.create({
    timeout,
    totalTimeout,
    fetch: options.fetch,
    retry: {
      limit: retry.limit ?? 3,
      // POST is only safe to retry because every attempt carries the same Idempotency-Key.
      methods: ['post'],
      statusCodes: RETRYABLE_STATUS,
      afterStatusCodes: [413, 429, 503],
      retryOnTimeout: true,
      delay: (attempt) => base * 2 ** (attempt - 1),
      backoffLimit: retry.backoffLimit ?? 10_000,
      maxRetryAfter: retry.maxRetryAfter ?? 60_000,
      // "Equal jitter": never less than half the backoff, so a fleet of clients spreads out
      // without some of them hammering the server again at once.
      jitter: (delay) => delay / 2 + Math.random() * (delay / 2),
    },
  });

  /**
   * The host's headers (static, then per call, which win) as a record of lower-case names, and
   * JSON asked for. A record, not a `Headers`: ky merges a record by spreading it, a `Headers` it
   * copies into new ones twice per call.
   */
  async function hostHeaders(): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    for (const from of [options.headers, await options.getHeaders?.()]) {
      if (from) new Headers(from as HeadersInit).forEach((v, k) => (headers[k] = v));
    }
    headers.accept = 'application/json';
    return headers;
  }

  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  /** escalate()'s own sends under way, by key, as `keepAlive` would send them again. */
  const underway = new Map<string, { url: string; headers: Record<string, string>; body: string }>();

  async function post(url: string | URL, json: unknown, key: string, own = false): Promise<unknown> {
    const headers = await hostHeaders();
    headers['idempotency-key'] = key;
    headers['content-type'] = 'application/json';
    // The body goes to `fetch` as the string it is, not inside ky's Request: a Request's body is
    // a stream, which ky tees again before every attempt (to retry it) and fetch then reads back
    // chunk by chunk. In Node that was ~0.15 ms of a 0.5 ms local POST (bench/results.md §4).
    // ky still times, retries and types every attempt; each attempt sends the same string.
    const body = JSON.stringify(json);
    // Not `keepalive` itself: that cost every send 7–8 % in Chromium (bench/README.md), for the
    // rare page that goes mid-send. Only same-origin (a cross-origin one needs a preflight, which
    // not every browser allows a keepalive request) and only small bodies: a page's keepalive
    // requests share 64 KiB, and a refused one is left to the outbox.
    const again = own && sameOrigin(url) && body.length <= 8192 ? { url: String(url), headers, body } : undefined;
    if (again) underway.set(key, again);
    try {
      const response = await client.post(url, {
        headers,
        // ky calls its `fetch` with the Request it made (URL, method, headers, its abort signal).
        fetch: (request, init) => {
          const { url, method, headers: sent, signal } = request as Request;
          return fetchFn(url, { ...init, method, headers: sent, body, signal });
        },
      });
      return await response.json().catch((e: unknown) => {
        // A body that is not JSON is a malformed receipt, which `send` says (a final answer). A read
        // cut short (the timeout, a dropped connection) is a fault like any other: the server may
        // have stored it, so it is retried under its key, never called malformed.
        if (e instanceof SyntaxError) return undefined;
        throw e;
      });
    } finally {
      if (again && underway.get(key) === again) underway.delete(key);
    }
  }

  return {
    post,

    keepAlive() {
      // Each stays listed till its send ends: a page back from the back/forward cache may still go for good.
      for (const { url, headers, body } of underway.values()) {
        // The server stores it once: if the cancelled request got through, this one is a duplicate.
        fetchFn(url, { method: 'POST', headers, body, keepalive: true }).catch(() => undefined);
      }
    },

    async send(request, own) {
      const body = await post(options.endpoint, request, request.id, own);
      const receipt = escalationReceiptSchema.safeParse(body);
      // A 2xx without a receipt is never a success: there is nothing to show the agent.
      if (!receipt.success) throw new EscalationReceiptError(toFieldIssues(receipt.error.issues), body);
      return receipt.data;
    },

    async stream(url, signal) {
      const headers = await hostHeaders();
      headers.accept = 'text/event-stream';
      // Open for as long as it lasts; a refusal throws as any answer does (`toError` types it).
      return client.get(url, { headers, signal, timeout: false, totalTimeout: false, retry: 0 });
    },

    async read(url) {
      return client.get(url, { headers: await hostHeaders() }).json();
    },

    toError(e) {
      if (e instanceof EscalationError) return e;
      if (isHTTPError(e)) {
        const status = e.response.status;
        const body = errorBodySchema.safeParse(e.data);
        const data = body.success ? body.data : undefined;
        return new EscalationHttpError(
          status,
          data?.message ?? statusMessage(status, e.response.statusText),
          data?.issues ?? [],
          data?.error,
          data?.existing,
        );
      }
      if (isTimeoutError(e)) {
        return new EscalationTimeoutError(
          `No answer from the escalation endpoint in time (${timeout} ms per attempt, ${totalTimeout} ms in all)`,
          { cause: e },
        );
      }
      if (isNetworkError(e) || e instanceof TypeError) {
        return new EscalationNetworkError('Could not reach the escalation endpoint', { cause: e });
      }
      throw e;
    },
  };
}

function statusMessage(status: number, text: string): string {
  if (status === 401 || status === 403) return 'You are not allowed to escalate: sign in again or ask an administrator';
  if (status === 409) return 'This escalation was already sent with different details';
  if (status === 413) return 'The escalation is too large to send';
  if (status === 429) return 'Too many escalations at once: try again in a moment';
  if (status >= 500) return 'The escalation service is having trouble';
  return `The escalation was refused (${status}${text ? ` ${text}` : ''})`;
}
