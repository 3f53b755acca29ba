/**
 * Nothing the agent does is lost or lands elsewhere: every press lands on the control it was
 * meant for, the accessibility tree tells the truth, what the policy fixes is what is sent, and
 * the README's host pattern keeps the confirmation on screen. Real pointer and keyboard events.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { definePolicy } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
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
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
});

async function button(endpoint: string, attrs = '') {
  const holder = await fixture(`<div><escalate-button task-id="T-1042" endpoint="${endpoint}" ${attrs}></escalate-button></div>`);
  const el = holder.querySelector('escalate-button')!;
  await el.updateComplete;
  return el;
}

/** The middle of `target` in the top page's coordinates (through iframes). */
function centre(target: Element): [number, number] {
  target.scrollIntoView({ block: 'nearest' });
  const r = target.getBoundingClientRect();
  let x = r.left + r.width / 2;
  let y = r.top + r.height / 2;
  for (let w: Window | null = target.ownerDocument.defaultView; w?.frameElement; w = w.parent) {
    const f = w.frameElement.getBoundingClientRect();
    x += f.left;
    y += f.top;
  }
  return [Math.round(x), Math.round(y)];
}

/** A person's click: the primary button pressed on the middle of `target`, held 80 ms, released. */
async function press(target: Element) {
  await sendMouse({ type: 'move', position: centre(target) });
  await sendMouse({ type: 'down' });
  await pause(80);
  await sendMouse({ type: 'up' });
  await pause(30);
}

type Control = { name: string; find: (el: EscalateButton) => Element; took: (el: EscalateButton) => boolean };
const radio = (el: EscalateButton, name: string, value: string) =>
  root(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const choice = (name: string, value: string): Control => ({
  name: `${name} ${value}`,
  // The label, as a person clicks the word "Text" or "Urgent".
  find: (el) => radio(el, name, value).closest('label')!,
  took: (el) => radio(el, name, value).checked,
});
const controls: Control[] = [
  { name: 'category', find: (el) => field(el, 'category'), took: (el) => deepActive() === field(el, 'category') },
  { name: 'notes', find: (el) => field(el, 'notes'), took: (el) => deepActive() === field(el, 'notes') },
  choice('contactMethod', 'call'),
  choice('contactMethod', 'text'),
  choice('contactMethod', 'email'),
  choice('urgency', 'standard'),
  choice('urgency', 'urgent'),
  {
    name: 'submit',
    find: submitButton,
    // The form is incomplete, so a submit that ran shows the summary of what is missing.
    took: (el) => !!root(el).querySelector('.summary[role="alert"]'),
  },
  {
    name: 'cancel',
    find: (el) => [...root(el).querySelectorAll('[part="footer"] button')].find((b) => text(b) === 'Cancel')!,
    took: (el) => !dialogOf(el).open,
  },
];

/** Fields whose errors show when the agent leaves them, and how to get there. */
const leaving: { name: string; focus: (el: EscalateButton) => Promise<HTMLElement> }[] = [
  { name: 'category', focus: async (el) => field<HTMLSelectElement>(el, 'category') },
  { name: 'notes', focus: async (el) => field<HTMLTextAreaElement>(el, 'notes') },
  {
    name: 'phone',
    focus: async (el): Promise<HTMLElement> => {
      choose(el, 'contactMethod', 'call');
      await el.updateComplete;
      return field<HTMLInputElement>(el, 'phone');
    },
  },
];

for (const viewport of [
  { width: 800, height: 600 },
  { width: 320, height: 640 },
]) {
  describe(`every press lands where it was aimed, right after leaving a field (${viewport.width}x${viewport.height})`, () => {
    before(() => setViewport(viewport));
    after(() => setViewport({ width: 800, height: 600 }));

    for (const from of leaving) {
      it(`after leaving ${from.name}: every control takes the first press`, async () => {
        const missed: string[] = [];
        for (const control of controls) {
          if (control.name === from.name) continue;
          fixtureCleanup();
          sessionStorage.clear();
          const el = await button(scenario('ok').endpoint);
          await el.open();
          const start = await from.focus(el);
          start.focus();
          await pause(20);
          const target = control.find(el);
          await press(target);
          await el.updateComplete;
          if (!control.took(el)) missed.push(control.name);
          // The error of the field left shows once the press is over: deferred, not dropped.
          if (dialogOf(el).open && start.isConnected && !root(el).getElementById(`${from.name}-error`))
            missed.push(`${control.name} (no ${from.name} error after)`);
        }
        expect(missed.join(', '), 'presses that did not land').to.equal('');
      });
    }
  });
}

describe('the accessibility tree (CDP snapshot) tells the truth', () => {
  type Node = { role: string; name: string; required: boolean; invalid: boolean };
  const snapshot = () => executeServerCommand<Node[], undefined>('ax-tree');

  it('says required on every required field and invalid on none before the agent has been there', async () => {
    const el = await button(scenario('ok').endpoint);
    await el.open();
    choose(el, 'contactMethod', 'call');
    await el.updateComplete;
    // The radio choice above counts as being there for the method; start again from the other fields.
    let nodes = await snapshot();
    const find = (role: string, name: RegExp) => nodes.find((n) => n.role === role && name.test(n.name));
    const required = {
      notes: find('textbox', /^Write a quick note/),
      method: find('radiogroup', /^How should the account team contact/),
      phone: find('textbox', /^Customer's phone number/),
    };
    for (const [name, node] of Object.entries(required)) {
      expect(node, `${name} is in the tree`).to.not.equal(undefined);
      expect(node!.required, `${name} is required`).to.equal(true);
    }
    // Chromium leaves `required` out of a native <select>'s node, whether it comes from the
    // attribute or from aria-required (other engines expose it): the select carries the native
    // attribute, and must not be invalid for it before the agent has been there.
    expect(find('combobox', /^Category/), 'category is in the tree').to.not.equal(undefined);
    expect(field<HTMLSelectElement>(el, 'category').required).to.equal(true);
    expect(
      nodes.filter((n) => n.invalid).map((n) => `${n.role} ${n.name}`),
      'nothing invalid yet',
    ).to.deep.equal([]);

    // Leaving Category empty by keyboard makes it, and only it, invalid.
    field(el, 'category').focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    nodes = await snapshot();
    expect(nodes.filter((n) => n.invalid).map((n) => n.role)).to.deep.equal(['combobox']);
  });

  it('announces the error summary once', async () => {
    const el = await button(scenario('ok').endpoint);
    await el.open();
    await press(submitButton(el));
    await el.updateComplete;
    expect(spokenIn(el, 'fields need your attention')).to.have.length(1);
  });
});

describe('what the policy fixes is what is sent', () => {
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
});

describe('a task that is already escalated', () => {
  it('says "Already escalated · open" with the reference, offers no retry, and is done on close', async () => {
    const el = await button(scenario('already-open').endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    await press(submitButton(el));
    const heading = await until(() => root(el).querySelector('[part="result"] h3'), 'the result');
    expect(text(heading)).to.equal('Already escalated · open');
    expect(deepActive()).to.equal(heading);
    expect(text(root(el).querySelector('[part="result"]'))).to.contain('reference 7F3CA1B2');
    expect(root(el).querySelector('[data-retry]')).to.equal(null);
    const done = next(el, 'escalate-done');
    await sendKeys({ press: 'Escape' });
    expect((await done).outcome).to.equal('already-escalated');
  });
});

describe('fields say clearly what is wrong', () => {
  it('an invalid e-mail turns red like the select, and the notes error does not repeat the label', async () => {
    const el = await button(scenario('ok').endpoint);
    await el.open();
    await press(submitButton(el));
    choose(el, 'contactMethod', 'email');
    await el.updateComplete;
    type(el, 'email', 'not-an-address');
    field(el, 'email').focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const email = field(el, 'email');
    const select = field(el, 'category');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const danger = getComputedStyle(root(el).querySelector('.error')!).color;
    expect(getComputedStyle(email).borderTopColor).to.equal(danger);
    expect(getComputedStyle(select).borderTopColor).to.equal(danger);
    const label = text(root(el).querySelector('label[for="notes"]'));
    const error = text(root(el).getElementById('notes-error'));
    expect(error).to.not.equal(label);
    expect(error).to.not.contain('what the issue is, what you tried');
  });

  it('refuses a note that is not yet a sentence ("help"), says why, and sends nothing', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'customer-email="ana@example.com"');
    await el.open();
    await fill(el, { category: 'billing', notes: 'help', contactMethod: 'email' });
    await press(submitButton(el));
    await el.updateComplete;
    expect(text(root(el).getElementById('notes-error'))).to.match(/at least 20 characters.*the issue, what you tried and why/);
    expect(deepActive()).to.equal(field(el, 'notes'));
    expect(await logOf(tag)).to.have.length(0);
  });

  it('takes the shortest note from the policy', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'customer-email="ana@example.com"');
    el.policy = definePolicy({ notes: { minLength: 4 } });
    await el.open();
    await fill(el, { category: 'billing', notes: 'help', contactMethod: 'email' });
    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    await success;
    expect((await logOf(tag))[0]!.body.notes).to.equal('help');
  });
});

describe('the task itself reaches the account team', () => {
  it('shows the task title in the dialog and sends it', async () => {
    const { tag, endpoint } = scenario('ok');
    const el = await button(endpoint, 'task-title="Disputed $450 charge" customer-name="Ana Ruiz" customer-email="ana@example.com"');
    await el.open();
    expect(text(root(el).getElementById('task-line'))).to.equal('Task T-1042 · Disputed $450 charge · Ana Ruiz');
    await fill(el, { category: 'billing', notes, contactMethod: 'email' });
    const success = next(el, 'escalate-success');
    await press(submitButton(el));
    await success;
    expect((await logOf(tag))[0]!.body.taskTitle).to.equal('Disputed $450 charge');
  });
});

describe("the README's host pattern, followed literally", () => {
  it('keeps the success panel until the agent closes it, then removes the task and focuses the next one', async () => {
    const { tag, endpoint } = scenario('ok');
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 600px; border: 0';
    frame.src = `/test/browser/fixtures/readme-host-page.html?endpoint=${encodeURIComponent(endpoint)}`;
    document.body.append(frame);
    try {
      const win = frame.contentWindow as Window & { readmeReady?: boolean };
      const doc = await until(() => (win.readmeReady ? frame.contentDocument : null), 'the README page');
      const [first, second] = [...doc.querySelectorAll('escalate-button')];
      await until(() => first!.shadowRoot?.querySelector('button'), 'the buttons');
      await press(first!.shadowRoot!.querySelector('button')!);
      await until(() => dialogOf(first!).open, 'the dialog');
      await fill(first!, { category: 'billing', notes, contactMethod: 'email' });
      const success = next(first!, 'escalate-success');
      await press(submitButton(first!));
      await success;
      // Stored, and the agent can read what to tell the customer: the row and its dialog stay.
      const result = await until(() => first!.shadowRoot!.querySelector('[part="result"]'), 'the success panel');
      await pause(50);
      expect(first!.isConnected, 'the row stays while the result is shown').to.equal(true);
      expect(dialogOf(first!).open).to.equal(true);
      expect(text(result)).to.contain('Escalated to the Account Team');
      expect(text(result)).to.contain("I'm escalating this to our account team");

      const close = [...result.querySelectorAll('button')].find((b) => text(b) === 'Close')!;
      await press(close);
      await until(() => !first!.isConnected, 'the task to leave the queue');
      expect(doc.querySelectorAll('li')).to.have.length(1);
      let active = doc.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      expect(active, 'focus on the next task').to.equal(second!.shadowRoot!.querySelector('[part="button"]'));
      expect(await logOf(tag)).to.have.length(1);
    } finally {
      frame.remove();
    }
  });
});
