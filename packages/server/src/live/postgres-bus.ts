/**
 * Live events across servers on PostgreSQL: a change NOTIFYs the channel inside its own
 * transaction (so it is heard when, and only if, it commits), and each server LISTENs on one
 * connection of its own, opened on the first subscription, and hands what it hears to its
 * subscribers, its own changes included. When that connection breaks, every subscriber is told
 * (events may have been missed) and the next subscription connects again.
 */
import pg from 'pg';
import type { SqlLive } from '../store/sql-live.ts';
import { createLiveBus } from './bus.ts';
import { liveEventSchema } from './event.ts';

/** The channel every server of one database uses unless told otherwise. */
export const DEFAULT_LIVE_CHANNEL = 'escalate_kit_events';

export interface PostgresLiveOptions {
  connectionString: string;
  /**
   * The LISTEN/NOTIFY channel: servers that share it hear each other. A plain lower-case identifier.
   * @default 'escalate_kit_events'
   * @example createPostgresLive({ connectionString, channel: 'escalations_staging' })
   */
  channel?: string;
  /**
   * How long to wait for the listening connection, in ms.
   * @default 10_000
   * @example createPostgresLive({ connectionString, connectTimeoutMs: 3000 })
   */
  connectTimeoutMs?: number;
  /**
   * Told when the listening connection fails (it is replaced on the next subscription).
   * @default console.error
   * @example createPostgresLive({ connectionString, onError: (e) => log.warn(e) })
   */
  onError?: (error: Error) => void;
}

/**
 * Creates the PostgreSQL flavour of a SQL store's live events (`createPostgresStore` does).
 *
 * @example
 * ```ts
 * const store = createSqlStore(createPostgresDatabase({ connectionString }), { live: createPostgresLive({ connectionString }) });
 * ```
 */
export function createPostgresLive(options: PostgresLiveOptions): SqlLive {
  const channel = options.channel ?? DEFAULT_LIVE_CHANNEL;
  // LISTEN takes an identifier, not a parameter: only a plain one is accepted, so nothing is quoted.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new TypeError(`channel must be a lower-case SQL identifier, not "${channel}"`);
  const onError = options.onError ?? ((e: Error) => console.error('escalate-kit: live events connection error', e));
  const bus = createLiveBus();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;

  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    bus.lose();
    void c.end().catch(() => {});
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: options.connectionString, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
    c.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      let parsed;
      try {
        parsed = liveEventSchema.safeParse(JSON.parse(message.payload));
      } catch {
        return;
      }
      // Another program on the channel, or a server of another version: what is not an event is not passed on.
      if (parsed.success) bus.publish(parsed.data);
    });
    c.on('error', (e) => {
      onError(e);
      drop(c);
    });
    c.on('end', () => drop(c));
    await c.connect();
    try {
      await c.query(`LISTEN ${channel}`);
    } catch (e) {
      await c.end().catch(() => {});
      throw e;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
  }

  return {
    async subscribe(listener, lost) {
      if (closed) throw new Error('The store is closed');
      const off = bus.add(listener, lost);
      try {
        if (!client) await (connecting ??= connect().finally(() => (connecting = undefined)));
      } catch (e) {
        off();
        throw e;
      }
      return off;
    },
    async inTransaction(tx, event) {
      await tx.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(event)]);
    },
    // A batch of inserts: one statement, one notification per event.
    async inTransactionAll(tx, events) {
      await tx.query('SELECT pg_notify($1, e) FROM unnest($2::text[]) AS e', [channel, events.map((e) => JSON.stringify(e))]);
    },
    channel,
    committed() {},
    async close() {
      closed = true;
      await connecting?.catch(() => {});
      const c = client;
      client = undefined;
      bus.lose();
      await c?.end().catch(() => {});
    },
  };
}
