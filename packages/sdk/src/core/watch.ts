/**
 * `client.watch(id)`: one escalation followed live from the agent's side. It reads the server's
 * Server-Sent Events (`GET {endpoint}/{id}/events`) with `fetch`, since `EventSource` cannot send
 * the host's `Authorization` header, and on every (re)connection and every event reads the
 * escalation again (`client.get`), so a `change` always carries the whole new state and nothing
 * missed while disconnected goes unseen. Loaded on demand: a submit never pays for it.
 */
// Types only: a runtime import of the client's modules would split them into a chunk of their own.
import type { EscalationError } from '../errors.ts';
import type { EscalationState } from '../schemas/state.ts';
import type { Transport } from './transport.ts';

/** The escalation changed: its state now. */
export class EscalationChangeEvent extends Event {
  constructor(readonly state: EscalationState) {
    super('change');
  }
}

/**
 * The stream failed. With `final` the watch has stopped (the server refused it for good: 401,
 * 403, 404); otherwise it reconnects after a backoff.
 */
export class EscalationWatchErrorEvent extends Event {
  constructor(
    readonly error: EscalationError,
    readonly final: boolean,
  ) {
    super('error');
  }
}

export interface EscalationWatchEventMap {
  change: EscalationChangeEvent;
  error: EscalationWatchErrorEvent;
}

/** How a watch reconnects. */
export interface WatchOptions {
  /**
   * The first wait before reconnecting, in ms; it doubles on every failure in a row (with jitter).
   * The server's `retry:` replaces it.
   * @default 1000
   * @example client.watch(id, { minDelay: 500 })
   */
  minDelay?: number;
  /**
   * The longest wait between two attempts, in ms.
   * @default 30_000
   * @example client.watch(id, { maxDelay: 60_000 })
   */
  maxDelay?: number;
}

/** What a watch needs of its client. */
export interface WatchSource {
  /** Opens the stream (the host's headers and `fetch`); rejects on a refusal. */
  open(signal: AbortSignal): Promise<Response>;
  /** Reads the escalation's state. */
  get(): Promise<EscalationState>;
  toError(e: unknown): EscalationError;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

// The watch's typed listeners are declared by the interface of the same name below, as the client does.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class EscalationWatch extends EventTarget {
  readonly #source: WatchSource;
  readonly #abort = new AbortController();
  #delay: number;
  readonly #maxDelay: number;
  #state: EscalationState;
  #reading: Promise<void> = Promise.resolve();

  constructor(state: EscalationState, source: WatchSource, options: WatchOptions = {}) {
    super();
    this.#state = state;
    this.#source = source;
    this.#delay = options.minDelay ?? 1000;
    this.#maxDelay = options.maxDelay ?? 30_000;
    void this.#run();
  }

  /** The escalation's id. */
  get id(): string {
    return this.#state.id;
  }

  /** The state last read. */
  get state(): EscalationState {
    return this.#state;
  }

  /** Whether `close()` was called, or the server refused the watch for good. */
  get closed(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Stops watching and closes the stream. */
  close(): void {
    this.#abort.abort();
  }

  async #run() {
    const { signal } = this.#abort;
    let wait = this.#delay;
    while (!signal.aborted) {
      try {
        const response = await this.#source.open(signal);
        wait = this.#delay;
        // Connected: what changed while it was not is read now, then each event is read as it comes.
        this.#refresh();
        await this.#read(response.body!);
      } catch (e) {
        if (signal.aborted) return;
        const error = this.#source.toError(e);
        const status = (error as { status?: number }).status ?? 0;
        // Refused for good (gone, or no longer this key's to read); a busy or failing server is tried again.
        const final = status >= 400 && status < 500 && status !== 408 && status !== 429;
        this.#fail(error, final);
        if (final) return this.close();
      }
      await sleep(wait / 2 + Math.random() * (wait / 2), signal);
      wait = Math.min(wait * 2, this.#maxDelay);
    }
  }

  /** Reads blocks until the stream ends; `retry:` sets the backoff, an `escalation.*` event a refresh. */
  async #read(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const stop = () => void reader.cancel().catch(() => undefined);
    this.#abort.signal.addEventListener('abort', stop, { once: true });
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const retry = /^retry: *(\d+)$/m.exec(block);
          if (retry) this.#delay = Number(retry[1]);
          if (/^event: *escalation\./m.test(block)) this.#refresh();
        }
      }
    } finally {
      this.#abort.signal.removeEventListener('abort', stop);
    }
  }

  /** Reads the state (one read at a time, in order) and tells listeners when it is not what they last heard. */
  #refresh() {
    this.#reading = this.#reading.then(async () => {
      if (this.closed) return;
      try {
        const state = await this.#source.get();
        if (JSON.stringify(state) === JSON.stringify(this.#state) || this.closed) return;
        this.#state = state;
        this.dispatchEvent(new EscalationChangeEvent(state));
      } catch (e) {
        if (!this.closed) this.#fail(this.#source.toError(e), false);
      }
    });
  }

  #fail(error: EscalationError, final: boolean) {
    this.dispatchEvent(new EscalationWatchErrorEvent(error, final));
  }
}

// The typed listeners of the class above (the pattern of lib.dom's own elements), as the client declares its own.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface EscalationWatch {
  addEventListener<K extends keyof EscalationWatchEventMap>(
    type: K,
    listener: (this: EscalationWatch, event: EscalationWatchEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof EscalationWatchEventMap>(
    type: K,
    listener: (this: EscalationWatch, event: EscalationWatchEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** `client.watch(id)`: reads the escalation with `get` (rejecting as `client.get` does), then follows it. */
export async function watchEscalation(
  transport: Transport,
  endpoint: string,
  get: () => Promise<EscalationState>,
  options?: WatchOptions,
): Promise<EscalationWatch> {
  const state = await get();
  const url = `${endpoint.replace(/\/+$/, '')}/${state.id}/events`;
  return new EscalationWatch(
    state,
    { open: (signal) => transport.stream(url, signal), get, toError: (e) => transport.toError(e) },
    options,
  );
}
