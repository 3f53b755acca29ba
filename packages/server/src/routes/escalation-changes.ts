/**
 * Changing an escalation: its status (`PATCH /api/escalations/:id`, along the transitions of
 * `status.ts`, 409 naming from and to otherwise) and notes (`POST /api/escalations/:id/notes`).
 * Each change is a history row with who made it; members and leads only.
 */
import { parseJson } from '../http/body.ts';
import { error, invalid, json, notFound } from '../http/responses.ts';
import { uuidFromPath } from '../http/ids.ts';
import { noteUpdateSchema, statusUpdateSchema, transitionProblem, type TransitionProblem } from '../status.ts';
import type { EscalationStore } from '../types.ts';
import { principalOf, type Route, type RouteContext } from './route.ts';

export const noSuchEscalation = () => notFound('No escalation with this id (ids are UUIDs)');

function refused(problem: TransitionProblem): Response {
  if (problem.error === 'reason_required') return invalid([{ path: ['note'], message: problem.message }]);
  return error(409, problem);
}

export interface EscalationChangeOptions {
  store: EscalationStore;
  clock: () => Date;
  bodyLimit: number;
}

export function escalationChangeRoutes({ store, clock, bodyLimit }: EscalationChangeOptions) {
  async function update(request: Request, id: string, context: RouteContext): Promise<Response> {
    const { actor } = principalOf(context);
    const body = await parseJson(request, bodyLimit, statusUpdateSchema);
    if (body instanceof Response) return body;
    const note = body.note || undefined;
    // Checked against the status read, then set only if it is still that status: a change made
    // meanwhile is seen, and the request judged again against it (twice at most, then 409).
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await store.get(id);
      if (!current) return noSuchEscalation();
      const problem = transitionProblem(current.status, body.status, note);
      if (problem) return refused(problem);
      const at = clock().toISOString();
      const result = await store.changeStatus(id, { from: current.status, to: body.status, ...(note && { note }), at, actor });
      if (!result) return noSuchEscalation();
      if (result.changed) return json(200, result.record);
    }
    return error(409, { error: 'conflict', message: 'The escalation kept changing meanwhile; read it again and retry' });
  }

  async function addNote(request: Request, id: string, context: RouteContext): Promise<Response> {
    const { actor } = principalOf(context);
    const body = await parseJson(request, bodyLimit, noteUpdateSchema);
    if (body instanceof Response) return body;
    const record = await store.addNote(id, { note: body.note, at: clock().toISOString(), actor });
    return record ? json(201, record) : noSuchEscalation();
  }

  /** `/api/escalations/:id/notes`; `update` is the PATCH of `/api/escalations/:id`. */
  return Object.assign(
    (path: string): Route | undefined => {
      const match = /^\/api\/escalations\/([^/]+)\/notes$/.exec(path);
      if (!match) return undefined;
      const id = uuidFromPath(match[1]!);
      return {
        api: true,
        roles: { POST: 'member' },
        methods: { POST: (request, context) => (id === undefined ? noSuchEscalation() : addNote(request, id, context)) },
      };
    },
    { update },
  );
}
