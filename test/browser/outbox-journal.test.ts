/**
 * The IndexedDB outbox's journal in localStorage (packages/sdk/src/outbox-journal.ts): a put is
 * kept once put() resolves without waiting for IndexedDB, written there 200 ms later (from memory,
 * so a host clearing localStorage meanwhile loses nothing) and then out of localStorage; a put
 * deleted or put again first is not written; what another tab journaled is listed (its copy the
 * newer); the journal is listed when IndexedDB fails; with localStorage full or throwing, the
 * outbox writes IndexedDB before put() resolves, as before.
 * Each test has a database of its own.
 */
import { expect } from '@open-wc/testing';
import { indexedDbOutbox, type OutboxEntry } from '@escalate-kit/sdk';

/** Past the 200 ms a put waits for its IndexedDB write. */
const WRITTEN = 450;
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
const journaled = (name: string) =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith(`${name}:outbox:`))
    .sort();

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

describe('outbox journal (localStorage, then IndexedDB)', () => {
  it('keeps a put in localStorage once put() resolves, writes it to IndexedDB 200 ms later, then takes it out', async () => {
    const name = database();
    const outbox = indexedDbOutbox(name);
    await outbox.put(entry('a'));
    expect(journaled(name)).to.deep.equal([`${name}:outbox:a`]);
    expect(await stored(name)).to.deep.equal([], 'not yet: delivered within 200 ms, it is never written');
    expect((await outbox.list()).map((e) => e.id)).to.deep.equal(['a']);
    await sleep(WRITTEN);
    expect((await stored(name)).map((e) => e.id)).to.deep.equal(['a']);
    expect(journaled(name)).to.deep.equal([]);
    expect((await outbox.list()).map((e) => e.id)).to.deep.equal(['a']);
    await outbox.delete('a');
    expect(await stored(name)).to.deep.equal([]);
    expect(await outbox.list()).to.deep.equal([]);
  });

  it('writes nothing for a put deleted before its write, and only the newer of two puts', async () => {
    const name = database();
    const outbox = indexedDbOutbox(name);
    const puts = await countingPuts(async () => {
      await outbox.put(entry('b'));
      await outbox.delete('b');
      await outbox.put(entry('c', 1));
      await outbox.put(entry('c', 2));
      await sleep(WRITTEN);
    });
    expect(puts).to.equal(1);
    expect((await stored(name)).map((e) => [e.id, e.attempts])).to.deep.equal([['c', 2]]);
    expect(journaled(name)).to.deep.equal([]);
  });

  it('writes what a host cleared from localStorage meanwhile, from memory', async () => {
    const name = database();
    const outbox = indexedDbOutbox(name);
    await outbox.put(entry('k'));
    for (const key of journaled(name)) localStorage.removeItem(key);
    await sleep(WRITTEN);
    expect((await stored(name)).map((e) => e.id)).to.deep.equal(['k']);
    expect((await outbox.list()).map((e) => e.id)).to.deep.equal(['k']);
  });

  it("lists what another tab journaled, its copy winning over IndexedDB's", async () => {
    const name = database();
    const outbox = indexedDbOutbox(name);
    await outbox.put(entry('d', 1));
    await sleep(WRITTEN);
    // Another tab's newer put of the same escalation (a flush counting an attempt), one of its own, and a stranger.
    localStorage.setItem(`${name}:outbox:d`, JSON.stringify(entry('d', 2)));
    localStorage.setItem(`${name}:outbox:e`, JSON.stringify(entry('e')));
    localStorage.setItem(`${name}:outbox:f`, JSON.stringify(entry('not-f')));
    localStorage.setItem(`${name}:outbox:g`, 'null');
    const listed = await outbox.list();
    expect(listed.map((e) => [e.id, e.attempts])).to.deep.equal([
      ['d', 2],
      ['e', 0],
    ]);
    await outbox.delete('d');
    await outbox.delete('e');
    expect(await stored(name)).to.deep.equal([]);
    expect(journaled(name)).to.deep.equal([`${name}:outbox:f`, `${name}:outbox:g`]);
    for (const key of journaled(name)) localStorage.removeItem(key);
  });

  it('still lists what the journal holds when IndexedDB fails to open', async () => {
    const name = database();
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = () => {
      throw new DOMException('IndexedDB is turned off', 'InvalidStateError');
    };
    try {
      const outbox = indexedDbOutbox(name);
      await outbox.put(entry('h'));
      await sleep(WRITTEN);
      expect((await outbox.list()).map((e) => e.id)).to.deep.equal(['h'], 'kept, and listed, though IndexedDB refused it');
      await outbox.delete('h').catch(() => undefined);
      expect(journaled(name)).to.deep.equal([]);
    } finally {
      IDBFactory.prototype.open = open;
    }
  });

  it('with localStorage full, writes IndexedDB before put() resolves and drops the older journaled copy', async () => {
    const name = database();
    const outbox = indexedDbOutbox(name);
    await outbox.put(entry('i', 1));
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await outbox.put(entry('i', 2));
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(journaled(name)).to.deep.equal([]);
    expect((await stored(name)).map((e) => [e.id, e.attempts])).to.deep.equal([['i', 2]]);
    await sleep(WRITTEN);
    expect((await outbox.list()).map((e) => [e.id, e.attempts])).to.deep.equal([['i', 2]], 'the older copy was not written over it');
  });

  describe('where localStorage throws', () => {
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    before(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
        },
      });
    });
    after(() => {
      delete (window as { localStorage?: Storage }).localStorage;
      if (own) Object.defineProperty(window, 'localStorage', own);
    });

    it('writes IndexedDB before put() resolves, as without a journal', async () => {
      const name = database();
      const outbox = indexedDbOutbox(name);
      await outbox.put(entry('j'));
      expect((await stored(name)).map((e) => e.id)).to.deep.equal(['j']);
      expect((await outbox.list()).map((e) => e.id)).to.deep.equal(['j']);
      await outbox.delete('j');
      expect(await stored(name)).to.deep.equal([]);
    });
  });
});
