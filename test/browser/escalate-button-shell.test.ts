/**
 * The closed button, the part of the widget every row of a task list pays for: how it finds its
 * settings without a subscription per button (any provider of the context protocol still works),
 * and that it keeps focus and opens by pointer and keyboard. Like escalate-provider.test.ts,
 * the elements are in the page before they are defined.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import { escalationContext, type EscalateButton, type EscalateProvider, type EscalationConfig } from '@escalate-kit/element';
import { deepActive, dialogOf, field, root, scenario, text, until } from './support/element.ts';
import { press } from './support/pointer.ts';

type Callback = (value: EscalationConfig, unsubscribe?: () => void) => void;
type Request = Event & { context: unknown; callback: Callback; subscribe?: boolean };

/** A provider of the context written to the protocol alone, as another library's would be. */
class ProtocolProvider extends HTMLElement {
  value: EscalationConfig = {};
  readonly subscribers = new Map<Callback, () => void>();
  constructor() {
    super();
    this.addEventListener('context-request', (event) => {
      const e = event as Request;
      if (e.context !== escalationContext) return;
      e.stopPropagation();
      if (!e.subscribe) return e.callback(this.value);
      const unsubscribe = this.subscribers.get(e.callback) ?? (() => this.subscribers.delete(e.callback));
      this.subscribers.set(e.callback, unsubscribe);
      e.callback(this.value, unsubscribe);
    });
  }
  connectedCallback() {
    const announce = Object.assign(new Event('context-provider', { bubbles: true, composed: true }), { context: escalationContext });
    this.dispatchEvent(announce);
  }
  set(value: EscalationConfig) {
    this.value = value;
    for (const [callback, unsubscribe] of this.subscribers) callback(value, unsubscribe);
  }
}

const label = (el: EscalateButton) => text(root(el).querySelector('button'));
const unavailable = (el: EscalateButton) => root(el).querySelector('button')!.getAttribute('aria-disabled') === 'true';

describe('<escalate-button> shell', () => {
  let host: HTMLElement;
  before(async () => {
    host = document.createElement('main');
    host.innerHTML = `
      <protocol-provider><escalate-button task-id="S-1"></escalate-button></protocol-provider>
      <escalate-provider id="outer" endpoint="/outer">
        <escalate-button task-id="S-2"></escalate-button>
        <escalate-provider id="inner" endpoint="/inner"><escalate-button task-id="S-3"></escalate-button></escalate-provider>
      </escalate-provider>
      <escalate-button id="alone" task-id="S-4"></escalate-button>`;
    document.body.append(host);
    await import('@escalate-kit/element/define');
  });
  after(async () => {
    host.remove();
    await resetMouse();
  });

  it("finds a provider that arrives after it (another library's), and that provider keeps it up to date", async () => {
    const el = host.querySelector<EscalateButton>('[task-id="S-1"]')!;
    await el.updateComplete;
    expect(unavailable(el), 'no provider yet').to.equal(true);
    // Defined later, as by another bundle: on connecting it announces itself (`context-provider`).
    customElements.define('protocol-provider', ProtocolProvider);
    const provider = host.querySelector('protocol-provider') as ProtocolProvider;
    provider.set({ endpoint: scenario('ok').endpoint, strings: { label: 'Escalate it' } });
    await el.updateComplete;
    expect([unavailable(el), label(el)]).to.deep.equal([false, 'Escalate it']);
    expect(provider.subscribers.size).to.equal(1, 'a provider that subscribes keeps one subscription per button');

    provider.set({ endpoint: scenario('ok').endpoint, strings: { label: 'Escalate now' } });
    await el.updateComplete;
    expect(label(el)).to.equal('Escalate now');

    el.remove();
    expect(provider.subscribers.size).to.equal(0, 'a button taken out of the page unsubscribes');
    provider.append(el);
    await el.updateComplete;
    expect([provider.subscribers.size, label(el)]).to.deep.equal([1, 'Escalate now']);
  });

  it("takes the nearest <escalate-provider>'s settings, and hears only their changes", async () => {
    const outer = host.querySelector<EscalateProvider>('#outer')!;
    const inner = host.querySelector<EscalateProvider>('#inner')!;
    const [a, b] = [host.querySelector<EscalateButton>('[task-id="S-2"]')!, host.querySelector<EscalateButton>('[task-id="S-3"]')!];
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect([a.config.endpoint, b.config.endpoint]).to.deep.equal(['/outer', '/inner']);

    outer.strings = { label: 'Outer' };
    await outer.updateComplete;
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect([label(a), label(b)]).to.deep.equal(['Outer', 'Escalate']);

    inner.strings = { label: 'Inner' };
    inner.endpoint = '/inner-2';
    await inner.updateComplete;
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect([label(a), label(b), b.config.endpoint]).to.deep.equal(['Outer', 'Inner', '/inner-2']);

    // A button moved to another provider takes that one's settings.
    inner.append(a);
    await a.updateComplete;
    expect([label(a), a.config.endpoint]).to.deep.equal(['Inner', '/inner-2']);
  });

  it('is one <button> in its shadow root until it needs more', async () => {
    const el = host.querySelector<EscalateButton>('[task-id="S-3"]')!;
    await el.updateComplete;
    expect([...root(el).querySelectorAll('*')].map((e) => e.localName)).to.deep.equal(['button']);
  });

  it('lays out as an inline box around its button, goes with `hidden`, and takes the page’s display', async () => {
    const el = host.querySelector<EscalateButton>('[task-id="S-3"]')!;
    await el.updateComplete;
    const button = root(el).querySelector('button')!;
    // Inline, as a custom element is unless told: no block of its own per row of a long list.
    expect(getComputedStyle(el).display).to.equal('inline');
    expect(button.getBoundingClientRect().width).to.be.greaterThan(0);
    el.hidden = true;
    expect([getComputedStyle(el).display, button.getClientRects().length]).to.deep.equal(['none', 0]);
    el.hidden = false;
    // A page that wants a box (a width, a margin above) says so, and its rule beats the element's.
    el.style.display = 'block';
    expect(getComputedStyle(el).display).to.equal('block');
    expect(el.getBoundingClientRect().height).to.be.at.least(button.getBoundingClientRect().height);
    el.removeAttribute('style');
    expect(getComputedStyle(el).display).to.equal('inline');
  });

  it("reads the case's details from its attributes, as Lit properties would give them, and writes no attribute of its own", async () => {
    const el = host.querySelector<EscalateButton>('#alone')!;
    el.setAttribute('customer-name', 'Dana Reyes');
    el.setAttribute('task-title', 'Disputed charge');
    expect([el.customerName, el.taskTitle, el.customerEmail]).to.deep.equal(['Dana Reyes', 'Disputed charge', undefined]);
    expect([...el.attributes].map((a) => a.name).sort()).to.deep.equal(
      ['customer-name', 'id', 'task-id', 'task-title'],
      'no default reflected',
    );

    // The task id reflects: it is kept as its attribute.
    el.taskId = 'S-4b';
    expect([el.getAttribute('task-id'), el.taskId]).to.deep.equal(['S-4b', 'S-4b']);
    el.setAttribute('task-id', 'S-4');
    expect(el.taskId).to.equal('S-4');

    // A property set to something else wins until the attribute changes again (the last write wins).
    el.customerName = 'Dana R.';
    expect(el.customerName).to.equal('Dana R.');
    el.customerName = undefined;
    expect(el.customerName, 'set to undefined while the attribute is there').to.equal(undefined);
    el.setAttribute('customer-name', 'Dana Q. Reyes');
    expect(el.customerName).to.equal('Dana Q. Reyes');
    el.removeAttribute('customer-name');
    expect(el.customerName).to.equal(undefined);

    // Set over an attribute, then that attribute written again with the same value: the
    // property still wins (what it was set over has not changed; Lit would take the attribute).
    el.setAttribute('customer-phone', '555-0100');
    el.customerPhone = '555-0199';
    el.setAttribute('customer-phone', '555-0100');
    expect(el.customerPhone).to.equal('555-0199');
    el.setAttribute('customer-phone', '555-0123');
    expect(el.customerPhone).to.equal('555-0123');
  });

  it('renders again for a change of what the closed button shows, not for the case details only the dialog shows', async () => {
    const el = host.querySelector<EscalateButton>('[task-id="S-3"]')!;
    await el.updateComplete;
    for (const name of ['task-title', 'customer-name', 'customer-email', 'customer-phone', 'category', 'urgency', 'currency']) {
      el.setAttribute(name, 'x');
      expect(el.isUpdatePending, name).to.equal(false);
    }
    el.setAttribute('label', 'Escalate S-3');
    expect(el.isUpdatePending, 'label').to.equal(true);
    await el.updateComplete;
    expect(label(el)).to.equal('Escalate S-3');
    el.removeAttribute('label');
    await el.updateComplete;
  });

  it('shows a change of those attributes in the open dialog', async () => {
    const el = document.createElement('escalate-button');
    Object.assign(el, { taskId: 'S-5', endpoint: scenario('ok').endpoint });
    el.setAttribute('task-title', 'Disputed charge');
    host.append(el);
    await el.open();
    const taskLine = () => text(root(el).querySelector('#task-line'));
    expect(taskLine()).to.contain('Disputed charge');
    // Not an observed attribute (a list's rows run nothing for it): the open dialog watches it,
    // and shows the change before the next frame.
    el.setAttribute('task-title', 'Refund not received');
    await new Promise(requestAnimationFrame);
    expect(taskLine()).to.contain('Refund not received');
    el.setAttribute('customer-name', 'Dana Reyes');
    await new Promise(requestAnimationFrame);
    expect(text(root(el).querySelector('#task-line'))).to.contain('Dana Reyes');
    el.close();
    el.remove();
  });

  it('keeps focus when it becomes disabled, and opens by pointer and by keyboard with focus back on it after', async () => {
    const el = host.querySelector<EscalateButton>('#alone')!;
    el.endpoint = scenario('ok').endpoint;
    await el.updateComplete;
    root(el).querySelector('button')!.focus();
    el.disabled = true;
    await el.updateComplete;
    const trigger = () => root(el).querySelector<HTMLButtonElement>('[part="button"]')!;
    expect(deepActive()).to.equal(trigger(), 'focus stays on the button');
    expect(unavailable(el)).to.equal(true);
    await press(trigger());
    expect(dialogOf(el), 'a disabled button opens nothing').to.equal(null);

    el.disabled = false;
    await el.updateComplete;
    await press(trigger());
    await until(() => dialogOf(el)?.open, 'the dialog to open on a click');
    expect(deepActive()).to.equal(field(el, 'category'));
    await sendKeys({ press: 'Escape' });
    await until(() => !dialogOf(el).open, 'the dialog to close');
    expect(deepActive()).to.equal(trigger(), 'focus back on the button');

    await sendKeys({ press: 'Enter' });
    await until(() => dialogOf(el).open, 'the dialog to open on Enter');
    expect(deepActive()).to.equal(field(el, 'category'));
    el.close();
  });
});
