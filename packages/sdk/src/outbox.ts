/**
 * The durable outbox: escalations that could not be delivered yet. In browsers it is
 * IndexedDB, so a queued escalation survives a reload or a closed tab; elsewhere memory,
 * unless the host injects its own store.
 */
import { localStorageJournal } from './outbox-journal.ts';
import type { EscalationRequest } from './schemas/index.ts';

export interface OutboxEntry {
  /** The escalation id, which is also the Idempotency-Key it is re-sent with. */
  id: string;
  /** The endpoint it was meant for, so clients of different endpoints share one store safely. */
  endpoint: string;
  request: EscalationRequest;
  /** When it was queued (ms since epoch); the outbox is sent oldest first. */
  queuedAt: number;
  attempts: number;
  /** How many of those attempts the server answered with a 5xx: past `giveUp.serverErrors` it is marked failed. */
  serverErrors?: number;
  /** The last fault, for people reading the outbox. */
  lastError?: string;
  /**
   * Set when the server refused it for good (e.g. 400 after a contract change), or kept failing
   * on it (see the client's `giveUp`). It is kept, never dropped, so nothing typed is lost, but
   * no longer re-sent; `client.discard(id)` removes it once the agent has sent it again.
   */
  failed?: boolean;
}

/** Storage for queued escalations. Implement it to keep the outbox elsewhere (e.g. a file in Node). */
export interface Outbox {
  put(entry: OutboxEntry): Promise<void>;
  /** Every entry, oldest first. */
  list(): Promise<OutboxEntry[]>;
  delete(id: string): Promise<void>;
}

const byAge = (a: OutboxEntry, b: OutboxEntry) => a.queuedAt - b.queuedAt;

/** An outbox that lives as long as the process: the default where there is no IndexedDB. */
export function memoryOutbox(): Outbox {
  const entries = new Map<string, OutboxEntry>();
  return {
    async put(entry) {
      entries.set(entry.id, structuredClone(entry));
    },
    async list() {
      return [...entries.values()].map((e) => structuredClone(e)).sort(byAge);
    },
    async delete(id) {
      entries.delete(id);
    },
  };
}

const STORE = 'outbox';
/**
 * How long a journaled put waits for its IndexedDB write (ms). An escalation delivered sooner
 * (nearly every one) never costs a write: on a local POST in Chromium, a write at once cost the
 * send ~10 % even off its path. A slower one is written while its request is still out.
 */
const WRITE_AFTER = 200;

/**
 * An IndexedDB outbox (the default in browsers). Where the page has `localStorage`, a put is
 * journaled there, done at once, and written to IndexedDB 200 ms later unless delivered by then
 * (outbox-journal.ts says why).
 * @param name database name; one per app is enough, entries remember their endpoint.
 */
export function indexedDbOutbox(name = 'escalate-kit'): Outbox {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => {
        // Another tab upgrading the schema must not be blocked by us.
        req.result.onversionchange = () => {
          req.result.close();
          db = undefined;
        };
        resolve(req.result);
      };
      req.onerror = () => {
        db = undefined;
        reject(req.error);
      };
    }));

  async function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    // 'relaxed': committed once the OS has it, which a closed tab or a crashed browser does not
    // undo (Chromium's default since 121, Firefox's always; an fsync'd 'strict' put was ~2.5×
    // slower in Chromium, and every escalation is put and deleted).
    const tx = (await open()).transaction(STORE, mode, { durability: 'relaxed' });
    const req = op(tx.objectStore(STORE));
    // One request per transaction: committing now saves waiting for its success event to reach
    // this page and the page's word that nothing follows (~0.2 ms of a ~1.4 ms put and delete).
    tx.commit?.();
    // Resolve on transaction completion, not request success: only then is a write durable.
    return new Promise<T>((resolve, reject) => {
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error ?? req.error);
    });
  }

  // A put is done once journaled (outbox-journal.ts); its IndexedDB write follows WRITE_AFTER
  // later, from memory (a host clearing localStorage meanwhile loses nothing while the page
  // lives), unless it was deleted or put again since, and then takes it out of the journal
  // unless a newer put came meanwhile. `list` reads both.
  const journal = localStorageJournal<OutboxEntry>(name);
  /** Each id's latest put that is journaled and not yet written here, as its JSON. */
  const unwritten = new Map<string, string>();
  const write = (entry: OutboxEntry) => run('readwrite', (s) => s.put(entry));
  const getAll = () => run<OutboxEntry[]>('readonly', (s) => s.getAll());

  return {
    async put(entry) {
      const raw = journal?.write(entry);
      if (!raw) {
        unwritten.delete(entry.id);
        await write(entry);
        return;
      }
      unwritten.set(entry.id, raw);
      setTimeout(() => {
        if (unwritten.get(entry.id) !== raw) return;
        unwritten.delete(entry.id);
        write(entry).then(
          () => journal!.remove(entry.id, raw),
          () => undefined, // It stays journaled, and listed from there.
        );
      }, WRITE_AFTER);
    },
    async list() {
      // The journal first: an entry whose write commits in between is then in one or the other.
      const journaled = journal?.entries() ?? [];
      // With a journal, an IndexedDB that fails to open (storage turned off, a broken profile)
      // still lists what the journal holds; without one, the failure is the caller's to hear.
      const stored = await (journal ? getAll().catch(() => []) : getAll());
      const byId = new Map(stored.map((e) => [e.id, e]));
      // The journal's copy is the newer: it leaves only once that same copy is in IndexedDB.
      for (const e of journaled) byId.set(e.id, e);
      return [...byId.values()].sort(byAge);
    },
    async delete(id) {
      unwritten.delete(id);
      journal?.remove(id);
      // Always: it may be in IndexedDB from an earlier put, here or in another tab.
      await run('readwrite', (s) => s.delete(id));
    },
  };
}
