/**
 * The host page of the faults suite, bundled for Chromium by faults-server.ts: an
 * `<escalate-provider>` whose client posts, same-origin, through the fault proxy; buttons added
 * one per task; and every event the host hears reported to the test as it happens (through
 * `faultsReport`, a function the test exposes: it outlives reloads, unlike anything kept here).
 * `?tab=` names the tab; `?timeout=`, `?retryDelay=`, `?flushInterval=` tune the client, so a
 * CI run is short without changing what is asserted.
 */
import { createEscalationClient } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import type { EscalateButton } from '@escalate-kit/element';

export interface Reported {
  /** Unique per report: the same report reaching the test both ways is counted once. */
  seq: string;
  type: string;
  tab: string;
  taskId: string;
  id?: string;
  /** The outbox's word (from the provider) rather than a button's. */
  fromOutbox: boolean;
  reason?: string;
  error?: { name: string; message: string; status?: number; code?: string };
}

const params = new URLSearchParams(location.search);
const tab = params.get('tab') ?? '?';
const number = (name: string, fallback: number) => Number(params.get(name) ?? fallback);
/** Reports start with this in the origin's localStorage. */
export const heardPrefix = 'faults-heard:';
/**
 * Told to the test as it happens, and kept in localStorage: a page reloaded or closed just as it
 * hears something has run its listener, but the message to the test can be lost with the page
 * (the test's binding belongs to the page's JavaScript context, which goes with it). The test
 * reads what the pages kept before it calls anything unheard.
 */
const report = (r: Omit<Reported, 'seq'>) => {
  const reported = { seq: crypto.randomUUID(), ...r };
  localStorage.setItem(`${heardPrefix}${reported.seq}`, JSON.stringify(reported));
  (window as unknown as { faultsReport?: (r: Reported) => void }).faultsReport?.(reported);
};

const client = createEscalationClient({
  endpoint: '/api/escalations',
  timeout: number('timeout', 1000),
  totalTimeout: number('timeout', 1000) * 6,
  retry: { limit: 2, delay: number('retryDelay', 50), backoffLimit: 400 },
  flushInterval: number('flushInterval', 500),
});
const provider = document.querySelector('escalate-provider')!;
provider.client = client;
const list = document.querySelector('#tasks')!;

for (const type of ['escalate-submit', 'escalate-success', 'escalate-queued', 'escalate-error', 'escalate-delivered']) {
  document.addEventListener(type, (event) => {
    const e = event as Event & {
      taskId: string;
      request?: { id: string };
      reason?: string;
      error?: Error & { status?: number; code?: string };
    };
    report({
      type,
      tab,
      taskId: e.taskId,
      ...(e.request && { id: e.request.id }),
      fromOutbox: e.target === provider,
      ...(e.reason && { reason: e.reason }),
      ...(e.error && { error: { name: e.error.name, message: e.error.message, status: e.error.status, code: e.error.code } }),
    });
  });
}

const notes = 'Issue: charged twice for May. Tried: refund form failed. Why: needs a manual refund.';

/** The test's handle on the page. */
const faults = {
  /** Adds a task's row with its Escalate button (category, contact and customer given by the host). */
  async add(taskId: string): Promise<void> {
    const button = document.createElement('escalate-button');
    Object.assign(button, { taskId, category: 'billing', contactMethod: 'email', customerName: 'Pat Lee' });
    button.customerEmail = `${taskId.toLowerCase()}@example.com`;
    const li = document.createElement('li');
    li.dataset.task = taskId;
    li.append(button);
    list.append(li);
    await button.updateComplete;
  },
  /** Clicks Escalate (the dialog loads on first use). The test waits for the note's field in Node. */
  open(taskId: string): void {
    button(taskId).shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
  },
  /**
   * Fills the note as typing ends up (its value, then the `input` event the form listens to) and
   * submits: for most of the tasks, to keep CI fast. Nothing here awaits: a promise a page keeps
   * pending across the protocol can be collected, and the test's call with it.
   */
  fill(taskId: string): void {
    const root = button(taskId).shadowRoot!;
    const field = root.querySelector<HTMLTextAreaElement>('dialog[open] [name="notes"]')!;
    field.value = notes;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  },
  /** The agent has read the outcome: the row leaves, as a host does on `escalate-done`. */
  remove(taskId: string): void {
    list.querySelector(`li[data-task="${taskId}"]`)?.remove();
  },
  /** Escalations waiting in this origin's outbox, failed ones included. */
  async waiting(): Promise<number> {
    return (await client.pending()).length;
  },
  /** The ids waiting in the outbox, with their attempts and state: what a failure message shows. */
  async outbox(): Promise<string[]> {
    return (await client.pending()).map((e) => `${e.id} (${e.request.taskId}, ${e.attempts} attempts${e.failed ? ', failed' : ''})`);
  },
  flush: () => client.flush(),
  /** What every page of this origin heard, as kept in localStorage (see `report`). */
  heard(): Reported[] {
    return Object.keys(localStorage)
      .filter((k) => k.startsWith(heardPrefix))
      .map((k) => JSON.parse(localStorage.getItem(k)!) as Reported);
  },
  notes,
};
(window as unknown as { faults: typeof faults }).faults = faults;

function button(taskId: string): EscalateButton {
  return list.querySelector<EscalateButton>(`escalate-button[task-id="${taskId}"]`)!;
}
