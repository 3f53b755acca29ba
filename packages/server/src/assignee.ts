/**
 * Who owns an escalation on the account team (docs/policy.md#follow-up: whoever owns it
 * monitors, chases and closes the loop): the assignee as stored and answered, as the history
 * records it, and the body of `PUT /api/escalations/:id/assignee`.
 */
import * as z from 'zod/mini';
import { strictObjectError } from '@escalate-kit/sdk';
import type { Actor } from './auth/types.ts';

/**
 * The member or lead who owns an escalation, copied from the user when assigned (not joined at
 * read time): one table read per list on every store, live events carry it as it is, and a
 * removed user's escalations still say whose they were until a lead assigns them again.
 */
export const assigneeSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type Assignee = z.output<typeof assigneeSchema>;

/** The assignee as a history row keeps it: who it became (`null`: released). */
export const historyAssigneeSchema = z.nullable(z.object({ id: z.string(), name: z.string() }));
export type HistoryAssignee = z.output<typeof historyAssigneeSchema>;

/** `PUT /api/escalations/:id/assignee` body: a user id, or `null` to release. */
export const assigneeUpdateSchema = z.strictObject(
  {
    userId: z.nullable(
      z
        .string('userId must be the id of a member or lead, or null to release')
        .check(z.minLength(1, 'userId must not be empty'), z.maxLength(200, 'userId must be at most 200 characters')),
    ),
  },
  strictObjectError,
);
export type AssigneeUpdate = z.output<typeof assigneeUpdateSchema>;

/** What a store records: the new assignee (`null`: nobody) if it is still `from` (an id, `null`: nobody). */
export interface AssigneeChange {
  from: string | null;
  to: Assignee | null;
  at: string;
  actor: Actor;
}

/** The history's view of an assignee. */
export const historyAssignee = (assignee: Assignee | null): HistoryAssignee => assignee && { id: assignee.id, name: assignee.name };
