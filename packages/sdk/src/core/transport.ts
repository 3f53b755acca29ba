/**
 * One escalation on the wire: the POST with its Idempotency-Key and the retry rules, the receipt
 * check, the reads, and every failure turned into a typed error (the attempts: attempts.ts).
 */
import { EscalationError, EscalationHttpError, EscalationNetworkError, EscalationReceiptError, toFieldIssues } from '../errors.ts';
import { errorBodySchema, escalationReceiptSchema, type EscalationReceipt, type EscalationRequest } from '../schemas/index.ts';
import { exchange, Refusal, refusalData, RETRYABLE_STATUS, type AttemptRules } from './attempts.ts';
import type { EscalationClientOptions } from './options.ts';

/** Faults worth retrying later with the same key: the server may simply not have seen it. */
export const isTransient = (e: EscalationError) =>
  e.kind === 'network' || e.kind === 'timeout' || (e instanceof EscalationHttpError && RETRYABLE_STATUS.includes(e.status));

export interface Transport {
  /**
   * Posts one escalation (retrying under its one key); resolves with a valid receipt or throws.
   * `unsaved`: the outbox may not hold it yet, so a page going away must not cut the request.
   */
  send(request: EscalationRequest, unsaved?: boolean): Promise<EscalationReceipt>;
  /** GETs `url` with the host's headers, once (a read is cheap to ask again); resolves with the JSON body or throws. */
  read(url: string): Promise<unknown>;
  /** POSTs `body` to `url` under `Idempotency-Key: key`, retried as escalations are; resolves with the JSON body or throws. */
  post(url: string, body: unknown, key: string): Promise<unknown>;
  /** GETs `url` as an event stream with the host's headers and `fetch`, once (a watch reconnects itself). */
  stream(url: string, signal: AbortSignal): Promise<Response>;
  /** Any failure of `send`, as the SDK's typed error. */
  toError(e: unknown): EscalationError;
}

/** Header names as `fetch` keeps them (lower case), so the host's and ours never both go out. */
const lower = (init: unknown): Record<string, string> => Object.fromEntries(new Headers(init as HeadersInit | undefined));

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
  // POST is only safe to retry because every attempt carries the same Idempotency-Key; a GET was
  // never retried (ky's rules here named POST only), the caller asks again.
  const posting: AttemptRules = {
    limit: retry.limit ?? 3,
    delay: (n) => base * 2 ** (n - 1),
    backoffLimit: retry.backoffLimit ?? 10_000,
    maxRetryAfter: retry.maxRetryAfter ?? 60_000,
    timeout,
    totalTimeout,
  };
  const reading: AttemptRules = { ...posting, limit: 0 };
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  // The static headers once; only `getHeaders` is per call.
  const fixed = lower(options.headers);

  /** The host's headers (static, then per call, which win), and JSON asked for. */
  async function hostHeaders(accept = 'application/json'): Promise<Record<string, string>> {
    const dynamic = options.getHeaders ? lower(await options.getHeaders()) : undefined;
    return { ...fixed, ...dynamic, accept };
  }

  /** A 2xx body as JSON; one that is not JSON is `undefined`, which the caller's schema refuses (a malformed answer). */
  const json = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };

  async function post(url: string | URL, body: unknown, key: string, unsaved = false): Promise<unknown> {
    const headers = { ...(await hostHeaders()), 'idempotency-key': key, 'content-type': 'application/json' };
    // The body as the string it is: every attempt sends the same bytes under the same key.
    const text = JSON.stringify(body);
    // `keepalive` lets the browser finish the request after the page has gone. Only same-origin
    // (a cross-origin one needs a preflight, which not every browser allows a keepalive request)
    // and only small bodies: a page's keepalive requests share 64 KiB, and a refused one fails as
    // a network fault (retried, then queued: delayed, never lost).
    const keepalive = unsaved && sameOrigin(url) && text.length <= 8192;
    return json(await exchange(fetchFn, String(url), { method: 'POST', headers, body: text, ...(keepalive && { keepalive }) }, posting));
  }

  return {
    post,

    async send(request, unsaved) {
      const body = await post(options.endpoint, request, request.id, unsaved);
      const receipt = escalationReceiptSchema.safeParse(body);
      // A 2xx without a receipt is never a success: there is nothing to show the agent.
      if (!receipt.success) throw new EscalationReceiptError(toFieldIssues(receipt.error.issues), body);
      return receipt.data;
    },

    async stream(url, signal) {
      // Open for as long as it lasts: no timer, no retry; a refusal throws as any answer does.
      const response = await fetchFn(url, { headers: await hostHeaders('text/event-stream'), signal });
      if (!response.ok) throw new Refusal(response, await refusalData(response, 10_000));
      return response;
    },

    async read(url) {
      return json(await exchange(fetchFn, url, { headers: await hostHeaders() }, reading));
    },

    toError(e) {
      if (e instanceof EscalationError) return e;
      if (e instanceof Refusal) {
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
      if (e instanceof TypeError) return new EscalationNetworkError('Could not reach the escalation endpoint', { cause: e });
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
