/**
 * The demo host app: an agent's task queue. One <escalate-provider> configures every
 * <escalate-button>; the page removes a task when its escalation succeeds (or, when it was
 * queued offline, when the SDK reports it delivered) and lets the agent claim the next one.
 */
import { createEscalationClient } from '@escalate-kit/sdk';
import '@escalate-kit/element/define';
import { taskPool, type Task } from './tasks.ts';

const list = document.querySelector<HTMLUListElement>('#tasks')!;
const announcer = document.querySelector<HTMLElement>('#announcer')!;
const empty = document.querySelector<HTMLElement>('#empty')!;
const claim = document.querySelector<HTMLButtonElement>('#claim')!;
const provider = document.querySelector('escalate-provider')!;

// One client for the page, so the page also hears about escalations that were queued offline
// and delivered later (even after a reload).
const client = createEscalationClient({ endpoint: '/api/escalations' });
provider.client = client;
client.addEventListener('delivered', (e) => removeTask(e.request.taskId, 'sent from the outbox'));

let next = 0;
function claimNext() {
  const task = taskPool[next++ % taskPool.length]!;
  // A task escalated earlier comes back under a new id, as a fresh one would.
  const id = next > taskPool.length ? `${task.id}-${Math.ceil(next / taskPool.length)}` : task.id;
  list.append(renderTask({ ...task, id }));
  empty.hidden = true;
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
  button.customerName = task.customer;
  button.accountId = task.accountId;
  if (task.phone) button.customerPhone = task.phone;
  if (task.email) button.customerEmail = task.email;
  if (task.category) button.category = task.category;
  li.append(info, button);
  return li;
}

function removeTask(taskId: string, how: string) {
  const row = list.querySelector<HTMLElement>(`[data-task="${CSS.escape(taskId)}"]`);
  if (!row) return;
  row.remove();
  announcer.textContent = `Task ${taskId} removed from your queue (${how}). You're free to claim your next task.`;
  empty.hidden = list.children.length > 0;
  claim.focus();
}

// Success: the dialog shows what happens next and what to tell the customer; the row goes
// when the agent closes it, so the dialog is not torn away while it is being read.
list.addEventListener('escalate-success', (e) => {
  list.querySelector<HTMLElement>(`[data-task="${CSS.escape(e.taskId)}"]`)!.dataset.escalated = 'true';
});
list.addEventListener('escalate-queued', (e) => {
  const row = list.querySelector<HTMLElement>(`[data-task="${CSS.escape(e.taskId)}"]`);
  if (!row || row.querySelector('.badge')) return;
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = 'Escalation saved offline: it will be sent automatically';
  row.querySelector('div')!.append(badge);
});
list.addEventListener('escalate-close', (e) => {
  const row = list.querySelector<HTMLElement>(`[data-task="${CSS.escape(e.taskId)}"]`);
  if (row?.dataset.escalated) removeTask(e.taskId, 'escalated to the account team');
});

claim.addEventListener('click', claimNext);
for (let i = 0; i < 3; i++) claimNext();
