/**
 * An escalation is in the outbox before its first attempt goes on the wire (core/client.ts says
 * why: beside it, a tab closed mid-send lost one in the faults suite); nothing is reported,
 * re-queued or removed before that write has settled, and in a page escalate()'s own request is
 * `keepalive`.
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

  describe('in a page', () => {
    const endpoint = () => server.endpoint('ok', 'keepalive');
    const installed = Object.getOwnPropertyDescriptor(globalThis, 'location');
    const page = (origin: string) =>
      Object.defineProperty(globalThis, 'location', { configurable: true, value: { origin, href: `${origin}/tasks` } });
    after(() => {
      if (installed) Object.defineProperty(globalThis, 'location', installed);
      else delete (globalThis as { location?: unknown }).location;
    });
    const keepalives = () => {
      const seen: (boolean | undefined)[] = [];
      const spy = (url: RequestInfo | URL, init?: RequestInit) => (seen.push(init?.keepalive), fetch(url, init));
      return { seen, spy };
    };

    it("is keepalive for escalate()'s own send, same origin only; a send from the outbox is not", async () => {
      page(new URL(endpoint()).origin);
      const { seen, spy } = keepalives();
      const client = createEscalationClient({ endpoint: endpoint(), ...fast, outbox: memoryOutbox(), fetch: spy });
      assert.equal((await client.escalate({ ...input, taskId: 'T-KEEP' })).status, 'sent');
      assert.deepEqual(seen, [true]);
      await client.reportHandled({ taskId: 'T-KEEP', agentId: 'agent-7' }).catch(() => undefined);
      assert.deepEqual(seen, [true, undefined], 'a report is not kept alive');

      page('https://tasks.example.com');
      const other = keepalives();
      const crossOrigin = createEscalationClient({ endpoint: endpoint(), ...fast, outbox: memoryOutbox(), fetch: other.spy });
      assert.equal((await crossOrigin.escalate({ ...input, taskId: 'T-CROSS' })).status, 'sent');
      assert.deepEqual(other.seen, [undefined], 'cross-origin needs a preflight, which not every browser allows keepalive');
    });

    it('is not keepalive when the outbox already holds it (a flush) or the body is large', async () => {
      page(new URL(endpoint()).origin);
      const { seen, spy } = keepalives();
      const outbox = memoryOutbox();
      const down = async () => Promise.reject(new TypeError('fetch failed'));
      const queued = await createEscalationClient({ endpoint: endpoint(), ...fast, retry: 0, outbox, fetch: down }).escalate({
        ...input,
        taskId: 'T-LATER',
      });
      assert.equal(queued.status, 'queued');
      const client = createEscalationClient({ endpoint: endpoint(), ...fast, outbox, fetch: spy });
      assert.deepEqual(await client.flush(), { delivered: 1, remaining: 0 });
      assert.deepEqual(seen, [undefined]);
      const long = { ...input, taskId: 'T-LONG', notes: `${input.notes} ${'x'.repeat(4900)}`.slice(0, 5000) };
      const context = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`key${i}`, 'y'.repeat(500)]));
      assert.equal((await client.escalate({ ...long, context })).status, 'sent');
      assert.deepEqual(seen, [undefined, undefined], 'past 8 KiB: a page shares 64 KiB of keepalive');
    });
  });
});
