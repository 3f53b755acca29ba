/**
 * After a successful submit: the reference to give the customer, the team it went to, the
 * respond-by time in the agent's own time, honest words about the team's e-mail ("notified" only
 * when the receipt says `sent`), and a script that names the team and its timeline.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { escalationReference } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { es } from '@escalate-kit/element/strings/es';
import { exampleNotes, fill, mount, next, root, scenario, submitButton, text } from './support/element.ts';
import { press } from './support/pointer.ts';

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
});

const when: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };

async function escalate(endpoint: string, values: { category: string; urgency?: string }, prepare?: (el: EscalateButton) => void) {
  const el = await mount(endpoint, 'customer-email="ana@example.com"');
  prepare?.(el);
  await el.open();
  await fill(el, { notes: exampleNotes, contactMethod: 'email', ...values });
  const success = next(el, 'escalate-success');
  await press(submitButton(el));
  const { receipt } = await success;
  await el.updateComplete;
  return { el, receipt, result: text(root(el).querySelector('[part="result"]')) };
}

describe('the success panel', () => {
  it('gives the reference, the team it went to and the respond-by time in local time', async () => {
    const { el, receipt, result } = await escalate(scenario('ok').endpoint, { category: 'billing' });
    expect(result).to.contain(`Reference to give the customer: ${escalationReference(receipt.id)}`);
    expect(receipt.team).to.equal('billing');
    expect(result).to.contain('Sent to the Billing Team.');
    const time = root(el).querySelector('[part="result"] time')!;
    expect(time.getAttribute('datetime')).to.equal(receipt.respondBy);
    expect(text(time)).to.equal(new Intl.DateTimeFormat('en', when).format(new Date(receipt.respondBy)));
    expect(result).to.contain(`They must answer by ${text(time)}`);
  });

  it('says the e-mail is on its way until the receipt says it was sent: "notified" only then', async () => {
    const pending = await escalate('/receipt/pending/escalations', { category: 'billing' });
    expect(pending.result).to.contain('Stored: the e-mail to the Billing Team is on its way.');
    expect(pending.result).not.to.match(/notified/i);
    fixtureCleanup();
    sessionStorage.clear();

    const withoutField = await escalate(scenario('ok').endpoint, { category: 'billing' });
    expect(withoutField.receipt.notification, 'the scenario server says nothing').to.equal(undefined);
    expect(withoutField.result).not.to.match(/notified/i);
    fixtureCleanup();
    sessionStorage.clear();

    const failed = await escalate('/receipt/failed/escalations', { category: 'billing' });
    expect(failed.result).to.contain("Stored, but the e-mail to the Billing Team hasn't gone out yet: it will be tried again.");
    expect(failed.result).not.to.match(/notified/i);
    fixtureCleanup();
    sessionStorage.clear();

    const sent = await escalate('/receipt/sent/escalations', { category: 'billing' });
    expect(sent.receipt.notification).to.equal('sent');
    expect(sent.result).to.contain('The Billing Team has been notified.');
  });

  it("names the team and its timeline in the script: the billing team's 3-5 business days, or today when urgent", async () => {
    const standard = await escalate(scenario('ok').endpoint, { category: 'billing', urgency: 'standard' });
    expect(standard.result).to.contain('“Our billing team will contact you within 3-5 business days by email.”');
    expect(standard.result).to.contain('They will contact the customer within 3-5 business days by email.');
    fixtureCleanup();
    sessionStorage.clear();

    const urgent = await escalate(scenario('ok').endpoint, { category: 'billing', urgency: 'urgent' });
    expect(urgent.result).to.contain('“Our billing team will contact you today by email.”');
    fixtureCleanup();
    sessionStorage.clear();

    const other = await escalate(scenario('ok').endpoint, { category: 'other', urgency: 'standard' });
    expect(other.result).to.contain('“Our account team will contact you within 2-3 business days by email.”');
  });

  it('says all of it in the strings of the locale, the time in its format', async () => {
    const { el, receipt, result } = await escalate(scenario('ok').endpoint, { category: 'billing', urgency: 'standard' }, (b) => {
      b.strings = es;
    });
    expect(result).to.contain(`Referencia para el cliente: ${escalationReference(receipt.id)}`);
    expect(result).to.contain('Enviado a: Equipo de facturación.');
    expect(text(root(el).querySelector('[part="result"] time'))).to.equal(
      new Intl.DateTimeFormat('es', when).format(new Date(receipt.respondBy)),
    );
    expect(result).to.contain(
      '“Nuestro equipo de facturación se pondrá en contacto con usted en 3-5 días laborables por correo electrónico.”',
    );
  });
});
