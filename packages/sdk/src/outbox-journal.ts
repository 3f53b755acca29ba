/**
 * The IndexedDB outbox's journal, in `localStorage`. Every escalation is put in the outbox
 * before its first attempt, and waiting for an IndexedDB write to commit added 18–31 % to a
 * local POST in Chromium (0.65–0.85 ms, bench/README.md). A `localStorage` write is done when
 * `setItem` returns, in ~20 µs, and the browser keeps it through a closed tab or a reload. What
 * is not delivered within 200 ms is written to IndexedDB too, from memory, for what a journal
 * does not survive (a host that clears `localStorage`, a browser that crashes before writing it
 * to disk), and leaves the journal: the host's `localStorage` holds an escalation only while it
 * is on its way.
 */

/** Generic over the entry (an outbox entry) so that outbox.ts and this file do not import each other. */
export interface Journal<E extends { id: string }> {
  /** Writes the entry and returns its JSON; null when `localStorage` refuses (full): write IndexedDB instead. */
  write(entry: E): string | null;
  /** Every journaled entry, of any endpoint (what another tab or an earlier page journaled too). */
  entries(): E[];
  /** Removes the entry; with `ifRaw`, only while it still holds that JSON (a newer put stays). */
  remove(id: string, ifRaw?: string): void;
}

/** Runs `f`, or returns `fallback` where storage throws (blocked for the page, full, cleared). */
const attempt = <T>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

/**
 * The journal of the outbox database `name`, or null where there is no `localStorage` to use
 * (Node, a worker, a sandboxed frame, blocked cookies): the outbox then awaits IndexedDB.
 */
export function localStorageJournal<E extends { id: string }>(name: string): Journal<E> | null {
  const storage = attempt(() => globalThis.localStorage, undefined);
  if (!storage) return null;
  const prefix = `${name}:outbox:`;
  const raw = (id: string) => attempt(() => storage.getItem(prefix + id), null);
  const remove = (id: string, ifRaw?: string) =>
    attempt(() => (ifRaw === undefined || raw(id) === ifRaw) && storage.removeItem(prefix + id), false);
  return {
    write(entry) {
      const json = JSON.stringify(entry);
      if (attempt(() => (storage.setItem(prefix + entry.id, json), true), false)) return json;
      // An older copy must not outlive a put that went to IndexedDB instead: it would be listed as the newer.
      remove(entry.id);
      return null;
    },
    entries: () =>
      attempt(
        () =>
          Object.keys(storage).flatMap((key) => {
            // Only what this outbox wrote: a value that is not an entry for its own key stays unread.
            const entry = key.startsWith(prefix) ? attempt(() => JSON.parse(storage.getItem(key)!) as E | null, null) : null;
            return entry?.id === key.slice(prefix.length) ? [entry] : [];
          }),
        [],
      ),
    remove,
  };
}
