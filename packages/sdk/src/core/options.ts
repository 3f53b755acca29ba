/** The options of `createEscalationClient`, each with its default, and what its calls resolve with. */
import type { QueuedReason } from '../events.ts';
import type { Outbox } from '../outbox.ts';
import type { DefaultCategory, EscalationReceipt, EscalationRequest } from '../schemas/index.ts';

/** How failed attempts are retried. All of them reuse the same id and body. */
export interface RetryOptions {
  /**
   * Attempts after the first one.
   * @default 3
   * @example { limit: 5 }
   */
  limit?: number;
  /**
   * Delay before the first retry, in ms; it doubles on every retry (with jitter).
   * @default 300
   * @example { delay: 1000 }
   */
  delay?: number;
  /**
   * Cap of the exponential backoff, in ms.
   * @default 10_000
   * @example { backoffLimit: 5000 }
   */
  backoffLimit?: number;
  /**
   * The longest `Retry-After` honoured, in ms; a longer one is shortened to this.
   * @default 60_000
   * @example { maxRetryAfter: 10_000 }
   */
  maxRetryAfter?: number;
}

export type HeadersLike = HeadersInit | Record<string, string>;

export interface EscalationClientOptions<C extends string = DefaultCategory> {
  /**
   * Where escalations are POSTed. Relative URLs resolve against the page in browsers.
   * @example createEscalationClient({ endpoint: '/api/escalations' })
   */
  endpoint: string | URL;
  /**
   * Where `reportHandled` POSTs tasks handled without escalating.
   * @default `handled` next to `endpoint` (`/api/escalations` → `/api/handled`)
   * @example createEscalationClient({ endpoint: '/api/escalations', handledEndpoint: '/metrics/handled' })
   */
  handledEndpoint?: string | URL;
  /**
   * Static headers sent with every request (e.g. a CSRF token).
   * @example createEscalationClient({ endpoint, headers: { 'X-CSRF-Token': token } })
   */
  headers?: HeadersLike;
  /**
   * Headers computed before every send (e.g. a fresh bearer token). Wins over `headers`.
   * @example createEscalationClient({ endpoint, getHeaders: async () => ({ Authorization: `Bearer ${await auth.token()}` }) })
   */
  getHeaders?: () => HeadersLike | Promise<HeadersLike>;
  /**
   * Per-attempt timeout in ms; a timed-out attempt is retried.
   * @default 10_000
   * @example createEscalationClient({ endpoint, timeout: 5000 })
   */
  timeout?: number;
  /**
   * The longest one `escalate()` may take, retries and `Retry-After` waits included, in ms. When
   * it runs out the escalation goes to the outbox (or, without one, rejects with a timeout):
   * an agent is never left watching a busy dialog for minutes.
   * @default 30_000
   * @example createEscalationClient({ endpoint, totalTimeout: 15_000 })
   */
  totalTimeout?: number;
  /**
   * Retries of network errors, timeouts, 408, 429 and 5xx: a count, or finer options.
   * `0` disables retries.
   * @default { limit: 3, delay: 300, backoffLimit: 10_000, maxRetryAfter: 60_000 }
   * @example createEscalationClient({ endpoint, retry: { limit: 5, backoffLimit: 30_000 } })
   */
  retry?: number | RetryOptions;
  /**
   * The `fetch` to use (for tests, proxies or instrumentation).
   * @default globalThis.fetch
   * @example createEscalationClient({ endpoint, fetch: (input, init) => myFetch(input, init) })
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Where escalations wait while they cannot be delivered. `true` (default) means IndexedDB in
   * browsers (each put journaled in `localStorage` first, under `escalate-kit:outbox:<id>`, until
   * it is delivered or, 200 ms on, in IndexedDB too) and memory elsewhere; `false` turns
   * queueing off (transient faults then reject); or pass your own {@link Outbox}.
   * @default true
   * @example createEscalationClient({ endpoint, outbox: memoryOutbox() })
   */
  outbox?: boolean | Outbox;
  /**
   * The category ids this host accepts. Narrows the type of `category` and is checked at run time.
   * @default ['complaint', 'billing', 'pricing', 'technical', 'other']
   * @example createEscalationClient({ endpoint, categories: ['complaint', 'billing', 'warranty'] })
   */
  categories?: readonly C[];
  /**
   * How often (ms) to retry the outbox while it holds escalations and the browser is online.
   * `0` disables the timer; `online`, page load and `flush()` still send.
   * @default 30_000
   * @example createEscalationClient({ endpoint, flushInterval: 60_000 })
   */
  flushInterval?: number;
  /**
   * When to stop re-sending a queued escalation that the server keeps failing on (5xx): after
   * `serverErrors` such answers, or once it has waited `maxAgeMs`. It is then kept in the outbox
   * (nothing typed is lost) but marked failed, and an `error` event carries the server's answer,
   * so a host can let the agent edit and send it again instead of showing "queued" forever.
   * Network faults and timeouts (offline, server down) never count: those wait for as long as it takes.
   * @default { serverErrors: 5, maxAgeMs: 86_400_000 }
   * @example createEscalationClient({ endpoint, giveUp: { serverErrors: 3 } })
   */
  giveUp?: { serverErrors?: number; maxAgeMs?: number };
}

/** What `escalate()` resolves with: delivered now, or safely queued to be sent later. */
export type EscalationResult =
  | { status: 'sent'; request: EscalationRequest; receipt: EscalationReceipt }
  | { status: 'queued'; request: EscalationRequest; reason: QueuedReason };

export interface FlushResult {
  delivered: number;
  /** Still waiting (a transient fault or offline stopped the flush). */
  remaining: number;
}
