/**
 * Drives a rendered story into a state with plain DOM, the way an agent would: open the
 * dialog, fill the fields (firing the same `input`/`change` events a person does), submit.
 * Used by the stories' `play` functions, and so by the fixture test that runs them with
 * `{ canvasElement }`; nothing here depends on Storybook.
 */
import type { SignalName } from '@escalate-kit/sdk';
import type { EscalateButton } from '@escalate-kit/element';

export interface FormValues {
  category?: string;
  notes?: string;
  /** Toggles of "What you know about the case" to set. */
  flags?: SignalName[];
  amountKind?: 'credit' | 'refund';
  amount?: string;
  customerRequest?: string;
  recommendation?: string;
  contactMethod?: 'call' | 'text' | 'email';
  phone?: string;
  email?: string;
  urgency?: 'standard' | 'urgent';
}

/** A complete, valid escalation (the example of "How to Escalate"). */
export const validValues: FormValues = {
  category: 'billing',
  notes:
    'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.',
  contactMethod: 'call',
  phone: '+1 555 0100 123',
  urgency: 'urgent',
};

/** What a state looks like in the shadow DOM, so callers can wait for it. */
const states = {
  open: (el: EscalateButton) => !!dialogOf(el)?.open,
  invalid: (el: EscalateButton) => !!shadow(el).querySelector('[aria-invalid="true"]'),
  submitting: (el: EscalateButton) => !!shadow(el).querySelector('form[aria-busy="true"]'),
  success: (el: EscalateButton) => !!shadow(el).querySelector('[part="result"].success'),
  queued: (el: EscalateButton) => !!shadow(el).querySelector('[part="result"].queued'),
  error: (el: EscalateButton) => !!shadow(el).querySelector('[part="result"] [data-retry]'),
  already: (el: EscalateButton) => !!shadow(el).querySelector('[part="result"].already'),
  escalated: (el: EscalateButton) => !!shadow(el).querySelector('[part="result"].state'),
} satisfies Record<string, (el: EscalateButton) => boolean>;
export type DialogState = keyof typeof states;

function shadow(el: EscalateButton): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<escalate-button> has no shadow root: is it defined?');
  return el.shadowRoot;
}

export function dialogOf(el: EscalateButton): HTMLDialogElement | null {
  return shadow(el).querySelector('dialog');
}

/** Polls until `check()` is true (rendering and the stub's delay are asynchronous). */
export async function until(check: () => boolean, what: string, timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The `index`th `<escalate-button>` in the story, upgraded and rendered. */
export async function buttonIn(canvas: ParentNode, index = 0): Promise<EscalateButton> {
  await customElements.whenDefined('escalate-button');
  const el = canvas.querySelectorAll('escalate-button')[index];
  if (!el) throw new Error(`No <escalate-button> #${index} in the story`);
  await el.updateComplete;
  return el;
}

/** Opens the dialog of the `index`th button (loading the lazy form first). */
export async function openDialog(canvas: ParentNode, index = 0): Promise<EscalateButton> {
  const el = await buttonIn(canvas, index);
  await el.open();
  await el.updateComplete;
  await until(() => states.open(el), 'the dialog to open');
  return el;
}

/** Sets fields by `name` and fires the events a person's typing or clicking fires. */
export async function fill(el: EscalateButton, values: FormValues): Promise<void> {
  for (const flag of values.flags ?? []) {
    const box = shadow(el).querySelector<HTMLInputElement>(`input[name="flag"][value="${flag}"]`);
    if (!box) throw new Error(`No toggle for ${flag}`);
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  // Order matters: the amount appears once a credit or refund is chosen, the phone or e-mail
  // field once a contact method is.
  const order = [
    'category',
    'notes',
    'amountKind',
    'amount',
    'customerRequest',
    'recommendation',
    'contactMethod',
    'phone',
    'email',
    'urgency',
  ] as const;
  for (const name of order) {
    const value = values[name];
    if (value === undefined) continue;
    await el.updateComplete;
    const root = shadow(el);
    const radio = root.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"][value="${value}"]`);
    const field = radio ?? root.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`);
    if (!field) {
      // The host supplied the address (customer-phone / customer-email): no field to fill.
      if (name === 'phone' || name === 'email') continue;
      throw new Error(`No field named ${name}`);
    }
    if (radio) radio.checked = true;
    else field.value = value;
    const type = field instanceof HTMLSelectElement || radio ? 'change' : 'input';
    field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

/** Presses "Escalate to Account Team" and waits until the dialog shows `state`. */
export async function submit(el: EscalateButton, state: DialogState): Promise<void> {
  const button = shadow(el).querySelector<HTMLButtonElement>('[part="submit"]');
  if (!button) throw new Error('No submit button');
  button.click();
  await until(() => states[state](el), `the ${state} state`);
  await el.updateComplete;
}

type PlayContext = { canvasElement: HTMLElement };

/** `play`: open the dialog of the `index`th button. */
export const playOpen =
  (index = 0) =>
  async ({ canvasElement }: PlayContext): Promise<void> => {
    await openDialog(canvasElement, index);
  };

/** `play`: open a task already escalated: its read-only panel. */
export const playEscalated =
  (index = 0) =>
  async ({ canvasElement }: PlayContext): Promise<void> => {
    const el = await openDialog(canvasElement, index);
    await until(() => states.escalated(el), 'the escalation under way');
  };

/**
 * Scrolls the dialog so that `selector` (in the button's shadow root) is in view, and keeps it
 * there when the viewport changes: a story about the routing line or a suggestion shows it, not
 * the top of a long form, at every width the visual baseline takes.
 */
export function keepInView(el: EscalateButton, selector: string): void {
  const dialog = dialogOf(el);
  const show = () => shadow(el).querySelector(selector)?.scrollIntoView({ block: 'center' });
  show();
  if (dialog) new ResizeObserver(show).observe(dialog);
}

/** `play`: open the dialog and fill it in, without submitting; `show` scrolls a part into view. */
export const playFilled =
  (values: FormValues = validValues, index = 0, show?: string) =>
  async ({ canvasElement }: PlayContext): Promise<void> => {
    const el = await openDialog(canvasElement, index);
    await fill(el, values);
    if (show) keepInView(el, show);
  };

/** `play`: open, fill with `values` (nothing when empty), submit, wait for `state`. */
export const playSubmit =
  (state: Exclude<DialogState, 'open'>, values: FormValues = validValues, index = 0) =>
  async ({ canvasElement }: PlayContext): Promise<void> => {
    const el = await openDialog(canvasElement, index);
    await fill(el, values);
    await submit(el, state);
  };
