/**
 * The demo host app: an agent's task queue. One <escalate-provider> configures every
 * <escalate-button>. The queue comes from the demo's back end (`/demo/tasks`), which leaves out
 * every task that has been escalated, so an escalated task does not come back after a reload.
 * A task leaves the page when the agent closes the escalation's result (`escalate-done`), and
 * focus moves on to the next task. Escalations go to the demo's own back end
 * (`/demo/api/escalations`, relay.ts), which holds the host's API key: the page never sees it.
 * What the agent escalated stays in sight under "My escalations" (mine.ts), each button saying
 * where the account team is with it.
 */
import { createEscalationClient } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import { showMine, trackMine } from './mine.ts';
import type { Task } from './tasks.ts';

const list = document.querySelector<HTMLUListElement>('#tasks')!;
const announcer = document.querySelector<HTMLElement>('#announcer')!;
const empty = document.querySelector<HTMLElement>('#empty')!;
const claim = document.querySelector<HTMLButtonElement>('#claim')!;
const provider = document.querySelector('escalate-provider')!;

// One client for the page, so the page also hears about escalations that were queued offline
// and delivered later (even after a reload).
// The demo's own back end, same-origin: it adds the host's API key and forwards to the API.
const client = createEscalationClient({ endpoint: '/demo/api/escalations' });
provider.client = client;
client.addEventListener('delivered', (e) => {
  removeTask(e.request.taskId, 'sent from the outbox');
  trackMine(e.request.taskId, e.request.taskTitle, e.receipt);
});

/** The demo agent's first day: the inbox's metrics read their escalation rate against a new agent's range. */
const AGENT_STARTED_ON = '2026-10-01';

const shown = () => [...list.querySelectorAll<HTMLElement>('[data-task]')].map((row) => row.dataset.task!);

async function fetchTasks(count: number): Promise<Task[]> {
  const params = new URLSearchParams({ count: String(count), exclude: shown().join(',') });
  const response = await fetch(`/demo/tasks?${params}`);
  if (!response.ok) throw new Error(`The task queue answered ${response.status}`);
  return ((await response.json()) as { tasks: Task[] }).tasks;
}

async function claimNext(count = 1) {
  try {
    const tasks = await fetchTasks(count);
    for (const task of tasks) list.append(renderTask(task));
    if (!tasks.length) announcer.textContent = 'No more tasks to claim.';
  } catch (e) {
    announcer.textContent = `Could not load tasks: ${(e as Error).message}`;
  }
  empty.hidden = list.children.length > 0;
}

function renderTask(task: Task): HTMLLIElement {
  // Built with DOM APIs and textContent: customer data never becomes markup.
  const li = document.createElement('li');
  li.className = 'task';
  li.dataset.task = task.id;
  const info = document.createElement('div');
  const h2 = document.createElement('h2');
  h2.textContent = `${task.id} · ${task.title}`;
  const p = document.createElement('p');
  p.textContent = `${task.customer} · account ${task.accountId}`;
  info.append(h2, p);
  const button = document.createElement('escalate-button');
  button.taskId = task.id;
  button.taskTitle = task.title;
  button.customerName = task.customer;
  button.accountId = task.accountId;
  if (task.phone) button.customerPhone = task.phone;
  if (task.email) button.customerEmail = task.email;
  if (task.category) button.category = task.category;
  // Solved at the agent's level: reported, so the escalation rate counts it (docs/policy.md#metrics).
  const done = document.createElement('button');
  done.type = 'button';
  done.className = 'handled';
  done.textContent = 'Solved without escalating';
  // The visible words first, then the task: a name a voice user can say, that tells the rows apart.
  done.setAttribute('aria-label', `Solved without escalating (${task.id})`);
  done.addEventListener('click', () => void handled(task.id, done));
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(button, done);
  li.append(info, actions);
  return li;
}

/** Reports a task solved at the agent's level, then takes it off the queue. */
async function handled(taskId: string, trigger: HTMLButtonElement) {
  trigger.disabled = true;
  try {
    await client.reportHandled({ taskId, agentId: 'agent-demo', startedOn: AGENT_STARTED_ON });
    removeTask(taskId, 'solved at your level');
  } catch (e) {
    trigger.disabled = false;
    announcer.textContent = `Could not record ${taskId} as solved: ${(e as Error).message}`;
  }
}

/** Takes a task off the page and puts focus on the next one (or on "Claim next task"). */
function removeTask(taskId: string, how: string) {
  const row = list.querySelector<HTMLElement>(`[data-task="${CSS.escape(taskId)}"]`);
  if (!row) return;
  const next = (row.nextElementSibling ?? row.previousElementSibling)?.querySelector('escalate-button');
  const hadFocus = row.contains(document.activeElement);
  row.remove();
  announcer.textContent = `Task ${taskId} removed from your queue (${how}). You're free to claim your next task.`;
  empty.hidden = list.children.length > 0;
  if (hadFocus || document.activeElement === document.body) (next ?? claim).focus();
}

// The dialog shows what happens next and what to tell the customer; the task goes when the
// agent closes it, so the confirmation is never torn away while it is being read.
list.addEventListener('escalate-done', (e) => {
  if (e.receipt) trackMine(e.taskId, e.request?.taskTitle, e.receipt);
  const how =
    e.outcome === 'queued'
      ? 'saved offline: it will be sent automatically'
      : e.outcome === 'already-escalated'
        ? 'it was already escalated'
        : 'escalated to the account team';
  removeTask(e.taskId, how);
});

claim.addEventListener('click', () => void claimNext());
void claimNext(3);
void showMine(client);
