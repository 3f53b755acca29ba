/**
 * "My escalations": what this agent escalated, each with its button saying where the account
 * team is with it ("Escalated · contacted 5 minutes ago · ref …", opening it read-only), and a
 * line once it is resolved: the loop closes where the agent works. Read from the demo's back end
 * (`client.list()`, which answers what this host sent), again every 30 s and whenever the tab
 * comes back into view, so a reload or a change in the inbox shows here.
 */
import { escalationReference, type EscalationClient, type EscalationReceipt, type EscalationState } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';

const section = document.querySelector<HTMLElement>('#mine')!;
const list = document.querySelector<HTMLUListElement>('#escalated')!;
const REFRESH_MS = 30_000;

function row(state: EscalationState): HTMLLIElement {
  // DOM APIs and textContent only: what the agent typed never becomes markup.
  const li = document.createElement('li');
  li.className = 'task';
  li.dataset.escalation = state.id;
  const h3 = document.createElement('h3');
  h3.textContent = state.taskTitle ? `${state.taskId} · ${state.taskTitle}` : state.taskId;
  li.append(h3);
  if (state.status === 'resolved') {
    const done = document.createElement('p');
    done.textContent = `Resolved · ref ${escalationReference(state.id)}`;
    li.append(done);
  } else {
    const button = document.createElement('escalate-button');
    button.taskId = state.taskId;
    button.escalation = state;
    li.append(button);
  }
  return li;
}

/** Puts `state` on the page, in place of what was shown for the same escalation. */
function show(state: EscalationState) {
  const current = list.querySelector<HTMLElement>(`[data-escalation="${CSS.escape(state.id)}"]`);
  const button = current?.querySelector('escalate-button');
  // The same row, its button given the new state: focus and an open read-only panel stay put.
  if (button && state.status !== 'resolved') button.escalation = state;
  else if (current) current.replaceWith(row(state));
  else list.prepend(row(state));
  section.hidden = false;
}

/** A task just escalated from the queue: shown at once, before the next read. */
export function trackMine(taskId: string, taskTitle: string | undefined, receipt: EscalationReceipt) {
  const now = new Date().toISOString();
  show({
    id: receipt.id,
    taskId,
    ...(taskTitle && { taskTitle }),
    status: 'open',
    team: receipt.team,
    respondBy: receipt.respondBy,
    receivedAt: now,
    since: now,
  });
}

/** Reads what this agent escalated and keeps it current. */
export async function showMine(client: EscalationClient<string>) {
  const refresh = async () => {
    try {
      // Oldest respond-by first from the API; the newest should lead here.
      const states = await client.list({ limit: 50 });
      for (const state of states.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))) show(state);
    } catch {
      // A failed read leaves what is shown; the next one tries again.
    }
  };
  await refresh();
  setInterval(() => void refresh(), REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refresh();
  });
}
