/**
 * Group commit: writes that arrive while a transaction is running wait for it, then go in
 * together, in one transaction (inserts: `insert-sql.ts`; notification states: `sql.ts`). Under
 * load the first write of a batch waits `lingerMs` for others, so the batch grows with it, and
 * each commit (and on PGlite each statement, a call into its single-threaded WebAssembly) serves
 * many requests. A quiet store does not wait, but for the end of the event loop's turn: a write
 * goes then unless, within the last `QUIET_MS`, one arrived while others were waiting or running
 * (one client at a time never pays the linger).
 */

/** How long after the last sign of concurrent writes the store counts as quiet, in ms. */
export const QUIET_MS = 100;

/** After the I/O of this turn of the event loop (`setImmediate` where there is one). */
const nextTurn: (fn: () => void) => void = globalThis.setImmediate ?? ((fn) => setTimeout(fn, 0));

interface Waiting<In, Out> {
  input: In;
  /** `performance.now()` when it came. */
  since: number;
  resolve: (result: Out) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /**
   * Batches in flight at once: 1 where the database runs one statement at a time (PGlite), more
   * on a pool of connections (PostgreSQL).
   */
  concurrency: number;
  /** The most writes in one transaction. */
  maxBatch: number;
  /**
   * How long the oldest write waits for others before a batch starts, in ms. A synchronous
   * database (PGlite) blocks the event loop while it runs, so the requests that are still being
   * read and checked only reach the store in between: without a moment's wait, every batch
   * would hold one write.
   */
  lingerMs: number;
}

/**
 * One write at a time through batches of `writeMany` (whose answers are in the order of its
 * inputs); each caller gets its own answer, or its own error.
 */
export function createGroupCommit<In, Out>(
  writeMany: (inputs: readonly In[]) => Promise<Out[]>,
  { concurrency, maxBatch, lingerMs }: GroupCommitOptions,
): (input: In) => Promise<Out> {
  const waiting: Waiting<In, Out>[] = [];
  let running = 0;
  /** When a write last arrived to find others waiting or running (`performance.now()`). */
  let crowdedAt = -Infinity;

  async function run(batch: Waiting<In, Out>[]): Promise<void> {
    let settle: () => void;
    try {
      const results = await writeMany(batch.map((w) => w.input));
      settle = () => batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) settle = () => batch[0]!.reject(error);
      else {
        // One write the database refuses must not fail the others: each goes again alone.
        const outcomes: (() => void)[] = [];
        for (const w of batch) {
          outcomes.push(
            await writeMany([w.input]).then(
              ([result]) =>
                () =>
                  w.resolve(result!),
              (e: unknown) => () => w.reject(e),
            ),
          );
        }
        settle = () => outcomes.forEach((o) => o());
      }
    }
    // The slot is free before anyone hears back: what a caller writes next finds the store idle.
    running--;
    settle();
    pump();
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let turnScheduled = false;

  /**
   * A write is never sent in the turn of the event loop it arrived in: the requests read in the
   * same turn (on PGlite: every one that came while the last batch blocked the loop) reach the
   * store first and go with it. Costs a lone write well under a millisecond.
   */
  function pumpNextTurn(): void {
    if (turnScheduled) return;
    turnScheduled = true;
    nextTurn(() => {
      turnScheduled = false;
      pump();
    });
  }

  function pump(): void {
    while (running < concurrency && waiting.length) {
      const now = performance.now();
      const linger = now - crowdedAt < QUIET_MS ? lingerMs : 0;
      const wait = linger - (now - waiting[0]!.since);
      if (wait > 0 && waiting.length < maxBatch) {
        timer ??= setTimeout(() => {
          timer = undefined;
          pump();
        }, wait);
        return;
      }
      const batch = waiting.splice(0, maxBatch);
      running++;
      void run(batch);
    }
  }

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      const since = performance.now();
      if (running || waiting.length) crowdedAt = since;
      waiting.push({ input, since, resolve, reject });
      pumpNextTurn();
    });
}
