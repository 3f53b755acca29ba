/**
 * A queued escalation the outbox gives up on (the server keeps failing on it: a poisoned
 * request) is said honestly in the dialog that showed it as queued, with everything typed still
 * in the form to edit and send again; it is never "queued" forever.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { createEscalationClient, memoryOutbox, type EscalationClient } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { exampleNotes, field, fill, next, root, scenario, submitButton, text, until } from './support/element.ts';

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

describe('a queued escalation the outbox gives up on', () => {
  it('turns "queued" into an honest failure, keeps what was typed, and tells the page', async () => {
    const { endpoint } = scenario('status-500');
    const client = createEscalationClient({ endpoint, retry: 0, flushInterval: 0, outbox: memoryOutbox(), giveUp: { serverErrors: 2 } });
    const holder = await fixture(
      `<div><escalate-provider><escalate-button task-id="T-POISON" customer-email="ana@example.com"></escalate-button></escalate-provider></div>`,
    );
    const provider = holder.querySelector('escalate-provider')!;
    provider.client = client as EscalationClient<string>;
    const el = holder.querySelector<EscalateButton>('escalate-button')!;
    await el.updateComplete;
    await el.open();
    await fill(el, { category: 'billing', notes: exampleNotes, contactMethod: 'email' });
    const queued = next(el, 'escalate-queued');
    submitButton(el).click();
    await queued;
    await until(() => root(el).querySelector('[part="result"].queued'), 'the queued panel');

    const failed = next(document, 'escalate-error');
    await client.flush();
    const event = await failed;
    expect(event.taskId).to.equal('T-POISON');
    const panel = await until(() => root(el).querySelector('[part="result"][role="alert"]'), 'the failure');
    expect(text(panel)).to.contain('keeps failing on it');
    expect(text(panel)).to.contain('500');
    expect(root(el).querySelector('[data-retry]'), 'a way to send it again').to.not.equal(null);
    expect(field(el, 'notes').value, 'nothing typed is lost').to.equal(exampleNotes);
    const [entry] = await client.pending();
    expect(entry?.failed).to.equal(true);
    client.dispose();
  });
});
