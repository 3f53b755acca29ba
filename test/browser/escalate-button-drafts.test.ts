/** Nothing typed is lost: drafts per task (across a close and a reload) and the outbox (sent later, said honestly). */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { createEscalationClient, memoryOutbox } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { exampleNotes, field, fill, logOf, mount, next, root, scenario, submitButton, text, type, until } from './support/element.ts';

const notes = exampleNotes;
const button = mount;

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

describe('<escalate-button> drafts and the outbox', () => {
  it('keeps the draft across a close and clears it on success', async () => {
    const el = await button(scenario('ok').endpoint, 'customer-email="pat@example.com"');
    await el.open();
    await fill(el, { category: 'pricing', notes: 'Half-written note on the quote', contactMethod: 'email', urgency: 'urgent' });
    el.close();
    await el.open();
    expect(field<HTMLSelectElement>(el, 'category').value).to.equal('pricing');
    expect(field(el, 'notes').value).to.equal('Half-written note on the quote');
    expect(root(el).querySelector<HTMLInputElement>('input[name="urgency"][value="urgent"]')!.checked).to.equal(true);

    const success = next(el, 'escalate-success');
    submitButton(el).click();
    await success;
    expect(sessionStorage.getItem('escalate-kit:draft:T-1042')).to.equal(null);
    el.close();
    await el.open();
    expect(field(el, 'notes').value).to.equal('', 'a new escalation starts empty');
  });

  it('restores the draft after a reload of the page', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/browser/fixtures/button-page.html';
    document.body.append(frame);
    const loaded = () => new Promise((r) => frame.addEventListener('load', r, { once: true }));
    await loaded();
    const inFrame = async () => {
      const b = await until(() => frame.contentDocument?.querySelector<EscalateButton>('escalate-button'), 'button in frame');
      await until(() => b.shadowRoot?.querySelector('button'), 'button rendered');
      await b.open();
      return b;
    };
    let el = await inFrame();
    type(el, 'notes', 'Typed before the reload');
    await el.updateComplete;
    const reloaded = loaded();
    frame.contentWindow!.location.reload();
    await reloaded;
    el = await inFrame();
    expect(field(el, 'notes').value).to.equal('Typed before the reload');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Your earlier notes for this task were restored.');
    frame.remove();
  });

  it('sends what was queued from the next page load by itself, and tells the page (escalate-delivered)', async function () {
    this.timeout(20_000);
    const { tag, endpoint } = scenario('down');
    const frame = document.createElement('iframe');
    frame.src = `/test/browser/fixtures/button-page.html?endpoint=${encodeURIComponent(endpoint)}`;
    document.body.append(frame);
    const loaded = () => new Promise((r) => frame.addEventListener('load', r, { once: true }));
    await loaded();
    const b = await until(() => frame.contentDocument?.querySelector<EscalateButton>('escalate-button'), 'button in frame');
    await until(() => b.shadowRoot?.querySelector('button'), 'button rendered');
    b.customerEmail = 'pat@example.com';
    await b.open();
    await fill(b, { category: 'technical', notes, contactMethod: 'email' });
    const queued = next(b, 'escalate-queued');
    submitButton(b).click();
    await queued;

    await fetch(`/scenario-control/up/${tag}`, { method: 'POST' });
    const reloaded = loaded();
    frame.contentWindow!.location.reload();
    await reloaded;
    // Nobody opens a dialog on the new page: the idle warm-up alone must send it.
    const delivered = await until(
      () =>
        (frame.contentWindow as unknown as { delivered?: string[] }).delivered?.length &&
        (frame.contentWindow as unknown as { delivered: string[] }).delivered,
      'escalate-delivered',
      10_000,
    );
    expect(delivered).to.deep.equal(['T-RELOAD']);
    const stored = (await logOf(tag)).filter((l) => l.status === 201);
    expect(stored).to.have.length(1);
    frame.remove();
  });

  it('says honestly that an escalation is queued when the service cannot be reached', async () => {
    const { endpoint } = scenario('down');
    const el = await button(endpoint, 'customer-email="pat@example.com"');
    el.client = createEscalationClient({ endpoint, retry: 0, outbox: memoryOutbox(), flushInterval: 0 });
    await el.open();
    await fill(el, { category: 'technical', notes, contactMethod: 'email' });
    const queued = next(el, 'escalate-queued');
    submitButton(el).click();
    expect((await queued).reason).to.equal('network');
    await el.updateComplete;
    const result = text(root(el).querySelector('[part="result"]'));
    expect(result).to.contain('Saved, not sent yet');
    expect(result).to.contain('will be sent automatically');
    expect(result).not.to.contain('Escalated to the Account Team');
    expect(sessionStorage.getItem('escalate-kit:draft:T-1042')).to.equal(null, 'the outbox has it now');
  });

  it('shows a queued escalation as queued when reopened, never as a new one to send again', async () => {
    const { tag, endpoint } = scenario('down');
    const el = await button(endpoint, 'customer-email="pat@example.com"');
    el.client = createEscalationClient({ endpoint, retry: 0, outbox: memoryOutbox(), flushInterval: 0 });
    await el.open();
    await fill(el, { category: 'technical', notes, contactMethod: 'email' });
    const queued = next(el, 'escalate-queued');
    submitButton(el).click();
    await queued;
    el.close();
    await el.open();
    expect(text(root(el).querySelector('[part="result"] h3'))).to.equal('Saved, not sent yet');
    expect(root(el).querySelector('form')).to.equal(null);
    // (Chromium may itself retry a POST whose connection was reset: count escalations, not requests.)
    expect(new Set((await logOf(tag)).map((l) => l.idempotencyKey)).size).to.equal(1, 'no second escalation');
  });
});
