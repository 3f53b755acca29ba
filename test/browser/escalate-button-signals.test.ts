/**
 * What the agent knows about the case: the toggles (native checkboxes in a fieldset, by keyboard),
 * the credit or refund and its currency, the two optional lines, and how all of it is preset by
 * the host, kept in the draft and sent.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys } from '@web/test-runner-commands';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { deepActive, field, fill, logOf, mount, next, root, scenario, submitButton, text, toggle, type } from './support/element.ts';
import { press } from './support/pointer.ts';

/** A note that mentions none of the policy's phrases, so no suggestion gets in the way. */
const plainNotes = 'Issue: second invoice this month. Tried: checked the account history. Why: needs a billing review.';

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
});

async function sent(tag: string) {
  const [logged] = await logOf(tag);
  return logged!.body as { signals?: Record<string, unknown>; customerRequest?: string; recommendation?: string };
}

/** Picks credit or refund in the select, as a person's choice does (`change`). */
async function chooseAmount(el: EscalateButton, kind: 'credit' | 'refund') {
  type(el, 'amountKind', kind);
  await el.updateComplete;
}

async function submitAndWait(el: EscalateButton) {
  const success = next(el, 'escalate-success');
  await press(submitButton(el));
  return success;
}

describe('what the agent knows: the toggles', () => {
  it('are reached with Tab, set and cleared with Space, and what is set is sent in signals', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await mount(endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes: plainNotes, contactMethod: 'email' });
    field(el, 'notes').focus();

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(toggle(el, 'managerRequested'), 'the first toggle follows the note');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(toggle(el, 'legalThreat'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(toggle(el, 'upset'));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle(el, 'managerRequested').checked).to.equal(true);
    expect(toggle(el, 'legalThreat').checked).to.equal(false);
    expect(toggle(el, 'upset').checked).to.equal(true);

    await submitAndWait(el);
    expect((await sent(tag)).signals).to.deep.equal({ managerRequested: true, upset: true });
  });

  it('are checkboxes in a group named by its legend, each labelled, the fraud one described by its red flags', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    const nodes = await executeServerCommand<{ role: string; name: string }[], undefined>('ax-tree');
    expect(nodes.some((n) => n.role === 'group' && n.name === 'What you know about the case')).to.equal(true);
    const boxes = nodes.filter((n) => n.role === 'checkbox').map((n) => n.name);
    expect(boxes).to.deep.equal([
      'Asks for a manager',
      'Threatens legal action, a regulator or the BBB',
      'Upset or angry',
      'Possible fraud',
      'Wants to cancel',
      'VIP',
      'Several customers affected',
      'Troubleshooting exhausted',
      "I don't know the answer",
    ]);
    const hint = root(el).getElementById(toggle(el, 'fraudSuspected').getAttribute('aria-describedby')!);
    expect(text(hint)).to.match(/can't verify their identity.*account changed recently.*charges they didn't make.*SIM swap or port-out/);
  });

  it("start from the host's signals, and what the agent changes is kept in the draft and restored", async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await mount(endpoint, 'customer-email="ana@example.com"');
    el.signals = { vip: true, refund: 150 };
    await el.open();
    expect(toggle(el, 'vip').checked, 'preset by the host').to.equal(true);
    expect(field<HTMLSelectElement>(el, 'amountKind').value).to.equal('refund');
    expect(field(el, 'amount').value).to.equal('150');

    await press(toggle(el, 'vip').closest('label')!);
    await press(toggle(el, 'cancellation').closest('label')!);
    await fill(el, { category: 'billing', notes: plainNotes, contactMethod: 'email' });
    el.close();
    await el.open();
    expect(toggle(el, 'vip').checked, 'the agent cleared it').to.equal(false);
    expect(toggle(el, 'cancellation').checked).to.equal(true);
    expect(JSON.parse(sessionStorage.getItem('escalate-kit:draft:T-1042')!).flags).to.deep.equal({ vip: false, cancellation: true });

    await submitAndWait(el);
    expect((await sent(tag)).signals).to.deep.equal({ cancellation: true, refund: 150, currency: 'USD' });
  });
});

describe('what the agent knows: the credit or refund', () => {
  it("is sent in the provider's currency, or the button's own", async () => {
    const { tag, endpoint } = scenario('ok');
    const holder = await fixture(
      `<escalate-provider currency="EUR"><escalate-button task-id="T-5" endpoint="${endpoint}" customer-email="ana@example.com"></escalate-button></escalate-provider>`,
    );
    const el = holder.querySelector('escalate-button')!;
    await el.open();
    await fill(el, { category: 'billing', notes: plainNotes, contactMethod: 'email' });
    await chooseAmount(el, 'credit');
    expect(text(root(el).querySelector('label[for="amount"]'))).to.equal('Amount (EUR)');
    field(el, 'amount').focus();
    await sendKeys({ type: '60,50' });
    await submitAndWait(el);
    expect((await sent(tag)).signals).to.deep.equal({ credit: 60.5, currency: 'EUR' });

    el.currency = 'gbp';
    el.close();
    await el.updateComplete;
    await el.open();
    await chooseAmount(el, 'refund');
    expect(text(root(el).querySelector('label[for="amount"]'))).to.equal('Amount (GBP)');
  });

  it('refuses an amount that is not plain digits, says how to write it, and sends nothing', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await mount(endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes: plainNotes, contactMethod: 'email' });
    await chooseAmount(el, 'credit');
    expect(root(el).getElementById('amount-error'), 'no error before the agent has typed').to.equal(null);
    await press(submitButton(el));
    await el.updateComplete;
    expect(text(root(el).getElementById('amount-error'))).to.equal('Enter the amount the customer asks for.');
    expect(deepActive()).to.equal(field(el, 'amount'));
    await sendKeys({ type: '1,250' });
    await press(submitButton(el));
    await el.updateComplete;
    expect(text(root(el).getElementById('amount-error'))).to.equal('Write the amount in digits, e.g. 120.50.');
    expect(field(el, 'amount').getAttribute('aria-invalid')).to.equal('true');
    expect(await logOf(tag)).to.have.length(0);
  });
});

describe('what the customer wants, and the recommendation', () => {
  it('are sent one line each, trimmed, and left out when empty', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await mount(endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes: plainNotes, contactMethod: 'email' });
    field(el, 'customerRequest').focus();
    await sendKeys({ type: '  A refund of the second invoice ' });
    await submitAndWait(el);
    const body = await sent(tag);
    expect(body.customerRequest).to.equal('A refund of the second invoice');
    expect(body).not.to.have.property('recommendation');
    expect(body).not.to.have.property('signals');
  });
});
