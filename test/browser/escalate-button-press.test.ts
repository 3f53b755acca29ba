/**
 * Every press lands on the control it was meant for, right after leaving a field whose error
 * appears on leaving: real pointer events (`sendMouse`) at two viewport sizes.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { resetMouse, setViewport } from '@web/test-runner-commands';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';
import { choose, deepActive, dialogOf, field, mount, root, scenario, submitButton, text, toggle } from './support/element.ts';
import { pause, press } from './support/pointer.ts';

const button = mount;

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.clear();
  await resetMouse();
});

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
  // A toggle of "What you know about the case": the chip (its label) is what a person clicks.
  {
    name: 'toggle legalThreat',
    find: (el) => toggle(el, 'legalThreat').closest('label')!,
    took: (el) => toggle(el, 'legalThreat').checked,
  },
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
