/**
 * What the account team's inbox hears live (`GET /api/events`, `GET /api/escalations/:id/events`):
 * a new escalation, or a change of one (its status, a note, its owner). Small on purpose: a
 * client that wants more reads the escalation (`GET /api/escalations/:id`), and a PostgreSQL
 * NOTIFY payload stays far below its 8000-byte limit.
 */
import * as z from 'zod/mini';
import { assigneeSchema } from '../assignee.ts';
import { actorSchema, type Actor } from '../auth/types.ts';
import { statusSchema } from '../status.ts';

/** The SSE `event:` names. */
export const liveEventTypes = ['escalation.created', 'escalation.changed'] as const;
export type LiveEventType = (typeof liveEventTypes)[number];

/** What an `escalation.changed` changed. */
export const liveChanges = ['status', 'note', 'assignee'] as const;
export type LiveChange = (typeof liveChanges)[number];

/** The `data:` of every event, as JSON. */
export const liveEventDataSchema = z.object({
  /** The escalation's id. */
  id: z.string(),
  /** Its status after the change. */
  status: statusSchema,
  /** Who owns it after the change; `null`: nobody. */
  assignee: z.nullable(assigneeSchema),
  /** With `escalation.changed`: what changed (a status, a note, the owner). */
  change: z.optional(z.enum(liveChanges)),
  /** When it happened (ISO, the server's clock): the change's history row, or the escalation's `receivedAt`. */
  at: z.string(),
});
export type LiveEventData = z.output<typeof liveEventDataSchema>;

/** One event as stores publish it: the data, plus who sent the escalation (an agent hears only its own; never sent). */
export const liveEventSchema = z.object({
  type: z.enum(liveEventTypes),
  data: liveEventDataSchema,
  createdBy: z.optional(actorSchema),
});
export type LiveEvent = z.output<typeof liveEventSchema>;

/** Stops a subscription. */
export type Unsubscribe = () => void;

/** The `events` of a store: every committed change, as it happens. */
export interface LiveEvents {
  /**
   * Calls `listener` with every change committed from now on: on this server, and on PostgreSQL
   * on every server sharing the database. Resolves once listening, so nothing committed after
   * that is missed; `lost` is called if the feed broke (events may have been missed meanwhile:
   * reload what you show). The function it resolves with stops the subscription.
   */
  subscribe(listener: (event: LiveEvent) => void, lost?: () => void): Promise<Unsubscribe>;
}

/** The event for a record as it is now. */
export function liveEvent(
  type: LiveEventType,
  record: { id: string; status: LiveEventData['status']; assignee?: LiveEventData['assignee'] | undefined; createdBy?: Actor | undefined },
  at: string,
  change?: LiveChange,
): LiveEvent {
  return {
    type,
    data: { id: record.id, status: record.status, assignee: record.assignee ?? null, ...(change && { change }), at },
    ...(record.createdBy && { createdBy: record.createdBy }),
  };
}
