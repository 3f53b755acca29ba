/**
 * Suspected fraud (docs/policy.md#fraud): urgent and fixed, no script for the caller, only a
 * contact method the account already has, and what to do instead once it is sent.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { escalationReference } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import {
  deepActive,
  exampleNotes,
  field,
  fill,
  logOf,
  mount,
  next,
  root,
  scenario,
  submitButton,
  text,
  toggle,
} from './support/element.ts';
import { press } from './support/pointer.ts';

const button = mount;
const notes = exampleNotes;
const radio = (el: EscalateButton, name: string, value: string) =>
  root(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
});

describe('suspected fraud', () => {
  it('a fraud case is urgent, shown as fixed with the reason, and sent as urgent', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'customer-email="ana@example.com"');
    el.signals = { fraudSuspected: true };
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    const urgent = radio(el, 'urgency', 'urgent');
    const standard = radio(el, 'urgency', 'standard');
    expect(urgent.checked, 'urgent is checked').to.equal(true);
    expect(urgent.disabled && standard.disabled, 'and cannot be changed').to.equal(true);
    const fixed = root(el).getElementById('urgency-fixed')!;
    expect(text(fixed)).to.match(/Urgent \(same day\).*fraud/i);
    expect(urgent.closest('fieldset')!.getAttribute('aria-describedby')).to.equal('urgency-fixed');
    // The agent tries to pick Standard anyway.
    await press(standard.closest('label')!);
    expect(urgent.checked).to.equal(true);

    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    await success;
    const [sent] = await logOf(tag);
    expect(sent!.body.urgency).to.equal('urgent');
    expect(sent!.body.signals).to.deep.equal({ fraudSuspected: true });
    expect(text(root(el).querySelector('[part="result"]'))).to.contain('Suspected fraud: do not tell the caller');
  });

  it('hides the customer script when the policy forbids one (suspected fraud)', async () => {
    const el = await button(scenario('ok').endpoint, 'customer-email="pat@example.com"');
    el.signals = { fraudSuspected: true };
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    expect(text(root(el).querySelector('[part="policy"]'))).to.contain('Must be escalated');
    const success = next(el, 'escalate-success');
    submitButton(el).click();
    await success;
    await el.updateComplete;
    const result = text(root(el).querySelector('[part="result"]'));
    expect(result).to.contain('do not tell the caller');
    expect(result).not.to.contain("I'm escalating this to our account team");
  });

  it('offers no field for a new phone or e-mail, and refuses a method the account has no address for, saying so', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'customer-phone="+1 555 0100 123"');
    el.signals = { fraudSuspected: true };
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    const method = root(el).querySelector('[part~="field-contact-method"]')!;
    expect(field(el, 'email'), 'no e-mail field').to.equal(null);
    expect(text(root(el).getElementById('contactMethod-error')), 'said at once').to.equal(
      'Suspected fraud: use a contact method the account already has.',
    );
    expect(method.getAttribute('aria-invalid')).to.equal('true');
    await press(submitButton(el));
    await el.updateComplete;
    expect(await logOf(tag), 'nothing sent').to.have.length(0);
    expect((deepActive() as HTMLInputElement).name).to.equal('contactMethod');

    // The account's phone is a known contact: calling is fine.
    await press(radio(el, 'contactMethod', 'call').closest('label')!);
    await el.updateComplete;
    expect(text(root(el).querySelector('[part~="field-contact"]'))).to.equal('Using +1 555 0100 123');
    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    await success;
    expect((await logOf(tag))[0]!.body.contact).to.deep.equal({ phone: '+1 555 0100 123' });
  });

  it('drops a phone the agent typed once the agent flags possible fraud', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint);
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'call', phone: '+1 555 0199 999' });
    expect(field(el, 'phone').value).to.equal('+1 555 0199 999');
    await press(toggle(el, 'fraudSuspected').closest('label')!);
    await el.updateComplete;
    expect(field(el, 'phone'), 'the field is gone').to.equal(null);
    expect(radio(el, 'urgency', 'urgent').checked, 'and it is urgent now').to.equal(true);
    await press(submitButton(el));
    await el.updateComplete;
    expect(text(root(el).getElementById('contactMethod-error'))).to.equal('Suspected fraud: use a contact method the account already has.');
    expect(await logOf(tag)).to.have.length(0);
  });

  it('says after success what to do instead of the script, and keeps the reference from the caller', async () => {
    const el = await button(scenario('ok').endpoint, 'customer-email="ana@example.com"');
    el.signals = { fraudSuspected: true };
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    const { receipt } = await success;
    await el.updateComplete;
    const result = text(root(el).querySelector('[part="result"]'));
    expect(result).to.contain('End the interaction politely, without giving any information about the account or this escalation.');
    expect(result).to.contain('will contact the customer through a contact method the account already has.');
    expect(result).to.contain(`Reference, for your records only: don't give it to the caller: ${escalationReference(receipt.id)}`);
    expect(result).not.to.contain('Reference to give the customer');
  });
});
