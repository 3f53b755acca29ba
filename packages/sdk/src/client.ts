/**
 * The escalation client: validate, send once (with retries under one Idempotency-Key),
 * or keep in the outbox when the network is down. Never a false failure, never a false delivery.
 */
import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import {
  EscalationError,
  EscalationHttpError,
  EscalationNetworkError,
  EscalationReceiptError,
  EscalationTimeoutError,
  EscalationValidationError,
  toFieldIssues,
  type FieldIssue,
} from './errors.ts';
import {
  EscalationDeliveredEvent,
  EscalationErrorEvent,
  EscalationQueuedEvent,
  EscalationSubmitEvent,
  EscalationSuccessEvent,
  type EscalationClientEventMap,
  type QueuedReason,
} from './events.ts';
import { indexedDbOutbox, memoryOutbox, type Outbox, type OutboxEntry } from './outbox.ts';
import {
  defaultCategories,
  errorBodySchema,
  escalationInputSchema,
  escalationReceiptSchema,
  type DefaultCategory,
  type EscalationInput,
  type EscalationReceipt,
  type EscalationRequest,
} from './schemas.ts';

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
   * browsers and memory elsewhere; `false` turns queueing off (transient faults then reject);
   * or pass your own {@link Outbox}.
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

const RETRYABLE_STATUS = [408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];

const isOffline = () => globalThis.navigator?.onLine === false;

/** Faults worth retrying later with the same key: the server may simply not have seen it. */
const isTransient = (e: EscalationError) =>
  e.kind === 'network' ||
  e.kind === 'timeout' ||
  (e instanceof EscalationHttpError && RETRYABLE_STATUS.includes(e.status));

/**
 * Sends escalations and tells the host what happened through typed events.
 *
 * @example
 * const client = createEscalationClient({ endpoint: '/api/escalations' });
 * client.addEventListener('success', (e) => queue.remove(e.request.taskId));
 * client.addEventListener('delivered', (e) => queue.remove(e.request.taskId));
 * await client.escalate({ taskId: 'T-1042', category: 'billing', notes: '…', contactMethod: 'email',
 *   contact: { email: 'pat@example.com' } });
 */
export class EscalationClient<C extends string = DefaultCategory> extends EventTarget {
  /** The endpoint as an absolute URL where one can be made (it keys the outbox). */
  readonly endpoint: string;
  readonly categories: readonly string[];
  readonly #options: EscalationClientOptions<C>;
  /** The options' defaults, resolved once. */
  readonly #timeout: number;
  readonly #totalTimeout: number;
  readonly #flushInterval: number;
  readonly #ky: KyInstance;
  readonly #outbox: Outbox | null;
  readonly #pending = new Map<string, Promise<EscalationResult>>();
  #flushing: Promise<FlushResult> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  readonly #onOnline = () => void this.flush();

  constructor(options: EscalationClientOptions<C>) {
    super();
    if (!options || (typeof options.endpoint !== 'string' && !(options.endpoint instanceof URL)) || !String(options.endpoint).trim()) {
      throw new EscalationValidationError([{ path: ['endpoint'], message: 'An endpoint URL is required' }]);
    }
    this.#options = options;
    this.#timeout = options.timeout ?? 10_000;
    this.#totalTimeout = options.totalTimeout ?? 30_000;
    this.#flushInterval = options.flushInterval ?? 30_000;
    this.endpoint = absolute(String(options.endpoint));
    this.categories = options.categories ?? defaultCategories.map((c) => c.id);
    const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
    const base = retry.delay ?? 300;
    this.#ky = ky.create({
      timeout: this.#timeout,
      totalTimeout: this.#totalTimeout,
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
    this.#outbox =
      options.outbox === false
        ? null
        : typeof options.outbox === 'object'
          ? options.outbox
          : typeof indexedDB !== 'undefined'
            ? indexedDbOutbox()
            : memoryOutbox();
    if (this.#outbox && typeof window !== 'undefined') {
      window.addEventListener('online', this.#onOnline);
      // What a previous page load left in the outbox goes out now.
      this.#schedule(0);
    }
  }

  /**
   * Validates, then sends one escalation. Resolves `{ status: 'sent', receipt }` when the server
   * stored it, `{ status: 'queued' }` when it is safe in the outbox; rejects with a typed
   * {@link EscalationError} otherwise. Calling it again with the same input while the first
   * call is pending returns the same promise: one request, however often it is clicked.
   */
  escalate(input: EscalationInput<C>): Promise<EscalationResult> {
    let request: EscalationRequest;
    try {
      request = this.#validate(input);
    } catch (error) {
      this.dispatchEvent(new EscalationErrorEvent(error as EscalationValidationError));
      return Promise.reject(error);
    }
    const key = input.id ?? stableKey({ ...request, id: undefined, createdAt: undefined });
    const pending = this.#pending.get(key);
    if (pending) return pending;
    const promise = this.#deliver(request).finally(() => this.#pending.delete(key));
    this.#pending.set(key, promise);
    return promise;
  }

  /** Sends what waits in the outbox for this endpoint, oldest first. Safe to call any time. */
  flush(): Promise<FlushResult> {
    if (!this.#outbox) return Promise.resolve({ delivered: 0, remaining: 0 });
    const locks = globalThis.navigator?.locks;
    // Across tabs, one flush at a time: the server would dedupe anyway, but this saves requests.
    const run = () => this.#flushNow();
    this.#flushing ??= (locks ? locks.request(`escalate-kit:outbox:${this.endpoint}`, run) : run()).finally(
      () => (this.#flushing = undefined),
    );
    return this.#flushing;
  }

  /** Escalations for this endpoint that wait in the outbox (including ones the server refused for good). */
  async pending(): Promise<OutboxEntry[]> {
    return this.#outbox ? (await this.#outbox.list()).filter((e) => e.endpoint === this.endpoint) : [];
  }

  /** Stops listening for `online` and the retry timer. The outbox keeps its entries. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
  }

  #validate(input: EscalationInput<C>): EscalationRequest {
    const parsed = escalationInputSchema.safeParse(input);
    const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error.issues);
    const category = (input as { category?: unknown } | null)?.category;
    if (typeof category === 'string' && !issues.some((i) => i.path[0] === 'category') && !this.categories.includes(category)) {
      issues.push({ path: ['category'], message: `Category must be one of: ${this.categories.join(', ')}` });
    }
    if (!parsed.success || issues.length) throw new EscalationValidationError(issues);
    return { ...parsed.data, id: parsed.data.id ?? createEscalationId(), createdAt: parsed.data.createdAt ?? new Date().toISOString() };
  }

  async #deliver(request: EscalationRequest): Promise<EscalationResult> {
    this.dispatchEvent(new EscalationSubmitEvent(request));
    if (this.#outbox && isOffline()) return this.#queue(request, 'offline');
    try {
      const receipt = await this.#send(request);
      this.dispatchEvent(new EscalationSuccessEvent(request, receipt));
      return { status: 'sent', request, receipt };
    } catch (e) {
      const error = this.#toError(e);
      if (this.#outbox && isTransient(error)) return this.#queue(request, error.kind as QueuedReason, error);
      this.dispatchEvent(new EscalationErrorEvent(error, request));
      throw error;
    }
  }

  async #queue(request: EscalationRequest, reason: QueuedReason, error?: EscalationError): Promise<EscalationResult> {
    await this.#outbox!.put({
      id: request.id,
      endpoint: this.endpoint,
      request,
      queuedAt: Date.now(),
      attempts: error ? 1 : 0,
      ...(error && { lastError: error.message }),
    });
    this.dispatchEvent(new EscalationQueuedEvent(request, reason, error));
    // Offline waits for `online`; a down server gets retried on a timer.
    if (reason !== 'offline') this.#retryLater();
    return { status: 'queued', request, reason };
  }

  async #send(request: EscalationRequest): Promise<EscalationReceipt> {
    const headers = new Headers(this.#options.headers as HeadersInit | undefined);
    if (this.#options.getHeaders) {
      new Headers((await this.#options.getHeaders()) as HeadersInit).forEach((v, k) => headers.set(k, v));
    }
    headers.set('Idempotency-Key', request.id);
    headers.set('Accept', 'application/json');
    const response = await this.#ky.post(this.#options.endpoint, { json: request, headers });
    const body: unknown = await response.json().catch(() => undefined);
    const receipt = escalationReceiptSchema.safeParse(body);
    if (!receipt.success) throw new EscalationReceiptError(toFieldIssues(receipt.error.issues), body);
    return receipt.data;
  }

  async #flushNow(): Promise<FlushResult> {
    let delivered = 0;
    const waiting = (await this.pending()).filter((e) => !e.failed);
    for (const [index, entry] of waiting.entries()) {
      if (isOffline()) return { delivered, remaining: waiting.length - index };
      try {
        const receipt = await this.#send(entry.request);
        // Removed only after a valid receipt: a crash before this line means a re-send, which
        // the server answers as a duplicate, never a lost escalation.
        await this.#outbox!.delete(entry.id);
        delivered++;
        this.dispatchEvent(new EscalationDeliveredEvent(entry.request, receipt));
      } catch (e) {
        const error = this.#toError(e);
        const transient = isTransient(error);
        await this.#outbox!.put({ ...entry, attempts: entry.attempts + 1, lastError: error.message, failed: !transient });
        if (transient) {
          // Keep the order: nothing newer goes out before the oldest has.
          this.#retryLater();
          return { delivered, remaining: waiting.length - index };
        }
        this.dispatchEvent(new EscalationErrorEvent(error, entry.request));
      }
    }
    return { delivered, remaining: 0 };
  }

  #retryLater() {
    if (this.#flushInterval > 0) this.#schedule(this.#flushInterval);
  }

  #schedule(ms: number) {
    if (this.#disposed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), ms);
    // A pending retry must not keep a Node process alive.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #toError(e: unknown): EscalationError {
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
        `No answer from the escalation endpoint in time (${this.#timeout} ms per attempt, ${this.#totalTimeout} ms in all)`,
        { cause: e },
      );
    }
    if (isNetworkError(e) || e instanceof TypeError) {
      return new EscalationNetworkError('Could not reach the escalation endpoint', { cause: e });
    }
    throw e;
  }
}

export interface EscalationClient<C extends string = DefaultCategory> {
  addEventListener<K extends keyof EscalationClientEventMap>(
    type: K,
    listener: (this: EscalationClient<C>, event: EscalationClientEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof EscalationClientEventMap>(
    type: K,
    listener: (this: EscalationClient<C>, event: EscalationClientEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * Creates a client for one endpoint.
 * @example
 * const client = createEscalationClient({
 *   endpoint: 'https://support.example.com/api/escalations',
 *   getHeaders: async () => ({ Authorization: `Bearer ${await getToken()}` }),
 * });
 */
export function createEscalationClient<const C extends string = DefaultCategory>(
  options: EscalationClientOptions<C>,
): EscalationClient<C> {
  return new EscalationClient(options);
}

function statusMessage(status: number, text: string): string {
  if (status === 401 || status === 403) return 'You are not allowed to escalate: sign in again or ask an administrator';
  if (status === 409) return 'This escalation was already sent with different details';
  if (status === 413) return 'The escalation is too large to send';
  if (status === 429) return 'Too many escalations at once: try again in a moment';
  if (status >= 500) return 'The escalation service is having trouble';
  return `The escalation was refused (${status}${text ? ` ${text}` : ''})`;
}

function absolute(endpoint: string): string {
  try {
    return new URL(endpoint, globalThis.location?.href).href;
  } catch {
    return endpoint;
  }
}

/** JSON with sorted keys, so `{a, b}` and `{b, a}` are the same pending escalation. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * A new escalation id (UUID v4). `crypto.randomUUID` is missing outside secure contexts
 * (plain http on a LAN address), so this falls back to `getRandomValues`.
 */
export function createEscalationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
