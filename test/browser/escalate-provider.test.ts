/**
 * This file deliberately does not import '@escalate-kit/element/define' up front: the first
 * test puts provider and buttons in the page before the elements exist.
 */
import { expect } from '@open-wc/testing';
import type { EscalateButton, EscalateDeliveredEvent, EscalateProvider } from '@escalate-kit/element';
import { createEscalationClient, memoryOutbox, type EscalationInput, type EscalationResult } from '@escalate-kit/sdk';
import { fill, logOf, next, root, scenario, submitButton, text } from './support/element.ts';

const notes = 'Issue: router reboots. Tried: factory reset. Why: needs equipment replacement.';

/** A client stand-in that records what it is asked to send (the provider only needs `escalate`). */
function recordingClient(name: string) {
  const calls: EscalationInput<string>[] = [];
  return {
    name,
    calls,
    async escalate(input: EscalationInput<string>): Promise<EscalationResult> {
      calls.push(input);
      const request = {
        ...input,
        id: input.id!,
        createdAt: input.createdAt!,
        urgency: input.urgency ?? 'standard',
        contact: input.contact ?? {},
      };
      return {
        status: 'sent',
        request,
        receipt: {
          id: request.id,
          taskId: request.taskId,
          status: 'received',
          team: 'account',
          respondBy: new Date().toISOString(),
          duplicate: false,
        },
      };
    },
  };
}

describe('<escalate-provider>', () => {
  let host: HTMLElement;
  before(async () => {
    host = document.createElement('main');
    host.innerHTML = `
      <escalate-provider agent-id="agent-1" agent-email="agent1@example.com" agent-started-on="2025-03-01">
        <ul>
          <li><escalate-button task-id="T-1" customer-email="a@example.com"></escalate-button></li>
          <li><escalate-button task-id="T-2" customer-email="b@example.com"></escalate-button></li>
        </ul>
      </escalate-provider>`;
    document.body.append(host);
    const provider = host.querySelector('escalate-provider')!;
    // Configured before the element is defined: the property must survive the upgrade.
    (provider as unknown as { client: unknown }).client = recordingClient('early');
    expect(customElements.get('escalate-button')).to.equal(undefined);
    await import('@escalate-kit/element/define');
  });
  after(() => host.remove());

  it('gives its client to buttons that were in the page before either element was defined', async () => {
    const [a, b] = host.querySelectorAll('escalate-button');
    for (const el of [a!, b!]) {
      await el.updateComplete;
      expect(root(el).querySelector('button')!.hasAttribute('aria-disabled'), el.taskId).to.equal(false);
    }
    const provider = host.querySelector('escalate-provider')! as EscalateProvider & { client: ReturnType<typeof recordingClient> };
    await b!.open();
    await fill(b!, { category: 'technical', notes, contactMethod: 'email' });
    const success = next(b!, 'escalate-success');
    submitButton(b!).click();
    await success;
    expect(provider.client.calls.map((c) => [c.taskId, c.agent])).to.deep.equal([
      // The agent's e-mail (the loop closes there) and start day (their rate's range) with every escalation.
      ['T-2', { id: 'agent-1', email: 'agent1@example.com', startedOn: '2025-03-01' }],
    ]);
    b!.close();
  });

  it('configures buttons added later, and a new client reaches every button', async () => {
    const provider = host.querySelector('escalate-provider')!;
    const late = document.createElement('escalate-button');
    late.taskId = 'T-3';
    late.customerEmail = 'c@example.com';
    host.querySelector('ul')!.append(late);
    await late.updateComplete;
    const replacement = recordingClient('replacement');
    provider.client = replacement;
    await provider.updateComplete;
    await late.open();
    await fill(late, { category: 'other', notes, contactMethod: 'email' });
    const success = next(late, 'escalate-success');
    submitButton(late).click();
    await success;
    expect(replacement.calls.map((c) => c.taskId)).to.deep.equal(['T-3']);
    late.close();
  });

  it("lets a button's own endpoint, strings and categories override the provider's", async () => {
    const provider = host.querySelector('escalate-provider')!;
    provider.strings = { label: 'Escalate task' };
    provider.categories = [{ id: 'billing', label: 'Billing' }];
    await provider.updateComplete;
    const [a] = host.querySelectorAll('escalate-button') as NodeListOf<EscalateButton>;
    await a!.updateComplete;
    expect(text(root(a!).querySelector('button'))).to.equal('Escalate task');
    a!.strings = { label: 'Mine' };
    const { tag, endpoint } = scenario('ok');
    a!.endpoint = endpoint;
    await a!.updateComplete;
    expect(text(root(a!).querySelector('button'))).to.equal('Mine');
    await a!.open();
    expect(
      [...root(a!).querySelectorAll<HTMLOptionElement>('select[name="category"] option')].filter((o) => o.value).map((o) => o.value),
    ).to.deep.equal(['billing']);
    await fill(a!, { category: 'billing', notes, contactMethod: 'email' });
    const success = next(a!, 'escalate-success');
    submitButton(a!).click();
    await success;
    const log = await logOf(tag);
    expect(log.map((l) => l.status)).to.deep.equal([201], 'sent to its own endpoint, not the provider client');
    expect((log[0]!.body as { agent?: { id: string } }).agent).to.deep.equal({
      id: 'agent-1',
      email: 'agent1@example.com',
      startedOn: '2025-03-01',
    });
  });

  it('sends from every button without its own settings to the provider endpoint', async () => {
    const { tag, endpoint } = scenario('ok');
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<escalate-provider endpoint="${endpoint}">${[1, 2, 3]
      .map((i) => `<escalate-button task-id="P-${i}" customer-email="p${i}@example.com"></escalate-button>`)
      .join('')}</escalate-provider>`;
    document.body.append(wrapper);
    const buttons = [...wrapper.querySelectorAll('escalate-button')];
    for (const el of buttons) {
      await el.updateComplete;
      await el.open();
      await fill(el, { category: 'billing', notes, contactMethod: 'email' });
      const success = next(el, 'escalate-success');
      submitButton(el).click();
      await success;
      el.close();
    }
    expect((await logOf(tag)).map((l) => l.body.taskId)).to.deep.equal(['P-1', 'P-2', 'P-3']);
    wrapper.remove();
  });

  it("re-dispatches its client's deliveries as escalate-delivered, and stops for a client it no longer holds", async () => {
    // The first attempt of every escalation gets a 503: it is queued, and the next flush delivers it.
    const { endpoint } = scenario('fail-1-503');
    const client = createEscalationClient({ endpoint, outbox: memoryOutbox(), retry: 0, flushInterval: 0 });
    const input = { category: 'billing', notes, contactMethod: 'email', contact: { email: 'q@example.com' } } as const;
    /** Queues an escalation, flushes it, and resolves once the client has said it was delivered. */
    const deliver = async (taskId: string) => {
      expect((await client.escalate({ ...input, taskId })).status).to.equal('queued');
      const delivered = new Promise((resolve) => client.addEventListener('delivered', resolve, { once: true }));
      await client.flush();
      await delivered;
    };
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<escalate-provider></escalate-provider>';
    document.body.append(wrapper);
    const provider = wrapper.querySelector('escalate-provider')!;
    provider.client = client;
    await provider.updateComplete;
    const heard: EscalateDeliveredEvent[] = [];
    const hear = (e: EscalateDeliveredEvent) => heard.push(e);
    document.addEventListener('escalate-delivered', hear);
    try {
      await deliver('Q-1');
      expect(heard.map((e) => [e.taskId, e.request.taskId, e.receipt.taskId])).to.deep.equal([['Q-1', 'Q-1', 'Q-1']]);
      expect(heard[0]!.target).to.equal(provider);
      expect(heard[0]!.bubbles && heard[0]!.composed).to.equal(true, 'heard on document, like endpoint-configured buttons');

      provider.client = recordingClient('replacement');
      await provider.updateComplete;
      await deliver('Q-2');
      expect(heard.map((e) => e.taskId)).to.deep.equal(['Q-1'], 'not re-dispatched once the client is replaced');

      provider.client = client;
      await provider.updateComplete;
      wrapper.remove();
      provider.addEventListener('escalate-delivered', hear);
      await deliver('Q-3');
      expect(heard.map((e) => e.taskId)).to.deep.equal(['Q-1'], 'not re-dispatched once the provider is disconnected');
    } finally {
      document.removeEventListener('escalate-delivered', hear);
      client.dispose();
      wrapper.remove();
    }
  });
});
