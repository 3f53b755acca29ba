/**
 * The escalation client: validate, send once (with retries under one Idempotency-Key), or keep
 * in the outbox when the network is down. Never a false failure, never a false delivery.
 */
import { EscalationValidationError, toFieldIssues, type EscalationError, type FieldIssue } from '../errors.ts';
import {
  EscalationDeliveredEvent,
  EscalationErrorEvent,
  EscalationQueuedEvent,
  EscalationSubmitEvent,
  EscalationSuccessEvent,
  type EscalationClientEventMap,
  type QueuedReason,
} from '../events.ts';
import { indexedDbOutbox, memoryOutbox, type Outbox, type OutboxEntry } from '../outbox.ts';
import {
  defaultCategories,
  escalationInputSchema,
  type DefaultCategory,
  type EscalationInput,
  type EscalationRequest,
} from '../schemas/index.ts';
import { canonicalJson } from '../utils/canonical-json.ts';
import { createEscalationId } from '../utils/id.ts';
import type { EscalationState } from '../schemas/state.ts';
import type { HandledInput, HandledReceipt } from '../schemas/handled.ts';
import type { EscalationClientOptions, EscalationResult, FlushResult } from './options.ts';
import { listEscalations, readEscalation, type EscalationListQuery } from './read.ts';
// Statically: as an on-demand chunk it split esbuild's runtime helpers into a chunk of their own
// (more bytes, and a third file in the element's no-bundler build).
import { watchEscalation, type EscalationWatch, type WatchOptions } from './watch.ts';
import { flushOutbox, isOffline, isServerError } from './flush.ts';
import { watchOrphans } from './orphans.ts';
import { createTransport, isTransient, type Transport } from './transport.ts';
import { defaultHandledEndpoint } from './handled-endpoint.ts';
// Static, as read.ts is: as an on-demand chunk it cost 1.4 kB gzip more than it saved (zod
// then moves to a chunk of its own); static, the report costs ~0.3 kB (test/node/budgets.test.ts).
import { reportHandled } from './handled.ts';

/** The endpoint as an absolute URL where one can be made (it keys the outbox). */
function absolute(endpoint: string): string {
  try {
    return new URL(endpoint, globalThis.location?.href).href;
  } catch {
    return endpoint;
  }
}

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
// The interface of the same name below adds typed overloads of addEventListener to this
// EventTarget (the pattern of lib.dom's own elements); it declares no member the class lacks.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class EscalationClient<C extends string = DefaultCategory> extends EventTarget {
  /** The endpoint as an absolute URL where one can be made (it keys the outbox). */
  readonly endpoint: string;
  /** Where `reportHandled` posts: the option, else `handled` next to `endpoint`. */
  readonly handledEndpoint: string;
  readonly categories: readonly string[];
  /** The options' defaults, resolved once. */
  readonly #flushInterval: number;
  readonly #giveUp: { serverErrors: number; maxAgeMs: number };
  readonly #transport: Transport;
  readonly #outbox: Outbox | null;
  /** Calls under way, each with its key (the id, else the canonical JSON), made when first compared. */
  readonly #pending = new Set<{ key: () => string; promise: Promise<EscalationResult> }>();
  /** Ids this client is sending right now: its own flush leaves them to the call under way. */
  readonly #sending = new Set<string>();
  /** Ids answered for good whose entry is still being removed: no longer pending, never sent again from here. */
  readonly #answered = new Set<string>();
  #flushing: Promise<FlushResult> | undefined;
  /** A pass asked for while one runs: it starts when that one ends, so it sees what was queued since. */
  #nextFlush: Promise<FlushResult> | undefined;
  #stopOrphans: () => void = () => undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  readonly #onOnline = () => void this.flush();
  /** The page going away cancels the requests it has on the wire: escalate()'s own go again, kept alive. */
  readonly #onPageHide = () => this.#transport.keepAlive();

  constructor(options: EscalationClientOptions<C>) {
    super();
    if (!options || (typeof options.endpoint !== 'string' && !(options.endpoint instanceof URL)) || !String(options.endpoint).trim()) {
      throw new EscalationValidationError([{ path: ['endpoint'], message: 'An endpoint URL is required' }]);
    }
    this.#flushInterval = options.flushInterval ?? 30_000;
    this.#giveUp = { serverErrors: options.giveUp?.serverErrors ?? 5, maxAgeMs: options.giveUp?.maxAgeMs ?? 86_400_000 };
    this.endpoint = absolute(String(options.endpoint));
    this.handledEndpoint = absolute(String(options.handledEndpoint ?? defaultHandledEndpoint(String(options.endpoint))));
    this.categories = options.categories ?? defaultCategories.map((c) => c.id);
    this.#transport = createTransport(options as EscalationClientOptions<string>);
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.#onPageHide);
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
      this.#stopOrphans = watchOrphans(
        this.endpoint,
        () => this.#sending.size,
        () => void this.flush(),
      );
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
    // The key is only made when there is a call to compare with: a lone call (nearly every one)
    // never pays for the canonical JSON (~9 µs of a ~0.5 ms local POST).
    let made: string | undefined;
    const key = () => (made ??= input.id ?? canonicalJson({ ...request, id: undefined, createdAt: undefined }));
    for (const call of this.#pending) if (call.key() === key()) return call.promise;
    const call = { key, promise: this.#deliver(request).finally(() => this.#pending.delete(call)) };
    this.#pending.add(call);
    return call.promise;
  }

  /**
   * Sends what waits in the outbox for this endpoint, oldest first. Safe to call any time: called
   * while a pass runs, it resolves after a further pass, which sees what was queued meanwhile.
   */
  flush(): Promise<FlushResult> {
    if (!this.#outbox) return Promise.resolve({ delivered: 0, remaining: 0 });
    // The running pass listed the outbox when it began: what was queued since needs a pass of its own.
    if (this.#flushing) {
      return (this.#nextFlush ??= this.#flushing
        .catch(() => undefined)
        .then(() => {
          this.#nextFlush = undefined;
          return this.flush();
        }));
    }
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
    return this.#outbox ? (await this.#outbox.list()).filter((e) => e.endpoint === this.endpoint && !this.#answered.has(e.id)) : [];
  }

  /**
   * Removes an escalation from the outbox: one the server refused or kept failing on, once the
   * agent has sent it again (edited, under a new id). Pending ones are removed too: only call it
   * for what the agent has dealt with.
   */
  async discard(id: string): Promise<void> {
    await this.#outbox?.delete(id);
  }

  /**
   * Where one escalation stands now (`GET {endpoint}/{id}`): its status, team, respond-by and
   * since when. Rejects with a typed {@link EscalationError} (a 404 when this host may not read
   * it or it does not exist).
   *
   * @example
   * ```ts
   * const { status, since } = await client.get(receipt.id);
   * ```
   */
  async get(id: string): Promise<EscalationState> {
    return readEscalation(this.#transport, this.endpoint, id).catch((e: unknown) => Promise.reject(this.#toError(e)));
  }

  /**
   * The escalations this host may read (`GET {endpoint}?…`), in respond-by order: the task's
   * own with `taskId`, so a task page can show "Escalated · contacted" instead of an empty form.
   *
   * @example
   * ```ts
   * const [current] = await client.list({ taskId: 'T-1042', status: 'open' });
   * ```
   */
  async list(query: EscalationListQuery = {}): Promise<EscalationState[]> {
    return listEscalations(this.#transport, this.endpoint, query).catch((e: unknown) => Promise.reject(this.#toError(e)));
  }

  /**
   * Tells the server the agent finished a task without escalating (`POST {handledEndpoint}`):
   * the denominator of the agent's escalation rate (docs/policy.md#metrics). Rejects with an
   * {@link EscalationValidationError} naming every bad field (nothing sent), or the typed error of
   * the last attempt; retried under one key, never queued (see `core/handled.ts` for why). Pass
   * the same `id` and `handledAt` to try again later: the server stores it once.
   *
   * @example
   * ```ts
   * await client.reportHandled({ taskId: 'T-1042', agentId: 'agent-7', startedOn: '2025-03-01' });
   * ```
   */
  async reportHandled(input: HandledInput): Promise<HandledReceipt> {
    return reportHandled(this.#transport, this.handledEndpoint, input).catch((e: unknown) => Promise.reject(this.#toError(e)));
  }

  /**
   * Follows one escalation live (`GET {endpoint}/{id}/events`, Server-Sent Events read with this
   * client's headers). Resolves once it is read (`watch.state`; rejects as `get` does), then a
   * `change` event carries the whole new state on every change, those made while reconnecting
   * included; it reconnects with backoff until `close()`.
   *
   * @example
   * ```ts
   * const watch = await client.watch(receipt.id);
   * render(watch.state);
   * watch.addEventListener('change', (e) => render(e.state));
   * watch.close(); // when the task leaves the page
   * ```
   */
  watch(id: string, options?: WatchOptions): Promise<EscalationWatch> {
    return watchEscalation(this.#transport, this.endpoint, () => this.get(id), options);
  }

  /** Stops listening for `online` and the retry timer. The outbox keeps its entries. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#stopOrphans();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.#onOnline);
      window.removeEventListener('pagehide', this.#onPageHide);
    }
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
    // In the outbox before the first attempt, not beside it: a tab closed or reloaded once the
    // request is on the wire must leave the entry, which the next page load (or another tab)
    // sends under the same key (a duplicate, if the first attempt got through). Tried beside it
    // (the write is ~1–2 ms of a local POST in Chromium): a tab closed mid-send then lost an
    // escalation whose request the network dropped before its write had landed (the faults
    // suite, F-133). A page going mid-send sends it again as `keepalive` (transport.ts), so a
    // closed tab's escalation usually arrives without waiting for another page.
    await this.#outbox?.put(this.#entry(request)).catch(() => undefined);
    this.#sending.add(request.id);
    try {
      const receipt = await this.#transport.send(request, true);
      // Not awaited: the host hears of it first. A page closed before the delete lands sends it
      // again on the next load, which the server answers as a duplicate: never a silent success.
      this.#forget(request.id);
      this.dispatchEvent(new EscalationSuccessEvent(request, receipt));
      return { status: 'sent', request, receipt };
    } catch (e) {
      const error = this.#toError(e);
      if (this.#outbox && isTransient(error)) return await this.#queue(request, error.kind as QueuedReason, error);
      // A final answer goes to the caller, who still holds what was typed: nothing is left to send.
      this.#forget(request.id);
      this.dispatchEvent(new EscalationErrorEvent(error, request));
      throw error;
    } finally {
      this.#sending.delete(request.id);
    }
  }

  #forget(id: string) {
    if (!this.#outbox) return;
    const outbox = this.#outbox;
    this.#answered.add(id);
    // In a task of its own, after the caller has resumed: an IndexedDB write costs the page
    // main-thread time (~0.5 ms of a ~7 ms local POST in Chromium), which the caller would
    // otherwise wait for. Until it lands, `pending()` and this client's flush skip the entry.
    setTimeout(
      () =>
        void outbox.delete(id).then(
          () => this.#answered.delete(id),
          () => this.#answered.delete(id),
        ),
    );
  }

  #entry(request: EscalationRequest, error?: EscalationError): OutboxEntry {
    return {
      id: request.id,
      endpoint: this.endpoint,
      request,
      queuedAt: Date.now(),
      attempts: error ? 1 : 0,
      serverErrors: error && isServerError(error) ? 1 : 0,
      ...(error && { lastError: error.message }),
    };
  }

  async #queue(request: EscalationRequest, reason: QueuedReason, error?: EscalationError): Promise<EscalationResult> {
    await this.#outbox!.put(this.#entry(request, error));
    this.dispatchEvent(new EscalationQueuedEvent(request, reason, error));
    // Offline waits for `online`; a down server gets retried on a timer.
    if (reason !== 'offline') this.#retryLater();
    return { status: 'queued', request, reason };
  }

  #send(request: EscalationRequest) {
    return this.#transport.send(request);
  }

  #toError(e: unknown): EscalationError {
    return this.#transport.toError(e);
  }

  async #flushNow(): Promise<FlushResult> {
    return flushOutbox({
      outbox: this.#outbox!,
      waiting: (await this.pending()).filter((e) => !e.failed && !this.#sending.has(e.id)),
      send: (request) => this.#send(request),
      toError: (e) => this.#toError(e),
      giveUp: this.#giveUp,
      delivered: (request, receipt) => this.dispatchEvent(new EscalationDeliveredEvent(request, receipt)),
      failed: (error, request) => this.dispatchEvent(new EscalationErrorEvent(error, request, true)),
      retryLater: () => this.#retryLater(),
    });
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
export function createEscalationClient<const C extends string = DefaultCategory>(options: EscalationClientOptions<C>): EscalationClient<C> {
  return new EscalationClient(options);
}
