/** Sending: the request on the wire, the events the host hears, one escalation per press, and what a refusal keeps. */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { escalationRequestSchema } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import {
  deepActive,
  dialogOf,
  exampleNotes,
  field,
  fill,
  logOf,
  mount,
  next,
  root,
  scenario,
  spokenIn,
  submitButton,
  text,
  type,
} from './support/element.ts';

const notes = exampleNotes;
const button = mount;

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

describe('<escalate-button> sending', () => {
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
});
