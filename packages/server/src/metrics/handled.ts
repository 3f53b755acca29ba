/**
 * Tasks handled without escalating, as the server stores and answers them (`POST /api/handled`,
 * migrations/008_handled.sql): the denominator of the escalation rate (docs/policy.md#metrics).
 * The wire body is the SDK's `handledReportSchema`.
 */
import * as z from 'zod/mini';
import { actorSchema, type Actor } from '../auth/types.ts';

/** One stored report, as the API answers it and the metrics read it. */
export const storedHandledSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  agentId: z.string(),
  /** `YYYY-MM-DD`, when the host sent it. */
  agentStartedOn: z.optional(z.string()),
  /** When the agent finished the task (the report's `handledAt`, else when it was received). */
  handledAt: z.string(),
  receivedAt: z.string(),
  createdBy: z.optional(actorSchema),
});
export type StoredHandled = z.output<typeof storedHandledSchema>;

/** What the route gives the store: the report with `handledAt` decided, and `bodyHash` to tell a replay from a conflict. */
export interface NewHandled {
  id: string;
  taskId: string;
  agentId: string;
  agentStartedOn?: string;
  handledAt: string;
  receivedAt: string;
  bodyHash: string;
  createdBy?: Actor;
}

/** What `insertHandled` did: like an escalation's insert, atomic on `id`. */
export interface HandledInsertResult {
  inserted: boolean;
  record: StoredHandled;
  bodyHash: string;
}

/** `POST /api/handled`'s answer: the stored report, `duplicate` on a replay of the same body. */
export const handledAnswerSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  agentId: z.string(),
  handledAt: z.string(),
  duplicate: z.boolean(),
});
export type HandledAnswer = z.output<typeof handledAnswerSchema>;

/** The stored report from a `NewHandled`, as every store keeps it. */
export function toStoredHandled(report: NewHandled): StoredHandled {
  return {
    id: report.id,
    taskId: report.taskId,
    agentId: report.agentId,
    ...(report.agentStartedOn !== undefined && { agentStartedOn: report.agentStartedOn }),
    handledAt: report.handledAt,
    receivedAt: report.receivedAt,
    ...(report.createdBy !== undefined && { createdBy: report.createdBy }),
  };
}
