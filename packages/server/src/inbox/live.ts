/**
 * Live updates for the inbox (docs/architecture.md#work-queue): an EventSource on `/api/events`
 * while someone is signed in, closed when they sign out, when the session ends and when the inbox
 * leaves the page. Nothing is replayed on reconnection, so the list is reloaded whenever the
 * stream (re)opens, and after each burst of events (debounced: ten changes are one reload).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { debounce } from './debounce.ts';

/** What the shell is told. */
export interface LiveEvents {
  /** Whether anyone is signed in (the stream runs only then). */
  signedIn(): boolean;
  /** Reload what is shown; `ids`: the escalations the events were about, `created`: those that are new. */
  reload(ids: ReadonlySet<string>, created: readonly string[]): void;
}

/** A burst of events within this long is one reload. */
const QUIET_MS = 150;

export class LiveController implements ReactiveController {
  #source?: EventSource;
  #ids = new Set<string>();
  #created: string[] = [];
  #flush = debounce(() => {
    const ids = this.#ids;
    const created = this.#created;
    this.#ids = new Set();
    this.#created = [];
    this.events.reload(ids, created);
  }, QUIET_MS);

  constructor(
    host: ReactiveControllerHost,
    private readonly events: LiveEvents,
  ) {
    host.addController(this);
  }

  /** Every render follows a change of session: open or close the stream to match. */
  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#close();
  }

  /** Opens the stream when someone is signed in and none is open (or the browser gave up on it), closes it otherwise. */
  sync(): void {
    if (!this.events.signedIn()) return this.#close();
    if (typeof EventSource === 'undefined') return;
    if (this.#source && this.#source.readyState !== EventSource.CLOSED) return;
    this.#close();
    const source = new EventSource('/api/events');
    // (Re)connected: whatever happened while it was down was not sent, so read the list again.
    source.addEventListener('open', () => this.#heard(undefined, false));
    source.addEventListener('escalation.created', (e) => this.#heard(e, true));
    source.addEventListener('escalation.changed', (e) => this.#heard(e, false));
    this.#source = source;
  }

  #heard(event: Event | undefined, created: boolean) {
    const id = idOf(event);
    if (id) {
      this.#ids.add(id);
      if (created) this.#created.push(id);
    }
    this.#flush();
  }

  #close() {
    this.#source?.close();
    this.#source = undefined;
    this.#flush.cancel();
    this.#ids = new Set();
    this.#created = [];
  }
}

/** The escalation's id from an event's data, if it has one. */
function idOf(event: Event | undefined): string | undefined {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return undefined;
  try {
    const data = JSON.parse(event.data) as { id?: unknown };
    return typeof data.id === 'string' ? data.id : undefined;
  } catch {
    return undefined;
  }
}

/** What the live region says of new escalations: their task ids, at most three, and how many more. */
export function newWords(tasks: readonly string[], count: number): string {
  if (!count) return '';
  const more = count - tasks.length;
  const named = tasks.join(', ');
  if (count === 1) return named ? `New escalation: ${named}` : 'New escalation';
  return `${count} new escalations${named ? `: ${named}${more > 0 ? ` and ${more} more` : ''}` : ''}`;
}
