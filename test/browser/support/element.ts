/** Helpers for driving `<escalate-button>` in Chromium, the way an agent would. */
import { fixture } from '@open-wc/testing';
import type { EscalateButton } from '@escalate-kit/element';

export interface Logged {
  idempotencyKey: string;
  status: number;
  authorization?: string;
  body: Record<string, unknown> & { id: string; taskId: string };
}

let n = 0;
/** A scenario endpoint of the test server with a fresh tag (see test/support/scenario-server.ts). */
export function scenario(name: string) {
  const tag = `e${Date.now().toString(36)}${++n}`;
  return { tag, endpoint: `/scenario/${name}~${tag}/escalations` };
}

export const logOf = async (tag: string): Promise<Logged[]> => (await fetch(`/scenario-log?tag=${tag}`)).json();

export const root = (el: EscalateButton) => el.shadowRoot!;
export const dialogOf = (el: EscalateButton) => root(el).querySelector('dialog')!;
export const field = <T extends Element = HTMLInputElement>(el: EscalateButton, name: string) =>
  root(el).querySelector<T & Element>(`[name="${name}"]`)!;

/** Sets a field as typing would: value, then the `input` event the form listens to. */
export function type(
  el: EscalateButton,
  name: 'notes' | 'phone' | 'email' | 'category' | 'amountKind' | 'amount' | 'customerRequest' | 'recommendation',
  value: string,
) {
  const f = field<HTMLInputElement>(el, name);
  f.value = value;
  f.dispatchEvent(new Event(f instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

export function choose(el: EscalateButton, name: 'contactMethod' | 'urgency', value: string) {
  root(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!.click();
}

export async function fill(
  el: EscalateButton,
  values: { category?: string; notes?: string; contactMethod?: string; phone?: string; email?: string; urgency?: string },
) {
  if (values.category) type(el, 'category', values.category);
  if (values.notes !== undefined) type(el, 'notes', values.notes);
  if (values.contactMethod) choose(el, 'contactMethod', values.contactMethod);
  await el.updateComplete;
  if (values.phone !== undefined) type(el, 'phone', values.phone);
  if (values.email !== undefined) type(el, 'email', values.email);
  if (values.urgency) choose(el, 'urgency', values.urgency);
  await el.updateComplete;
}

export const submitButton = (el: EscalateButton) => root(el).querySelector<HTMLButtonElement>('[part="submit"]')!;
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Resolves with the next event of that type, wherever it is dispatched from. */
export const next = <K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, type: K) =>
  new Promise<GlobalEventHandlersEventMap[K]>((resolve) =>
    target.addEventListener(type, (e) => resolve(e as GlobalEventHandlersEventMap[K]), { once: true }),
  );

/** Waits until `check` is truthy (polling: for effects with no event to wait on). */
export async function until<T>(check: () => T | Promise<T>, what: string, ms = 4000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The element that has focus, looking through shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The live regions (alerts, status, aria-live) of the element that hold `words`: each one is said aloud. */
export function spokenIn(el: EscalateButton, words: string): Element[] {
  return [...root(el).querySelectorAll('[role="alert"], [role="status"], [aria-live]:not([aria-live="off"])')].filter((r) =>
    text(r).includes(words),
  );
}

/** The note of "How to Escalate"'s example: long enough, and it mentions a manager, the BBB and $450. */
export const exampleNotes =
  'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.';

/** A button for task T-1042 posting to `endpoint`, with `attrs` as written, upgraded and rendered. */
export async function mount(endpoint: string, attrs = ''): Promise<EscalateButton> {
  const holder = await fixture(`<div><escalate-button task-id="T-1042" endpoint="${endpoint}" ${attrs}></escalate-button></div>`);
  const el = holder.querySelector('escalate-button')!;
  await el.updateComplete;
  return el;
}

/** The checkbox of a toggle of "What you know about the case". */
export const toggle = (el: EscalateButton, signal: string) =>
  root(el).querySelector<HTMLInputElement>(`input[name="flag"][value="${signal}"]`)!;

/** The text of the routing line (empty when there is none). */
export const routingLine = (el: EscalateButton) => text(root(el).getElementById('routing-line'));
