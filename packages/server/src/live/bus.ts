/**
 * The in-process event bus: what one server's stores publish and its event streams hear. The
 * memory and PGlite stores use it as it is (one process owns the database); on PostgreSQL it
 * fans out what LISTEN brings in from every server (`postgres-bus.ts`).
 */
import type { LiveEvent, LiveEvents, Unsubscribe } from './event.ts';

class LiveMessage extends Event {
  constructor(readonly event: LiveEvent) {
    super('live');
  }
}

export interface LiveBus extends LiveEvents {
  /** Hands `event` to every subscriber now. */
  publish(event: LiveEvent): void;
  /** Registers at once (for a bus whose `subscribe` must first connect). */
  add(listener: (event: LiveEvent) => void, lost?: () => void): Unsubscribe;
  /** The feed broke: every subscriber is told (`lost`) and dropped, and must subscribe again. */
  lose(): void;
  /** The number of subscribers. */
  readonly size: number;
}

/**
 * Creates a bus.
 *
 * @example
 * ```ts
 * const bus = createLiveBus();
 * const stop = await bus.subscribe((e) => console.log(e.type, e.data.id));
 * bus.publish(event);
 * stop();
 * ```
 */
export function createLiveBus(): LiveBus {
  const target = new EventTarget();
  const subscribers = new Map<EventListener, (() => void) | undefined>();

  function add(listener: (event: LiveEvent) => void, lost?: () => void): Unsubscribe {
    const handle: EventListener = (message) => {
      // One subscriber's fault (a stream closed under it) must not keep the event from the rest.
      try {
        listener((message as LiveMessage).event);
      } catch {
        // Nothing to tell: the subscriber that threw is the only one concerned.
      }
    };
    target.addEventListener('live', handle);
    subscribers.set(handle, lost);
    return () => {
      target.removeEventListener('live', handle);
      subscribers.delete(handle);
    };
  }

  return {
    add,
    subscribe: async (listener, lost) => add(listener, lost),
    publish: (event) => void target.dispatchEvent(new LiveMessage(event)),
    lose() {
      const all = [...subscribers];
      subscribers.clear();
      for (const [handle, lost] of all) {
        target.removeEventListener('live', handle);
        lost?.();
      }
    },
    get size() {
      return subscribers.size;
    },
  };
}
