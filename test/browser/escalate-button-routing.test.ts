/**
 * The live routing line before submit: where the case goes, how fast and why, as toggles and the
 * category change; the procedures' "you may handle this yourself" line, which never blocks; and
 * the help around the form (closest category, the support line).
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { field, fill, logOf, mount, next, root, routingLine, scenario, submitButton, text, toggle, type } from './support/element.ts';
import { press } from './support/pointer.ts';

const plainNotes = 'Issue: second invoice this month. Tried: checked the account history. Why: needs a billing review.';

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
});

const reasons = (el: EscalateButton) => [...root(el).querySelectorAll('[part="policy"] .reasons li')].map((li) => text(li));

describe('the routing line', () => {
  it('for a legal threat: must be escalated, to Legal / Compliance, level 2, high priority, within 4 hours, and why', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    await fill(el, { category: 'billing' });
    await press(toggle(el, 'legalThreat').closest('label')!);
    await el.updateComplete;
    expect(routingLine(el)).to.equal('Must be escalated · Legal / Compliance Team · level 2 · high priority · respond within 4 hours');
    expect(reasons(el)).to.deep.equal(['Legal, BBB or regulatory threats go to legal / compliance']);
    expect(submitButton(el).getAttribute('aria-describedby'), 'read with the submit button').to.equal('routing-line');
  });

  it('for a complaint: mandatory, said by the rule itself', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    expect(root(el).getElementById('routing-line'), 'no line before a category').to.equal(null);
    await fill(el, { category: 'complaint' });
    expect(routingLine(el)).to.equal('Must be escalated · Account Team · medium priority · respond within 24 hours');
    expect(reasons(el)).to.deep.equal(['All complaint tasks must be escalated']);
  });

  it('for a refund over $100: to the Billing Team, whatever the category', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    await fill(el, { category: 'other' });
    type(el, 'amountKind', 'refund');
    await el.updateComplete;
    field(el, 'amount').focus();
    await sendKeys({ type: '150' });
    await el.updateComplete;
    expect(routingLine(el)).to.equal('Must be escalated · Billing Team · medium priority · respond by the end of 3 business days from now');
    expect(reasons(el)).to.deep.equal(['Refund of $150 is over $100, so it goes to the Billing Team']);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(routingLine(el), 'a $1 refund is within the limit').to.equal(
      'Account Team · medium priority · respond by the end of 3 business days from now',
    );
  });

  it('follows a toggle as it changes, by keyboard', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    await fill(el, { category: 'complaint' });
    toggle(el, 'managerRequested').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(routingLine(el)).to.equal('Must be escalated · Account Team · level 1 · medium priority · respond within 30 minutes');
    expect(reasons(el)).to.deep.equal(['All complaint tasks must be escalated', 'Customer asked for a manager']);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(routingLine(el)).to.equal('Must be escalated · Account Team · medium priority · respond within 24 hours');
  });
});

describe('when not to escalate', () => {
  it('says so in one line when only "upset" is set, keeps "no trouble for escalating", and does not block the submit', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await mount(endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'other', notes: plainNotes, contactMethod: 'email' });
    await press(toggle(el, 'upset').closest('label')!);
    await el.updateComplete;
    const advice = root(el).querySelector('[part="advice"]');
    expect(text(advice)).to.equal(
      'An angry customer does not always need escalating: if the issue is within your authority, you can resolve it yourself.',
    );
    expect(text(root(el).querySelector('form > p'))).to.equal("You won't get in trouble for escalating! That's exactly what it's for.");

    type(el, 'category', 'complaint');
    await el.updateComplete;
    expect(root(el).querySelector('[part="advice"]'), 'a complaint must be escalated').to.equal(null);
    type(el, 'category', 'other');
    await el.updateComplete;

    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    await success;
    expect((await logOf(tag))[0]!.body.signals).to.deep.equal({ upset: true });
  });
});

describe('help around the form', () => {
  it('says "Not sure? Pick the closest match." under Category, as part of its description', async () => {
    const el = await mount(scenario('ok').endpoint);
    await el.open();
    const unsure = root(el).getElementById('category-unsure')!;
    expect(text(unsure)).to.equal('Not sure? Pick the closest match.');
    expect(field(el, 'category').getAttribute('aria-describedby')).to.contain('category-unsure');
  });

  it('gives the support line from the button, else the provider, else the procedures (555-1234)', async () => {
    const stuck = (el: EscalateButton) => text(root(el).querySelector('.stuck'));
    let el = await mount(scenario('ok').endpoint);
    await el.open();
    expect(stuck(el)).to.equal('Still stuck? Ask your supervisor or call support: 555-1234');
    fixtureCleanup();

    const holder = await fixture(
      `<escalate-provider support-phone="+44 20 7946 0000"><escalate-button task-id="T-7" endpoint="${scenario('ok').endpoint}"></escalate-button><escalate-button task-id="T-8" support-phone="555-9999" endpoint="${scenario('ok').endpoint}"></escalate-button></escalate-provider>`,
    );
    const [fromProvider, own] = [...holder.querySelectorAll('escalate-button')];
    el = fromProvider!;
    await el.open();
    expect(stuck(el)).to.equal('Still stuck? Ask your supervisor or call support: +44 20 7946 0000');
    el.close();
    await own!.open();
    expect(stuck(own!)).to.equal('Still stuck? Ask your supervisor or call support: 555-9999');
  });
});
