/**
 * What the host and the account team get: the task itself, a task that is already escalated, and
 * the README's host pattern followed literally (the confirmation stays until the agent closes it).
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import '@escalate-kit/element/define';
import {
  deepActive,
  dialogOf,
  exampleNotes,
  fill,
  logOf,
  mount,
  next,
  root,
  scenario,
  submitButton,
  text,
  until,
} from './support/element.ts';
import { pause, press } from './support/pointer.ts';

const button = mount;
const notes = exampleNotes;

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
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
