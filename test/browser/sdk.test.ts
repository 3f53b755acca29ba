import { expect } from '@open-wc/testing';
import {
  createEscalationClient,
  type EscalationClient,
  type EscalationClientEventMap,
  type EscalationInput,
  type EscalationResult,
} from '@escalate-kit/sdk';

const oneEvent = <K extends keyof EscalationClientEventMap>(client: EscalationClient, type: K) =>
  new Promise<EscalationClientEventMap[K]>((resolve) => client.addEventListener(type, resolve, { once: true }));

const input: EscalationInput = {
  taskId: 'T-1042',
  category: 'billing',
  notes: 'Issue: Customer disputing $450 charge. Tried: Explained policy. Why: threatening BBB.',
  contactMethod: 'call',
  contact: { phone: '+1 555 0100 123' },
};

interface Logged {
  idempotencyKey: string;
  status: number;
  body: { taskId: string };
}
let n = 0;
const tagged = (name: string) => {
  const tag = `b${Date.now()}-${++n}`;
  return { tag, endpoint: `/scenario/${name}~${tag}/escalations` };
};
const logOf = async (tag: string): Promise<Logged[]> => (await fetch(`/scenario-log?tag=${tag}`)).json();
/**
 * Chromium's own offline emulation (DevTools) also cuts the test runner's connection, so the
 * browser's side of "offline" is reproduced here: `navigator.onLine` and the `offline`/`online`
 * events. The network side is real: the endpoint drops every connection until it is brought up.
 */
function setOffline(offline: boolean) {
  if (offline) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else delete (navigator as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
}

function pageMessages() {
  const messages: Record<string, unknown>[] = [];
  const listener = (e: MessageEvent) => {
    if (e.data?.source === 'outbox-page') messages.push(e.data);
  };
  window.addEventListener('message', listener);
  return {
    messages,
    async waitFor(type: string) {
      for (let i = 0; i < 200; i++) {
        const found = messages.find((m) => m.type === type);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no ${type} message; got ${JSON.stringify(messages)}`);
    },
    stop: () => window.removeEventListener('message', listener),
  };
}

function loadPage(query: Record<string, string>) {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/fixtures/outbox-page.html?${new URLSearchParams(query)}`;
  document.body.append(frame);
  return frame;
}

describe('SDK in Chromium', () => {
  afterEach(() => setOffline(false));

  it('posts to a relative endpoint and resolves with the receipt', async () => {
    const { tag, endpoint } = tagged('ok');
    const client = createEscalationClient({ endpoint, flushInterval: 0 });
    const success = oneEvent(client, 'success');
    const result = await client.escalate(input);
    expect(result.status).to.equal('sent');
    expect((await success).receipt.taskId).to.equal('T-1042');
    const log = await logOf(tag);
    expect(log.map((l) => l.status)).to.deep.equal([201]);
    expect(log[0]!.idempotencyKey).to.equal(result.request.id);
    client.dispose();
  });

  it('sends one request when escalate is called twice for the same pending input (double click)', async () => {
    const { tag, endpoint } = tagged('slow-150');
    const client = createEscalationClient({ endpoint, flushInterval: 0 });
    const [a, b] = await Promise.all([client.escalate(input), client.escalate(input)]);
    expect(a).to.equal(b);
    expect(await logOf(tag)).to.have.length(1);
    client.dispose();
  });

  it('queues while offline, then delivers exactly once when the browser is back online', async () => {
    const { tag, endpoint } = tagged('down');
    const client = createEscalationClient({ endpoint, flushInterval: 0 });
    setOffline(true);
    expect(navigator.onLine).to.equal(false);
    const queued = oneEvent(client, 'queued');
    const result: EscalationResult = await client.escalate({ ...input, taskId: 'T-OFF' });
    expect(result.status).to.equal('queued');
    expect((await queued).reason).to.equal('offline');
    expect((await client.pending()).map((e) => e.id)).to.deep.equal([result.request.id]);
    expect(await logOf(tag)).to.have.length(0);

    const delivered: string[] = [];
    client.addEventListener('delivered', (e) => delivered.push(e.request.id));
    const first = oneEvent(client, 'delivered');
    await fetch(`/scenario-control/up/${tag}`, { method: 'POST' });
    setOffline(false); // the client flushes on `online`
    await first;
    await client.flush(); // a second flush must not send it again
    const log = await logOf(tag);
    expect(log.map((l) => l.status)).to.deep.equal([201]);
    expect(log[0]!.idempotencyKey).to.equal(result.request.id);
    expect(delivered).to.deep.equal([result.request.id]);
    expect(await client.pending()).to.deep.equal([]);
    client.dispose();
  });

  it('keeps a queued escalation across a page load and sends it from the next page, once', async () => {
    const { tag } = tagged('down');
    const endpoint = `${location.origin}/scenario/down~${tag}/escalations`;
    const taskId = `T-RELOAD-${tag}`;
    const pages = pageMessages();

    const first = loadPage({ mode: 'queue', endpoint, taskId });
    const result = await pages.waitFor('result');
    expect(result.status).to.equal('queued');
    first.remove(); // the page is gone; only the outbox remembers

    await fetch(`/scenario-control/up/${tag}`, { method: 'POST' });
    const second = loadPage({ mode: 'load', endpoint });
    const delivered = await pages.waitFor('delivered');
    expect(delivered.id).to.equal(result.id);
    expect(delivered.taskId).to.equal(taskId);
    second.remove();
    pages.stop();

    const stored = (await logOf(tag)).filter((l) => l.status === 201);
    expect(stored.map((l) => l.idempotencyKey)).to.deep.equal([result.id]);
    const client = createEscalationClient({ endpoint, flushInterval: 0 });
    expect(await client.pending()).to.deep.equal([]);
    client.dispose();
  });

  it("sends from an open tab what a closed tab's send left in the outbox, at once", async () => {
    // The closed page's request is held by the server; a second request under its key is answered at once.
    const { tag, endpoint: path } = tagged('slowfirst-30000');
    const endpoint = `${location.origin}${path}`;
    const taskId = `T-CLOSED-${tag}`;
    // This page's client: no retry timer (flushInterval 0) and nothing failing, so only the word of the closed page makes it flush.
    const client = createEscalationClient({ endpoint, flushInterval: 0 });
    await client.flush();
    const delivered = oneEvent(client, 'delivered');
    const pages = pageMessages();
    const other = loadPage({ mode: 'send', endpoint, taskId });
    const { id } = await pages.waitFor('sending');
    other.remove(); // the tab is closed mid-send
    pages.stop();
    const event = await delivered;
    expect(event.request.id).to.equal(id);
    expect(event.request.taskId).to.equal(taskId);
    expect(await client.pending()).to.deep.equal([]);
    client.dispose();
  });
  it('sends again, kept alive, what a page closed mid-send had on the wire: stored with no other page open', async () => {
    // The first request per key is held 30 s (and cut off with the page); the second is answered at once.
    const { tag } = tagged('slowfirst-30000');
    const endpoint = `${location.origin}/scenario/slowfirst-30000~${tag}/escalations`;
    const pages = pageMessages();
    const other = loadPage({ mode: 'send', endpoint, taskId: `T-GONE-${tag}` });
    const { id } = await pages.waitFor('sending');
    // On the wire, not only queued: the server has the first request.
    for (let i = 0; i < 200 && !(await logOf(tag)).length; i++) await new Promise((r) => setTimeout(r, 25));
    other.remove(); // the page goes, and no page of this endpoint is left to flush
    pages.stop();
    let log: Logged[] = [];
    for (let i = 0; i < 200 && !log.some((l) => l.status === 201); i++) {
      await new Promise((r) => setTimeout(r, 25));
      log = await logOf(tag);
    }
    expect(log.map((l) => l.idempotencyKey)).to.deep.equal([id, id]);
    expect(log.map((l) => l.status)).to.deep.equal([0, 201], 'the held request never answered; the one sent as the page went, stored');
  });
});
