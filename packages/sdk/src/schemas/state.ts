/**
 * Where an escalation stands once sent, as the agent's side reads it back (`client.get`,
 * `client.list`): the statuses the account team moves it through and the few fields a widget
 * shows. Only what the agent's side needs is read; the server's answer may carry more (the whole
 * request, the history's notes), which is ignored here rather than parsed into the bundle.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { oneOf } from './choices.ts';

/**
 * open → contacted → waiting (on the customer) → resolved, and reopened (back to open). The
 * server's state machine and the inbox read this list too.
 */
export const escalationStatuses = ['open', 'contacted', 'waiting', 'resolved'] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];
export const escalationStatusSchema = /* @__PURE__ */ lazy(() =>
  oneOf(escalationStatuses, 'Status must be open, contacted, waiting or resolved'),
);

/** One escalation as `GET {endpoint}/{id}` and `GET {endpoint}?taskId=…` answer it (the fields read). */
export const escalationStateSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    request: z.object({ taskId: z.string(), taskTitle: z.optional(z.string()) }),
    status: escalationStatusSchema,
    /** The team that takes it, as the server decided. */
    team: z.string(),
    respondBy: z.string(),
    resolveBy: z.optional(z.string()),
    receivedAt: z.string(),
    /** Each change of status, oldest first: the last one says since when the status holds. */
    history: z.array(z.object({ to: escalationStatusSchema, at: z.string() })),
  }),
);
export type EscalationStateBody = z.output<typeof escalationStateSchema>;

/** `GET {endpoint}?…`: one page of escalations, in respond-by order, and the cursor of the next page. */
export const escalationPageSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    items: z.array(escalationStateSchema),
    nextCursor: z.optional(z.string()),
  }),
);

/**
 * Where an escalation stands, for the agent's side.
 *
 * @example
 * ```ts
 * const [state] = await client.list({ taskId: 'T-1042' });
 * if (state) label.textContent = `Escalated · ${state.status} · ref ${escalationReference(state.id)}`;
 * ```
 */
export interface EscalationState {
  id: string;
  taskId: string;
  /** The task's title in the host's app, when the escalation carried one. */
  taskTitle?: string;
  status: EscalationStatus;
  team: string;
  respondBy: string;
  resolveBy?: string;
  receivedAt: string;
  /** When the escalation reached its current status (its last change, else when it was received). */
  since: string;
}

/** The state read from the server's answer. */
export function toEscalationState(body: EscalationStateBody): EscalationState {
  const last = body.history.at(-1);
  return {
    id: body.id,
    taskId: body.request.taskId,
    ...(body.request.taskTitle !== undefined && { taskTitle: body.request.taskTitle }),
    status: body.status,
    team: body.team,
    respondBy: body.respondBy,
    ...(body.resolveBy !== undefined && { resolveBy: body.resolveBy }),
    receivedAt: body.receivedAt,
    since: last?.at ?? body.receivedAt,
  };
}
