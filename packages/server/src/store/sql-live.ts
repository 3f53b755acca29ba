/**
 * How the SQL stores publish their changes: inside the change's transaction (PostgreSQL: a
 * NOTIFY, delivered to every server when, and only if, the transaction commits), or after it
 * committed (PGlite: the in-process bus, since one process owns the database).
 */
import { createLiveBus } from '../live/bus.ts';
import type { LiveEvent, LiveEvents } from '../live/event.ts';
import type { SqlDatabase, SqlSession } from './sql-database.ts';

export interface SqlLive extends LiveEvents {
  /** Runs inside the transaction of the change `event` describes. */
  inTransaction(tx: SqlSession, event: LiveEvent): Promise<void>;
  /**
   * Runs inside a transaction of several changes (a batch of inserts), in one statement where it
   * can. Without it, `inTransaction` runs for each event.
   */
  inTransactionAll?(tx: SqlSession, events: LiveEvent[]): Promise<void>;
  /** Runs once that transaction committed. */
  committed(event: LiveEvent): void;
  /**
   * True when `inTransaction` does nothing (events go out only once committed): a change then
   * needs nothing of its transaction but its own statements, and may go as one script.
   */
  readonly afterCommit?: boolean;
  /**
   * The NOTIFY channel `inTransaction` publishes on, where it does nothing else: a batch of
   * inserts (`insert-script-sql.ts`) then notifies in the same round trip as it inserts.
   */
  readonly channel?: string;
  /** Ends every subscription (each is told its feed was lost) and any connection of its own. */
  close(): Promise<void>;
}

/** The in-process flavour: events go out after the commit, to this process only. */
export function inProcessLive(): SqlLive {
  const bus = createLiveBus();
  return {
    subscribe: bus.subscribe,
    inTransaction: async () => {},
    committed: (event) => bus.publish(event),
    afterCommit: true,
    close: async () => bus.lose(),
  };
}

/** Runs `fn` in a transaction; each `emit` publishes its events with it (in it, or after the commit). */
export type Transact = <T>(fn: (tx: SqlSession, emit: (...events: LiveEvent[]) => Promise<void>) => Promise<T>) => Promise<T>;

export function transactWith(db: SqlDatabase, live: SqlLive): Transact {
  return async (fn) => {
    const events: LiveEvent[] = [];
    const result = await db.transaction((tx) =>
      fn(tx, async (...emitted) => {
        events.push(...emitted);
        if (live.inTransactionAll && emitted.length > 1) await live.inTransactionAll(tx, emitted);
        else for (const event of emitted) await live.inTransaction(tx, event);
      }),
    );
    for (const event of events) live.committed(event);
    return result;
  };
}
