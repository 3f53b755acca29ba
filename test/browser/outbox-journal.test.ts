/**
 * The IndexedDB outbox's journal in localStorage (packages/sdk/src/outbox-journal.ts): a put is
 * kept once put() resolves without waiting for IndexedDB, an entry delivered at once never costs
 * an IndexedDB write, one that stays moves into IndexedDB and out of localStorage, what another
 * tab journaled is listed (its copy the newer), and where localStorage throws the outbox writes
 * IndexedDB before put() resolves, as before. Each test has a database of its own.
 */
import { expect } from '@open-wc/testing';
import { indexedDbOutbox, type OutboxEntry } from '@escalate-kit/sdk';

/** Past the outbox's 2 s before it moves a journaled entry into IndexedDB. */
const MOVED = 2600;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let n = 0;
const database = () => `journal-test-${Date.now()}-${++n}`;
const entry = (id: string, attempts = 0): OutboxEntry => ({
  id,
  endpoint: `${location.origin}/api/escalations`,
  request: { id, taskId: `T-${id}` } as unknown as OutboxEntry['request'],
  queuedAt: Date.now(),
  attempts,
});
const journaled = (name: string) => Object.keys(localStorage).filter((k) => k.startsWith(`${name}:outbox:`));

/** What the database itself holds, read apart from the outbox. */
async function stored(name: string): Promise<OutboxEntry[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('outbox', { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    return await new Promise<OutboxEntry[]>((resolve, reject) => {
      const req = db.transaction('outbox').objectStore('outbox').getAll();
      req.onsuccess = () => resolve(req.result as OutboxEntry[]);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/** Counts IndexedDB puts made while `run` runs. */
async function countingPuts(run: () => Promise<void>): Promise<number> {
  const put = IDBObjectStore.prototype.put;
  let puts = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    puts++;
    return put.apply(this, args);
  };
  try {
    await run();
  } finally {
    IDBObjectStore.prototype.put = put;
  }
  return puts;
}

describe('outbox journal (localStorage before IndexedDB)', () => {
  it('keeps a put in localStorage once put() resolves; delivered at once, it never reaches IndexedDB', async () => {
    const name = database();
    const outbox = indexedDbOutbox(name);
    const puts = await countingPuts(async () => {
      await outbox.put(entry('a'));
      expect(journaled(name)).to.deep.equal([`${name}:outbox:a`]);
      expect((await outbox.list()).map((e) => e.id)).to.deep.equal(['a']);
      await outbox.delete('a');
      await sleep(MOVED);
    });
    expect(puts).to.equal(0);
    expect(journaled(name)).to.deep.equal([]);
    expect(await stored(name)).to.deep.equal([]);
  });

  it('moves an entry that stays into IndexedDB, then out of localStorage; listed once throughout', async () => {
    const name = database();
    const outbox = indexedDbOutbox(name);
    await outbox.put(entry('b'));
    expect(await stored(name)).to.deep.equal([]);
    await sleep(MOVED);
    expect((await stored(name)).map((e) => e.id)).to.deep.equal(['b']);
    expect(journaled(name)).to.deep.equal([]);
    expect((await outbox.list()).map((e) => e.id)).to.deep.equal(['b']);
    await outbox.delete('b');
    expect(await stored(name)).to.deep.equal([]);
  });

  it("lists what another tab journaled, its copy winning over IndexedDB's, and moves it in", async () => {
    const name = database();
    const outbox = indexedDbOutbox(name);
    await outbox.put(entry('c', 1));
    await sleep(MOVED);
    // Another tab's newer put of the same escalation (a flush counting an attempt), and one of its own.
    localStorage.setItem(`${name}:outbox:c`, JSON.stringify(entry('c', 2)));
    localStorage.setItem(`${name}:outbox:d`, JSON.stringify(entry('d')));
    const listed = await outbox.list();
    expect(listed.map((e) => [e.id, e.attempts])).to.deep.equal([
      ['c', 2],
      ['d', 0],
    ]);
    await sleep(MOVED);
    expect(journaled(name)).to.deep.equal([]);
    const inDb = (await stored(name)).map((e) => [e.id, e.attempts]).sort();
    expect(inDb).to.deep.equal([
      ['c', 2],
      ['d', 0],
    ]);
  });

  it('a delete removes what another tab moved into IndexedDB meanwhile', async () => {
    const name = database();
    const mine = indexedDbOutbox(name);
    const theirs = indexedDbOutbox(name);
    await mine.put(entry('e'));
    await theirs.list(); // the other tab sees it journaled, and moves it in after its 2 s
    await sleep(MOVED);
    await mine.delete('e');
    expect(await stored(name)).to.deep.equal([]);
    expect(await mine.list()).to.deep.equal([]);
  });

  describe('where localStorage throws', () => {
    before(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
        },
      });
    });
    after(() => delete (window as { localStorage?: Storage }).localStorage);

    it('writes IndexedDB before put() resolves, as without a journal', async () => {
      const name = database();
      const outbox = indexedDbOutbox(name);
      await outbox.put(entry('f'));
      expect((await stored(name)).map((e) => e.id)).to.deep.equal(['f']);
      expect((await outbox.list()).map((e) => e.id)).to.deep.equal(['f']);
      await outbox.delete('f');
      expect(await stored(name)).to.deep.equal([]);
    });
  });
});
