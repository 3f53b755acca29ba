/** Suspected fraud (docs/policy.md#fraud): urgent and fixed, and no script for the caller. */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { exampleNotes, fill, logOf, mount, next, root, scenario, submitButton, text } from './support/element.ts';
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
});
