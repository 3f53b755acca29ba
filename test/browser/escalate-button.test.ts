import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createEscalationClient, escalationRequestSchema, memoryOutbox } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { es } from '@escalate-kit/element/strings/es';
import {
  choose,
  deepActive,
  dialogOf,
  field,
  fill,
  logOf,
  next,
  root,
  scenario,
  spokenIn,
  submitButton,
  text,
  type,
  until,
} from './support/element.ts';

const notes =
  'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.';

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

async function button(endpoint: string, attrs = '') {
  const holder = await fixture(`<div><escalate-button task-id="T-1042" endpoint="${endpoint}" ${attrs}></escalate-button></div>`);
  const el = holder.querySelector('escalate-button')!;
  await el.updateComplete;
  return el;
}

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

  it('posts a request that matches the contract, at a real endpoint', async () => {
    const { tag, endpoint } = scenario('ok');
    const holder = await fixture(
      `<escalate-provider agent-id="agent-7"><escalate-button task-id="T-77" endpoint="${endpoint}" customer-name="Ana Ruiz" account-id="88231" customer-phone="+1 555 0100 123"></escalate-button></escalate-provider>`,
    );
    const el = holder.querySelector('escalate-button')!;
    el.context = { queue: 'tier-1', attempt: 2 };
    await el.open();
    await fill(el, { category: 'complaint', notes: `  ${notes}  `, contactMethod: 'text' });
    const success = next(el, 'escalate-success');
    submitButton(el).click();
    const event = await success;
    const [logged] = await logOf(tag);
    const body = escalationRequestSchema.parse(logged!.body);
    expect(logged!.idempotencyKey).to.equal(body.id);
    expect(body).to.deep.include({
      taskId: 'T-77',
      category: 'complaint',
      notes,
      contactMethod: 'text',
      contact: { phone: '+1 555 0100 123' },
      urgency: 'standard',
      customer: { name: 'Ana Ruiz', accountId: '88231' },
      agent: { id: 'agent-7' },
      context: { queue: 'tier-1', attempt: 2 },
    });
    // No priority: the host described nothing about the case, so the policy has no grounds for one.
    expect(body.routing).to.deep.equal({ level: 1, team: 'account' });
    expect(event.receipt.id).to.equal(body.id);
    expect(event.taskId).to.equal('T-77');
    expect(event.request).to.deep.equal(body);
  });

  it('sends nothing when the host cancels escalate-submit', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'customer-email="pat@example.com"');
    el.addEventListener('escalate-submit', (e) => e.preventDefault());
    await el.open();
    await fill(el, { category: 'other', notes, contactMethod: 'email' });
    const submit = next(el, 'escalate-submit');
    submitButton(el).click();
    const event = await submit;
    expect(event.cancelable).to.equal(true);
    expect(event.request.taskId).to.equal('T-1042');
    await new Promise((r) => setTimeout(r, 200));
    expect(await logOf(tag)).to.have.length(0);
    expect(dialogOf(el).open).to.equal(true, 'the form stays, with what was typed');
    expect(field(el, 'notes').value).to.equal(notes);
  });

  it('emits escalate-success out of shadow roots, and the host removes the task row', async () => {
    const { endpoint } = scenario('ok');
    // A host app whose task rows live inside its own component's shadow root.
    const holder = await fixture(html`<div id="app"></div>`);
    const shadow = holder.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<ul><li data-task="T-9">Task T-9 <escalate-button task-id="T-9" endpoint="${endpoint}" customer-email="pat@example.com"></escalate-button></li><li data-task="T-10">Task T-10</li></ul>`;
    document.addEventListener(
      'escalate-success',
      (e) => {
        shadow.querySelector(`[data-task="${e.taskId}"]`)?.remove();
      },
      { once: true },
    );
    const el = shadow.querySelector('escalate-button')!;
    await el.updateComplete;
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    const success = next(document, 'escalate-success');
    submitButton(el).click();
    const event = await success;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.receipt.taskId).to.equal('T-9');
    expect(event.receipt.status).to.equal('received');
    expect([...shadow.querySelectorAll('li')].map((li) => li.dataset.task)).to.deep.equal(['T-10']);
  });

  it('sends one request however often submit is pressed, and is busy meanwhile', async () => {
    const { tag, endpoint } = scenario('slow-300');
    const el = await button(endpoint, 'customer-email="pat@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    const success = next(el, 'escalate-success');
    submitButton(el).click();
    await el.updateComplete;
    expect(root(el).querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelector('fieldset.fields')!.hasAttribute('disabled')).to.equal(true);
    expect(text(submitButton(el))).to.equal('Escalating…');
    submitButton(el).click();
    root(el).querySelector('form')!.requestSubmit();
    await success;
    expect(await logOf(tag)).to.have.length(1);
  });

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

  it('on a server refusal keeps everything typed, shows the server issue, and Retry sends the same escalation', async () => {
    const { tag, endpoint } = scenario('fail-1-400');
    const el = await button(endpoint, 'customer-email="pat@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    const failed = next(el, 'escalate-error');
    submitButton(el).click();
    const error = await failed;
    expect(error.error.message).to.be.a('string');
    await el.updateComplete;
    const panel = root(el).querySelector('[part="result"][role="alert"]')!;
    expect(text(panel)).to.contain("The escalation wasn't sent");
    expect(field(el, 'notes').value).to.equal(notes);
    expect(text(root(el).getElementById('notes-error'))).to.equal('Notes are required', "the server's issue, next to its field");
    expect(field(el, 'notes').getAttribute('aria-invalid')).to.equal('true');
    const retry = panel.querySelector<HTMLButtonElement>('[data-retry]')!;
    expect(deepActive()).to.equal(retry);
    const success = next(el, 'escalate-success');
    retry.click();
    await success;
    const log = await logOf(tag);
    expect(log.map((l) => l.status)).to.deep.equal([400, 201]);
    expect(log[0]!.idempotencyKey).to.equal(log[1]!.idempotencyKey, 'Retry is the same escalation');
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

  it('renders hostile notes and customer names as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    sessionStorage.setItem('escalate-kit:draft:T-1042', JSON.stringify({ notes: hostile }));
    const el = await button(scenario('ok').endpoint, `customer-name='${hostile.replace(/'/g, '&#39;')}'`);
    await el.open();
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(text(root(el).getElementById('task-line'))).to.contain('<img src=x');
    expect(field(el, 'notes').value).to.equal(hostile);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('offers a host-given address that is not valid for editing, with its error', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'customer-phone="12"');
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'call' });
    const phone = field(el, 'phone');
    expect(phone.value).to.equal('12');
    submitButton(el).click();
    await el.updateComplete;
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root(el).getElementById('phone-error'))).to.match(/phone number/);
    expect(deepActive()).to.equal(phone);
    type(el, 'phone', '+1 555 0100 123');
    const success = next(el, 'escalate-success');
    submitButton(el).click();
    expect((await success).request.contact).to.deep.equal({ phone: '+1 555 0100 123' });
    expect(await logOf(tag)).to.have.length(1);
  });

  it('says so when the host passed data the contract refuses, instead of failing silently', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, `customer-email="a@example.com" customer-name="${'N'.repeat(201)}"`);
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    submitButton(el).click();
    await el.updateComplete;
    const panel = root(el).querySelector('[part="result"][role="alert"]')!;
    expect(text(panel)).to.contain("This task's details can't be sent");
    expect(text(panel)).to.contain('customer.name');
    expect(spokenIn(el, "The escalation wasn't sent")).to.deep.equal([panel], 'announced once, by the alert');
    expect(await logOf(tag)).to.have.length(0);
  });

  it('reports the result under the task that was sent, even if the row was recycled meanwhile', async () => {
    const { endpoint } = scenario('slow-300');
    const el = await button(endpoint, 'customer-email="a@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    const success = next(el, 'escalate-success');
    submitButton(el).click();
    await new Promise((r) => setTimeout(r, 50));
    sessionStorage.setItem('escalate-kit:draft:T-2', JSON.stringify({ notes: 'Draft of the next task' }));
    el.taskId = 'T-2';
    const event = await success;
    expect(event.taskId).to.equal('T-1042');
    expect(event.request.taskId).to.equal('T-1042');
    expect(JSON.parse(sessionStorage.getItem('escalate-kit:draft:T-2')!).notes).to.equal(
      'Draft of the next task',
      "the next task's draft is kept",
    );
  });

  it('keeps the dialog open while sending, however often Escape is pressed', async () => {
    const { endpoint } = scenario('slow-800');
    const el = await button(endpoint, 'customer-email="a@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    let closes = 0;
    el.addEventListener('escalate-close', () => closes++);
    const success = next(el, 'escalate-success');
    submitButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await new Promise((r) => setTimeout(r, 100));
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    expect(dialogOf(el).open).to.equal(true);
    await success;
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true, 'the outcome is shown');
    expect(text(root(el).querySelector('[part="result"] h3'))).to.equal('Escalated to the Account Team');
    expect(closes).to.equal(0);
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
