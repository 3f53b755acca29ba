/**
 * The life of an escalation (docs/architecture.md#server): its statuses, the changes allowed
 * between them, the notes written on the way, and the history that records each change and who
 * made it. One table of transitions, read by the API, the inbox and the tests alike.
 */
import * as z from 'zod/mini';
import { escalationStatuses, strictObjectError, type EscalationStatus } from '@escalate-kit/sdk';
import { historyAssigneeSchema, type HistoryAssignee } from './assignee.ts';
import { actorSchema } from './auth/types.ts';
import { noControlExceptNewlines } from './http/text.ts';

// open → contacted → waiting (on the customer) → resolved; resolved → open is a reopening. The
// list is the SDK's, which the agent's side reads the statuses with.
export { escalationStatuses, type EscalationStatus };
export const statusSchema = z.enum(escalationStatuses, 'Status must be open, contacted, waiting or resolved');

/**
 * Where each status may go. The team contacts the customer before anything else; while it waits
 * on the customer it may call again (waiting → contacted) or close; a resolved escalation comes
 * back only as open, and only with the reason it was reopened.
 */
export const transitions: Readonly<Record<EscalationStatus, readonly EscalationStatus[]>> = {
  open: ['contacted'],
  contacted: ['waiting', 'resolved'],
  waiting: ['contacted', 'resolved'],
  resolved: ['open'],
};

/** A reopening must say why: the history is where the next person reads it. */
export const needsReason = (from: EscalationStatus, to: EscalationStatus): boolean => from === 'resolved' && to === 'open';

export type TransitionProblem =
  | { error: 'no_change'; from: EscalationStatus; to: EscalationStatus; message: string }
  | { error: 'invalid_transition'; from: EscalationStatus; to: EscalationStatus; message: string }
  | { error: 'reason_required'; from: EscalationStatus; to: EscalationStatus; message: string };

/** Why `from` → `to` (with `note`) is refused, or `undefined` when it is allowed. */
export function transitionProblem(from: EscalationStatus, to: EscalationStatus, note: string | undefined): TransitionProblem | undefined {
  if (from === to) return { error: 'no_change', from, to, message: `The escalation is ${from} already` };
  if (!transitions[from].includes(to)) {
    const allowed = transitions[from].join(' or ');
    return {
      error: 'invalid_transition',
      from,
      to,
      message: `An escalation that is ${from} cannot become ${to}: it can become ${allowed}`,
    };
  }
  if (needsReason(from, to) && !note) return { error: 'reason_required', from, to, message: 'Say why it is reopened, in note' };
  return undefined;
}

/** A note as the account team writes it: like the escalation's notes (trimmed, bounded, newlines but no other control or bidi characters). */
export const noteSchema = z
  .string('Note must be text')
  .check(
    z.trim(),
    z.maxLength(2000, 'Note must be at most 2000 characters'),
    z.regex(noControlExceptNewlines, 'Note must not contain control characters or direction overrides'),
  );

/** `PATCH /api/escalations/:id` body. An empty note is no note. */
export const statusUpdateSchema = z.strictObject({ status: statusSchema, note: z.optional(noteSchema) }, strictObjectError);
export type StatusUpdate = z.output<typeof statusUpdateSchema>;

/** `POST /api/escalations/:id/notes` body: a note without a change of status. */
export const noteUpdateSchema = z.strictObject({ note: noteSchema.check(z.minLength(1, 'Write the note')) }, strictObjectError);

/**
 * One change, as the history keeps it: never updated, never deleted (migrations/005_history.sql).
 * A note without a change of status has `from` equal to `to`.
 */
export const historyEntrySchema = z.object({
  /** Absent on changes recorded before the history kept it (migration 005). */
  from: z.optional(statusSchema),
  to: statusSchema,
  /** The same as `to`: the status after the change, as the history said before it had `from` and `to`. */
  status: statusSchema,
  note: z.optional(z.string()),
  /**
   * On a claim, an assignment or a release (migration 006), and only there: who owns it from
   * then on (`null`: nobody). `from` and `to` are then both the status it had.
   */
  assignee: z.optional(historyAssigneeSchema),
  at: z.string(),
  actor: actorSchema,
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;

/** What a store appends: the change, who made it and when. */
export interface HistoryChange {
  from?: EscalationStatus;
  to: EscalationStatus;
  note?: string;
  /** Present on a change of owner only (`null`: released). */
  assignee?: HistoryAssignee;
  at: string;
  actor: z.output<typeof actorSchema>;
}

export const historyEntry = (change: HistoryChange): HistoryEntry => ({
  ...(change.from !== undefined && { from: change.from }),
  to: change.to,
  status: change.to,
  ...(change.note !== undefined && { note: change.note }),
  ...(change.assignee !== undefined && { assignee: change.assignee }),
  at: change.at,
  actor: change.actor,
});
