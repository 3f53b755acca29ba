/**
 * The demo host's own back end: the agent's task queue. A real host keeps its tasks in its own
 * system; this one derives them from a fixed pool and asks the escalation store what became of
 * each, so an escalated task stays out of the queue across reloads and restarts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EscalationStore } from '@escalate-kit/server';
import { taskPool, type Task } from './tasks.ts';

/** Rounds of the pool: after T-1042 comes T-1042-2, as a fresh task of the same kind would. */
const MAX_ROUNDS = 50;
const MAX_COUNT = 20;

/** The first `count` tasks that have never been escalated nor handled, leaving out `exclude` (already shown). */
export async function nextTasks(store: EscalationStore, count: number, exclude: ReadonlySet<string> = new Set()): Promise<Task[]> {
  const out: Task[] = [];
  // Handled without escalating (client.reportHandled): done, so not offered again. Every report
  // ever is few for a demo; a real host knows its own tasks' states.
  const handled = new Set((await store.metricsRows(new Date(0).toISOString(), '9999-12-31T00:00:00.000Z')).handled.map((h) => h.taskId));
  for (let round = 1; round <= MAX_ROUNDS && out.length < count; round++) {
    for (const task of taskPool) {
      if (out.length >= count) break;
      const id = round === 1 ? task.id : `${task.id}-${round}`;
      if (exclude.has(id) || handled.has(id)) continue;
      const { items } = await store.list({ taskId: id, limit: 1 });
      if (items.length === 0) out.push({ ...task, id });
    }
  }
  return out;
}

/** `GET /demo/tasks?count=3&exclude=T-1042,T-1043`: the next tasks for the agent, as JSON. */
export function taskQueueListener(store: EscalationStore) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const count = Math.min(MAX_COUNT, Math.max(1, Number.parseInt(url.searchParams.get('count') ?? '3', 10) || 3));
    const exclude = new Set((url.searchParams.get('exclude') ?? '').split(',').filter(Boolean));
    nextTasks(store, count, exclude).then(
      (tasks) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ tasks }));
      },
      (error: unknown) => {
        console.error('escalate-kit demo:', error);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal_error' }));
      },
    );
  };
}
