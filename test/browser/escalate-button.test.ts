/** The dialog of `<escalate-button>`: opening and closing it, its fields and hints, the keyboard, the strings. */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@escalate-kit/element/define';
import { es } from '@escalate-kit/element/strings/es';
import {
  choose,
  deepActive,
  dialogOf,
  field,
  logOf,
  mount,
  next,
  root,
  scenario,
  spokenIn,
  submitButton,
  text,
  type,
  until,
} from './support/element.ts';

const button = mount;

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

describe('<escalate-button>', () => {
  it('renders one button labelled "Escalate" (or its label) that opens a modal dialog', async () => {
    const { endpoint } = scenario('ok');
    const el = await button(endpoint);
    const trigger = root(el).querySelector('button')!;
    expect(text(trigger)).to.equal('Escalate');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('dialog');
    const opened = next(el, 'escalate-open');
    await el.open();
    expect((await opened).taskId).to.equal('T-1042');
    expect(dialogOf(el).open).to.equal(true);
    expect(dialogOf(el).matches(':modal')).to.equal(true);
    expect(deepActive()).to.equal(field(el, 'category'), 'focus on the first field');
    el.label = 'Escalate task';
    await el.updateComplete;
    expect(text(root(el).querySelector('button'))).to.equal('Escalate task');
  });

  it('closes on Cancel, keeps what was typed, and returns focus to the button', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint);
    root(el).querySelector<HTMLButtonElement>('[part="button"]')!.focus();
    await el.open();
    type(el, 'notes', 'Not finished yet');
    await el.updateComplete;
    const closed = next(el, 'escalate-close');
    const cancel = [...root(el).querySelectorAll<HTMLButtonElement>('[part="footer"] button')].find((b) => text(b) === 'Cancel')!;
    cancel.click();
    expect((await closed).taskId).to.equal('T-1042');
    expect(dialogOf(el).open).to.equal(false);
    expect(deepActive()).to.equal(root(el).querySelector('[part="button"]'));
    expect(await logOf(tag)).to.have.length(0);
    await el.open();
    expect(field(el, 'notes').value).to.equal('Not finished yet');
  });

  it('is unavailable, with the reason given to assistive tech, when no client or endpoint is configured', async () => {
    const holder = await fixture(html`<div><escalate-button task-id="T-1"></escalate-button></div>`);
    const el = holder.querySelector('escalate-button')!;
    await el.updateComplete;
    const trigger = root(el).querySelector('button')!;
    expect(trigger.getAttribute('aria-disabled')).to.equal('true');
    const reason = root(el).getElementById(trigger.getAttribute('aria-describedby')!);
    expect(text(reason)).to.match(/no escalation endpoint/);
    // Worded as any of its strings: a provider's, and over it the button's own.
    const provider = document.createElement('escalate-provider');
    provider.strings = { notConfigured: 'Provider: not set up', noTask: 'Provider: no task' };
    holder.append(provider);
    provider.append(el);
    await el.updateComplete;
    const said = () => text(root(el).getElementById(trigger.getAttribute('aria-describedby')!));
    expect(said()).to.equal('Provider: not set up');
    el.strings = { notConfigured: 'Mine: not set up' };
    await el.updateComplete;
    expect([said(), el.unavailableReason]).to.deep.equal(['Mine: not set up', 'Mine: not set up']);
    el.strings = undefined;
    trigger.click();
    await el.open();
    expect(dialogOf(el)).to.equal(null, 'no dialog for an unconfigured button');

    el.endpoint = scenario('ok').endpoint;
    await el.updateComplete;
    expect(trigger.hasAttribute('aria-disabled')).to.equal(false);
    el.disabled = true;
    await el.updateComplete;
    expect(trigger.getAttribute('aria-disabled')).to.equal('true');
  });

  it('shows the "use when" hint of the selected category, and host categories when given', async () => {
    const el = await button(scenario('ok').endpoint, 'category="billing"');
    await el.open();
    const select = field<HTMLSelectElement>(el, 'category');
    expect(select.value).to.equal('billing');
    expect([...select.options].filter((o) => o.value).map((o) => o.text)).to.deep.equal([
      'Complaint',
      'Billing',
      'Pricing',
      'Technical',
      'Other',
    ]);
    expect(text(root(el).getElementById('category-hint'))).to.equal('Payment, charges, refunds');
    type(el, 'category', 'technical');
    await el.updateComplete;
    expect(text(root(el).getElementById('category-hint'))).to.equal('System or equipment problems');
    expect(select.getAttribute('aria-describedby')).to.contain('category-hint');

    el.close();
    el.categories = [
      { id: 'warranty', label: 'Warranty', hint: 'Device under warranty' },
      { id: 'billing', label: 'Billing' },
    ];
    await el.updateComplete;
    await el.open();
    expect([...field<HTMLSelectElement>(el, 'category').options].filter((o) => o.value).map((o) => o.value)).to.deep.equal([
      'warranty',
      'billing',
    ]);
  });

  it('shows a live character count with the limit', async () => {
    const el = await button(scenario('ok').endpoint);
    await el.open();
    type(el, 'notes', 'Twelve chars');
    await el.updateComplete;
    expect(text(root(el).getElementById('notes-count'))).to.equal('12 / 5000 characters');
    expect(field(el, 'notes').getAttribute('aria-describedby')).to.contain('notes-count');
  });

  it('asks for the address only when the host did not give one for the chosen method', async () => {
    const el = await button(scenario('ok').endpoint, 'customer-phone="+1 555 0100 123"');
    await el.open();
    choose(el, 'contactMethod', 'call');
    await el.updateComplete;
    expect(field(el, 'phone')).to.equal(null);
    expect(text(root(el).querySelector('[part~="field-contact"]'))).to.contain('+1 555 0100 123');
    choose(el, 'contactMethod', 'email');
    await el.updateComplete;
    const email = field(el, 'email');
    expect(email.type).to.equal('email');
    type(el, 'email', 'not-an-address');
    email.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root(el).getElementById('email-error'))).to.match(/e-mail address/);
  });

  it('on an empty submit: shows every error, marks the fields, announces it and focuses the first', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint);
    await el.open();
    expect(root(el).querySelector('[aria-invalid="true"]')).to.equal(null, 'no errors before interaction');
    submitButton(el).click();
    await el.updateComplete;
    for (const name of ['category', 'notes']) {
      const f = field(el, name);
      expect(f.getAttribute('aria-invalid'), name).to.equal('true');
      const error = root(el).getElementById(`${name}-error`)!;
      expect(f.getAttribute('aria-describedby')).to.contain(error.id);
    }
    expect(root(el).querySelector('[part~="field-contact-method"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(spokenIn(el, '3 fields need your attention.')).to.have.length(1, 'announced once, by the alert');
    expect(deepActive()).to.equal(field(el, 'category'));
    expect(await logOf(tag)).to.have.length(0);
  });

  it('by keyboard alone: Tab to the button, Enter, fill every field, submit, see success; Escape returns focus', async () => {
    const { tag, endpoint } = scenario('ok');
    const holder = await fixture(
      `<div><input id="before" aria-label="before"><escalate-button task-id="T-KB" endpoint="${endpoint}" customer-name="Pat Doe"></escalate-button></div>`,
    );
    const el = holder.querySelector('escalate-button')!;
    await el.updateComplete;
    holder.querySelector<HTMLInputElement>('#before')!.focus();

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(root(el).querySelector('[part="button"]'));
    const opened = next(el, 'escalate-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    await until(() => deepActive() === field(el, 'category'), 'focus on category');

    await sendKeys({ press: 'ArrowDown' }); // Complaint
    await sendKeys({ press: 'ArrowDown' }); // Billing
    await el.updateComplete;
    expect(field<HTMLSelectElement>(el, 'category').value).to.equal('billing');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(field(el, 'notes'));
    await sendKeys({ type: 'Issue: double charge. Tried: refund form. Why: over my limit.' });
    // What the agent knows (nine toggles, the credit-or-refund choice), then the two optional lines.
    for (let i = 0; i < 12; i++) await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLInputElement).name).to.equal('recommendation');
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLInputElement).name).to.equal('contactMethod');
    await sendKeys({ press: 'ArrowRight' }); // Text
    await sendKeys({ press: 'ArrowRight' }); // Email
    await el.updateComplete;
    expect((deepActive() as HTMLInputElement).value).to.equal('email');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(field(el, 'email'));
    await sendKeys({ type: 'pat@example.com' });
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLInputElement).name).to.equal('urgency');
    await sendKeys({ press: 'ArrowRight' }); // Urgent
    await sendKeys({ press: 'Tab' }); // Cancel
    await sendKeys({ press: 'Tab' }); // Escalate to Account Team
    expect(deepActive()).to.equal(submitButton(el));
    const success = next(el, 'escalate-success');
    await sendKeys({ press: 'Enter' });
    const { request } = await success;
    expect(request).to.include({ category: 'billing', contactMethod: 'email', urgency: 'urgent', taskId: 'T-KB' });
    expect(request.contact).to.deep.equal({ email: 'pat@example.com' });
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="result"] h3'))).to.equal('Escalated to the Account Team');
    expect(text(root(el).querySelector('[part="result"]'))).to.contain('They will contact the customer today by email.');
    expect(deepActive()).to.equal(root(el).querySelector('[part="result"] h3'), 'focus moves to the outcome');
    expect((await logOf(tag)).map((l) => l.status)).to.deep.equal([201]);

    const closed = next(el, 'escalate-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialogOf(el).open).to.equal(false);
    expect(deepActive()).to.equal(root(el).querySelector('[part="button"]'));
  });

  it('takes every string from `strings`, e.g. the bundled Spanish', async () => {
    const el = await button(scenario('ok').endpoint);
    el.strings = es;
    await el.updateComplete;
    expect(text(root(el).querySelector('button'))).to.equal('Escalar');
    await el.open();
    expect(text(root(el).querySelector('h2'))).to.equal('Escalar al equipo de cuentas');
    expect(text(submitButton(el))).to.equal('Escalar al equipo de cuentas');
    expect([...field<HTMLSelectElement>(el, 'category').options].map((o) => o.text)).to.include('Facturación');
    submitButton(el).click();
    await el.updateComplete;
    expect(text(root(el).getElementById('notes-error'))).to.match(/^Añade una nota/);
    expect(spokenIn(el, '3 campos necesitan tu atención.')).to.have.length(1);
  });
});
