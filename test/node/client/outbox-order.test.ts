/**
 * An escalation is in the outbox before its first attempt goes on the wire (core/client.ts says
 * why: beside it, a tab closed mid-send lost one in the faults suite); nothing is reported,
 * re-queued or removed before that write has settled, and a page that goes away mid-send sends
 * escalate()'s own request again, `keepalive`.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createEscalationClient, memoryOutbox, type Outbox } from '@escalate-kit/sdk';
import { fast, input, scenarioServer } from './support.ts';

const server = scenarioServer();

/** An outbox whose first put is held until `release()`, logging every write into `log`. */
function heldOutbox(log: string[]) {
  const store = memoryOutbox();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let puts = 0;
  const outbox: Outbox = {
    async put(entry) {
      const n = puts++;
      log.push(`put ${n}`);
      if (n === 0) await held;
      await store.put(entry);
      log.push(`put ${n} done`);
    },
    list: () => store.list(),
    async delete(id) {
      log.push('delete');
      await store.delete(id);
    },
  };
  return { outbox, store, release: () => release() };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 2));
  assert.ok(done(), 'timed out waiting');
};

describe('outbox: the write before the first attempt', () => {
  it('sends only once the write has landed, then reports success and removes the entry', async () => {
    const log: string[] = [];
    const { outbox, store, release } = heldOutbox(log);
    const logged = (l: string) => async (url: RequestInfo | URL, init?: RequestInit) => {
      log.push('fetch');
      const response = await fetch(url, init);
      log.push(l);
      return response;
    };
    const client = createEscalationClient({ endpoint: server.endpoint('ok', 'write-first'), ...fast, outbox, fetch: logged('answer') });
    client.addEventListener('success', () => log.push('success'));
    const sending = client.escalate({ ...input, taskId: 'T-WRITE-FIRST' });
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(log, ['put 0'], 'nothing on the wire while the write is under way');
    release();
    assert.equal((await sending).status, 'sent');
    await until(() => log.includes('delete'));
    assert.deepEqual(log.slice(0, 3), ['put 0', 'put 0 done', 'fetch']);
    assert.deepEqual(log.slice(3).sort(), ['answer', 'delete', 'success']);
    assert.deepEqual(await store.list(), []);
  });

  it('queues a failed send only after the first write has landed, so the queued entry is the one kept', async () => {
    const log: string[] = [];
    const { outbox, store, release } = heldOutbox(log);
    const down = async () => Promise.reject(new TypeError('fetch failed'));
    const client = createEscalationClient({ endpoint: server.endpoint('ok', 'queued-after'), ...fast, retry: 0, outbox, fetch: down });
    const sending = client.escalate({ ...input, taskId: 'T-QUEUED-AFTER' });
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(log, ['put 0'], 'the failure waits for the first write');
    release();
    const result = await sending;
    assert.equal(result.status, 'queued');
    assert.deepEqual(log, ['put 0', 'put 0 done', 'put 1', 'put 1 done']);
    const [entry] = await store.list();
    assert.equal(entry?.attempts, 1, "the queue's write, not the first one, is what the outbox holds");
    client.dispose();
  });

  describe('in a page that goes away mid-send', () => {
    const endpoint = (tag: string) => server.endpoint('slowfirst-300', tag);
    const installed = Object.getOwnPropertyDescriptors(globalThis);
    /** The page's `location` and a `window` to dispatch `pagehide` on (Node has neither). */
    const page = (origin: string) => {
      Object.defineProperty(globalThis, 'location', { configurable: true, value: { origin, href: `${origin}/tasks` } });
      Object.defineProperty(globalThis, 'window', { configurable: true, value: new EventTarget() });
      return globalThis.window as unknown as EventTarget;
    };
    after(() => {
      for (const name of ['location', 'window'] as const) {
        if (installed[name]) Object.defineProperty(globalThis, name, installed[name]);
        else delete (globalThis as Record<string, unknown>)[name];
      }
    });
    /** A `fetch` that logs each request's key and whether it is `keepalive`. */
    const spying = () => {
      const seen: { key: string | null; keepalive: boolean | undefined }[] = [];
      const spy = (url: RequestInfo | URL, init?: RequestInit) => (
        seen.push({ key: new Headers(init?.headers).get('idempotency-key'), keepalive: init?.keepalive }),
        fetch(url, init)
      );
      return { seen, spy };
    };

    it("sends escalate()'s own request again, kept alive and under its key, on pagehide; never kept alive before", async () => {
      const window = page(server.origin);
      const { seen, spy } = spying();
      const client = createEscalationClient({ endpoint: endpoint('keep'), ...fast, outbox: false, fetch: spy });
      const sending = client.escalate({ ...input, taskId: 'T-KEEP' });
      await until(() => seen.length === 1);
      assert.equal(seen[0]!.keepalive, undefined, 'not kept alive while the page stays: that costs every send');
      window.dispatchEvent(new Event('pagehide'));
      assert.deepEqual(seen[1], { key: seen[0]!.key, keepalive: true });
      const result = await sending;
      assert.equal(result.status, 'sent');
      assert.equal(seen.length, 2);
      const stored = server.log.filter((l) => l.tag === 'keep');
      assert.deepEqual(
        stored.map((l) => l.idempotencyKey),
        [result.request.id, result.request.id],
      );
      assert.deepEqual(stored.map((l) => l.status).sort(), [200, 201], 'stored once; the other answered as a duplicate');
      window.dispatchEvent(new Event('pagehide'));
      assert.equal(seen.length, 2, 'nothing under way: nothing sent');
      client.dispose();
    });

    it('sends nothing again across origins, for a large body, for a flush or after dispose()', async () => {
      const window = page('https://tasks.example.com');
      const { seen, spy } = spying();
      const cross = createEscalationClient({ endpoint: endpoint('cross'), ...fast, outbox: false, fetch: spy });
      const crossing = cross.escalate({ ...input, taskId: 'T-CROSS' });
      await until(() => seen.length === 1);
      window.dispatchEvent(new Event('pagehide'));
      assert.equal((await crossing).status, 'sent');
      assert.equal(seen.length, 1, 'cross-origin needs a preflight, which not every browser allows keepalive');

      const same = page(server.origin);
      const other = spying();
      const outbox = memoryOutbox();
      const down = async () => Promise.reject(new TypeError('fetch failed'));
      const offline = createEscalationClient({ endpoint: endpoint('later'), ...fast, retry: 0, outbox, fetch: down });
      const queued = await offline.escalate({ ...input, taskId: 'T-LATER' });
      offline.dispose();
      assert.equal(queued.status, 'queued');
      const client = createEscalationClient({ endpoint: endpoint('later'), ...fast, outbox, fetch: other.spy });
      const flushing = client.flush();
      await until(() => other.seen.length === 1);
      same.dispatchEvent(new Event('pagehide'));
      assert.deepEqual(await flushing, { delivered: 1, remaining: 0 });
      assert.equal(other.seen.length, 1, 'a flush is sent from the outbox, which keeps it for the next page');

      const long = { ...input, taskId: 'T-LONG', notes: `${input.notes} ${'x'.repeat(4900)}`.slice(0, 5000) };
      const context = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`key${i}`, 'y'.repeat(500)]));
      const large = client.escalate({ ...long, context });
      await until(() => other.seen.length === 2);
      same.dispatchEvent(new Event('pagehide'));
      assert.equal((await large).status, 'sent');
      assert.equal(other.seen.length, 2, 'past 8 KiB: a page shares 64 KiB of keepalive');

      client.dispose();
      const after = client.escalate({ ...input, taskId: 'T-AFTER' });
      await until(() => other.seen.length === 3);
      same.dispatchEvent(new Event('pagehide'));
      assert.equal((await after).status, 'sent');
      assert.equal(other.seen.length, 3, 'a disposed client no longer listens');
    });
  });
});
