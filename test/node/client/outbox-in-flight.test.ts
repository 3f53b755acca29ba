/**
 * The outbox holds an escalation from before its first attempt: a page closed or reloaded
 * mid-send (the faults suite, test/node/reliability/faults.test.ts, lost one that way) leaves it
 * for the next page load, which sends it under the same key.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEscalationClient, escalationRequestSchema, memoryOutbox } from '@escalate-kit/sdk';
import { fast, input, record, scenarioServer } from './support.ts';

const server = scenarioServer();

/** A fetch that never answers: the request is on the wire when the page goes away. */
const onTheWire = () => new Promise<Response>(() => undefined);

/** A page that sends `taskId` and goes away with the request unanswered: its entry stays in `outbox`. */
async function closedMidSend(endpoint: string, outbox: ReturnType<typeof memoryOutbox>, taskId: string) {
  const closed = createEscalationClient({ endpoint, ...fast, outbox, fetch: onTheWire });
  void closed.escalate({ ...input, taskId });
  await new Promise((r) => setImmediate(r));
  closed.dispose();
}

/** The client removes an answered entry in a task of its own, after its caller has resumed. */
const removed = () => new Promise((r) => setTimeout(r, 5));

/** A fetch that holds every request until `release()`, then sends it. */
function heldFetch() {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let calls = 0;
  const fetchHeld = async (req: RequestInfo | URL, init?: RequestInit) => {
    calls++;
    await held;
    return fetch(req, init);
  };
  return { fetch: fetchHeld, release: () => release(), calls: () => calls };
}

describe('outbox: an escalation on the wire', () => {
  it('is in the outbox while it is sent, so a page closed mid-send leaves it for the next load', async () => {
    const outbox = memoryOutbox();
    const endpoint = server.endpoint('ok', 'in-flight');
    // The page goes away with the request unanswered; the outbox (IndexedDB in a browser) stays.
    await closedMidSend(endpoint, outbox, 'T-WIRE');
    const [entry] = await outbox.list();
    assert.equal(entry?.request.taskId, 'T-WIRE');

    const next = createEscalationClient({ endpoint, ...fast, outbox });
    const events = record(next, 'delivered');
    assert.deepEqual(await next.flush(), { delivered: 1, remaining: 0 });
    assert.equal(events[0]?.event.request.id, entry!.id);
    assert.equal(server.storedCount(entry!.id), 1);
    assert.deepEqual(await outbox.list(), []);
  });

  it('tells the host of a delivery from the outbox before removing the entry, so a page closed between the two never hides it', async () => {
    const outbox = memoryOutbox();
    const endpoint = server.endpoint('ok', 'told-first');
    await closedMidSend(endpoint, outbox, 'T-TOLD');
    const next = createEscalationClient({ endpoint, ...fast, outbox });
    const stillThere: boolean[] = [];
    // Synchronously, as a page's listener runs: the entry is still in the outbox when the host hears.
    next.addEventListener('delivered', (e) => void outbox.list().then((l) => stillThere.push(l.some((x) => x.id === e.request.id))));
    assert.deepEqual(await next.flush(), { delivered: 1, remaining: 0 });
    assert.deepEqual(stillThere, [true]);
    assert.deepEqual(await outbox.list(), []);
  });

  it('is not sent twice by its own client: a flush during the send leaves it to the send', async () => {
    const outbox = memoryOutbox();
    const held = heldFetch();
    const client = createEscalationClient({ endpoint: server.endpoint('ok', 'own-flush'), ...fast, outbox, fetch: held.fetch });
    const sending = client.escalate({ ...input, taskId: 'T-OWN' });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(await client.flush(), { delivered: 0, remaining: 0 });
    held.release();
    assert.equal((await sending).status, 'sent');
    assert.deepEqual(await client.pending(), [], 'not pending once the receipt came');
    assert.deepEqual(await client.flush(), { delivered: 0, remaining: 0 }, 'nor sent again while its entry is being removed');
    assert.equal(held.calls(), 1);
    await removed();
    assert.deepEqual(await outbox.list(), [], 'gone once the receipt came (removed after the host was told)');
  });

  it('sends what was queued during a flush in a further pass, when a flush is asked for meanwhile', async () => {
    const outbox = memoryOutbox();
    const endpoint = server.endpoint('ok', 'queued-meanwhile');
    // Two escalations another page left, the second written while this client's pass is under way.
    const left = (taskId: string) => {
      const request = escalationRequestSchema.parse({ ...input, taskId, id: crypto.randomUUID(), createdAt: new Date().toISOString() });
      return { id: request.id, endpoint: new URL(endpoint).href, request, queuedAt: Date.now(), attempts: 0 };
    };
    const [a, b] = [left('T-FIRST'), left('T-MEANWHILE')];
    await outbox.put(a);
    const held = heldFetch();
    const client = createEscalationClient({ endpoint, ...fast, outbox, fetch: held.fetch });
    const events = record(client, 'delivered');
    const first = client.flush();
    await new Promise((r) => setImmediate(r));
    await outbox.put(b);
    const second = client.flush();
    held.release();
    assert.deepEqual(await first, { delivered: 1, remaining: 0 }, 'the pass under way sends what it listed');
    assert.deepEqual(await second, { delivered: 1, remaining: 0 }, 'the pass asked for meanwhile sends the rest');
    assert.deepEqual(
      events.map((e) => e.event.request.taskId),
      ['T-FIRST', 'T-MEANWHILE'],
    );
    assert.deepEqual(await outbox.list(), []);
    client.dispose();
  });

  it('leaves the outbox on a final answer, which the caller is told of', async () => {
    const outbox = memoryOutbox();
    const client = createEscalationClient({ endpoint: server.endpoint('status-400', 'final'), ...fast, outbox });
    await assert.rejects(client.escalate({ ...input, taskId: 'T-FINAL' }), { status: 400 });
    assert.deepEqual(await client.pending(), []);
    await removed();
    assert.deepEqual(await outbox.list(), []);
  });
});
