/**
 * The IndexedDB outbox's write-ahead journal, in `localStorage`. Every escalation is put in the
 * outbox before its first attempt, and waiting for an IndexedDB write to commit added 18–31 %
 * to a local POST in Chromium (0.65–0.85 ms, bench/README.md); a `localStorage` write is done
 * when `setItem` returns (the browser process keeps it through a closed tab or a reload), in
 * ~20 µs. The outbox moves what stays (a queued escalation, one the server refused) into
 * IndexedDB a little later, so the host's `localStorage` only ever holds what is on its way.
 */
/** Generic over the entry (an outbox entry) so that outbox.ts and this file do not import each other. */
export interface Journal<E extends { id: string }> {
  /** Writes the entry; false when `localStorage` refuses (blocked, full): write IndexedDB instead. */
  write(entry: E): boolean;
  /** The entry's JSON as journaled, or null. */
  raw(id: string): string | null;
  /** Every journaled entry, of any endpoint (what another tab or an earlier page journaled too). */
  entries(): E[];
  /** Removes the entry; with `ifRaw`, only while it still holds that JSON (a newer put stays). */
  remove(id: string, ifRaw?: string): void;
}

/**
 * The journal of the outbox database `name`, or null where there is no `localStorage` to use
 * (Node, a worker, storage blocked for the page): the outbox then awaits IndexedDB as before.
 */
export function localStorageJournal<E extends { id: string }>(name: string): Journal<E> | null {
  let storage: Storage;
  try {
    // Reading `localStorage` throws where the page may not store anything (a sandboxed frame, blocked cookies).
    storage = globalThis.localStorage;
    if (!storage) return null;
  } catch {
    return null;
  }
  const prefix = `${name}:outbox:`;
  const raw = (id: string) => {
    try {
      return storage.getItem(prefix + id);
    } catch {
      return null;
    }
  };
  return {
    write(entry) {
      try {
        storage.setItem(prefix + entry.id, JSON.stringify(entry));
        return true;
      } catch {
        return false;
      }
    },
    raw,
    entries() {
      const found: E[] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (!key?.startsWith(prefix)) continue;
          try {
            found.push(JSON.parse(storage.getItem(key)!) as E);
          } catch {
            // Not ours to judge: a value that is not JSON stays where it is, unread.
          }
        }
      } catch {
        // Storage went away (cleared by the user): IndexedDB still answers.
      }
      return found;
    },
    remove(id, ifRaw) {
      try {
        if (ifRaw === undefined || raw(id) === ifRaw) storage.removeItem(prefix + id);
      } catch {
        // Left behind, it is listed and sent again: the server answers it as a duplicate.
      }
    },
  };
}
