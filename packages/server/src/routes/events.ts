/**
 * Live updates as Server-Sent Events (live/sse.ts): `GET /api/events`, every escalation a
 * member or lead may see (an agent or a key: only the ones it sent), for the account team's
 * inbox; and `GET /api/escalations/:id/events`, one escalation, for the agent's side
 * (`client.watch(id)` in the SDK). Events: `escalation.created` and `escalation.changed`, data
 * `{ id, status, assignee, change?, at }` (live/event.ts). Nothing is replayed on reconnection:
 * a client reloads what it shows when it (re)connects, then applies the events.
 */
import { isCreator } from '../auth/principal.ts';
import { uuidFromPath } from '../http/ids.ts';
import type { LiveEvent } from '../live/event.ts';
import { sseResponse } from '../live/sse.ts';
import type { EscalationStore } from '../types.ts';
import { noSuchEscalation } from './escalation-changes.ts';
import { principalOf, type RouteContext, type Routes } from './route.ts';

/** Live updates' timing (`EscalationHandlerOptions.live`). */
export interface LiveOptions {
  /**
   * How often a comment line keeps an idle stream alive through proxies, in ms.
   * @default 15_000
   * @example createEscalationHandler({ store, live: { heartbeatMs: 30_000 } })
   */
  heartbeatMs?: number;
  /**
   * How long a client waits before reconnecting a stream that broke (`retry:`), in ms.
   * @default 3000
   * @example createEscalationHandler({ store, live: { retryMs: 10_000 } })
   */
  retryMs?: number;
}

export interface EventRoutesOptions extends LiveOptions {
  store: EscalationStore;
}

/** The routes, and `close()`, which ends every open stream (the handler's own `close()`). */
export function eventRoutes({ store, heartbeatMs = 15_000, retryMs = 3000 }: EventRoutesOptions): Routes & { close(): void } {
  const open = new Set<() => void>();

  const stream = (request: Request, accept: (event: LiveEvent) => boolean) =>
    sseResponse({ events: store.events, accept, signal: request.signal, heartbeatMs, retryMs, open });

  function all(request: Request, context: RouteContext) {
    const principal = principalOf(context);
    // An agent hears only of what it sent, as it lists only that.
    const accept = principal.role === 'agent' ? (e: LiveEvent) => isCreator(principal, e.createdBy) : () => true;
    return stream(request, accept);
  }

  async function one(request: Request, id: string | undefined, context: RouteContext) {
    const principal = principalOf(context);
    const record = id === undefined ? undefined : await store.get(id);
    // Another key's escalation is "not found" to an agent, as `GET /api/escalations/:id` says.
    if (!record || (principal.role === 'agent' && !isCreator(principal, record.createdBy))) return noSuchEscalation();
    return stream(request, (e) => e.data.id === record.id);
  }

  const routes: Routes = (path) => {
    if (path === '/api/events') return { api: true, roles: { GET: 'agent' }, methods: { GET: all } };
    const match = /^\/api\/escalations\/([^/]+)\/events$/.exec(path);
    if (!match) return undefined;
    const id = uuidFromPath(match[1]!);
    return { api: true, roles: { GET: 'agent' }, methods: { GET: (request, context) => one(request, id, context) } };
  };
  return Object.assign(routes, {
    close: () => {
      for (const stop of [...open]) stop();
    },
  });
}
