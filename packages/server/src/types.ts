/**
 * What the reference server stores and answers, as zod schemas (types inferred from them),
 * plus the two seams a deployment plugs into: the store and the notifier.
 */
import * as z from 'zod/mini';
import { categorySchema, escalationRequestSchema, limits, slugPattern, type EscalationRequest } from '@escalate-kit/sdk';
import { assigneeSchema, type AssigneeChange } from './assignee.ts';
import { actorSchema, type AccessStore, type Actor } from './auth/types.ts';
import type { LiveEvents } from './live/event.ts';
import { queueFilters } from './queue-filters.ts';
import { decisionSchema, type Decision } from './decision/schema.ts';
import type { HandledInsertResult, NewHandled, StoredHandled } from './metrics/handled.ts';

export { decisionSchema, deadlineRules, storedDeadlineSchema, type Decision, type StoredDeadline } from './decision/schema.ts';

import { noControl } from './http/text.ts';
import { followUpKinds, type FollowUpDetails } from './sla/kinds.ts';
import { historyEntrySchema, statusSchema, type HistoryChange, type StatusUpdate } from './status.ts';

export {
  escalationStatuses,
  historyEntrySchema,
  noteSchema,
  noteUpdateSchema,
  statusSchema,
  statusUpdateSchema,
  transitions,
  transitionProblem,
  type EscalationStatus,
  type HistoryChange,
  type HistoryEntry,
  type StatusUpdate,
  type TransitionProblem,
} from './status.ts';

export const notificationStates = ['pending', 'sent', 'failed'] as const;
export type NotificationState = (typeof notificationStates)[number];

/**
 * What a notification tells: `new`, a newly stored escalation to its team; the SLA clock's
 * reminders and level-ups and the agent's updates (`sla/kinds.ts`, docs/policy.md#follow-up).
 */
export const notificationKinds = ['new', ...followUpKinds] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Delivery of the e-mail to the account team; visible in the inbox. */
export const notificationSchema = z.object({
  state: z.enum(notificationStates),
  attempts: z.number(),
  lastError: z.optional(z.string()),
  sentAt: z.optional(z.string()),
  /**
   * The message's id (an e-mail's `Message-ID`). A notifier that names its messages has it
   * recorded before the first attempt, so every resend after a lost answer or a crash carries it.
   */
  messageId: z.optional(z.string()),
  /** When another attempt may start (ISO): after a failure, the end of its backoff; while one is under way, the end of its lease. */
  nextAttemptAt: z.optional(z.string()),
});
export type Notification = z.output<typeof notificationSchema>;

/** One stored escalation, as the API returns it. */
export const storedEscalationSchema = z.object({
  id: z.string(),
  /** The request as the client sent it; its `routing` is the client's suggestion, kept as it came. */
  request: escalationRequestSchema,
  /** The team that takes it: `decision.team` (docs/policy.md#specialised-teams). */
  team: z.string(),
  /** When the team must have answered: `decision.respondBy.at` (docs/policy.md#respond-by). */
  respondBy: z.string(),
  /** When it must be resolved, when a rule gives a resolution time: `decision.resolveBy.at`. */
  resolveBy: z.optional(z.string()),
  /**
   * The level it is at now, once the SLA clock raised it past `decision.level` at a breach
   * (docs/policy.md#follow-up); absent: `decision.level`.
   */
  level: z.optional(z.number()),
  /**
   * What the server decided from the case with its own policy. Absent on escalations stored
   * before the server recorded its decision (migration 003).
   */
  decision: z.optional(decisionSchema),
  receivedAt: z.string(),
  status: statusSchema,
  /** Every change of status and every note, oldest first, with who made it. */
  history: z.array(historyEntrySchema),
  /** Who sent it: the key or the user. Absent on escalations stored before migration 005, or with auth off. */
  createdBy: z.optional(actorSchema),
  /** The member or lead who owns it (claimed, or assigned by a lead); absent while nobody does. */
  assignee: z.optional(assigneeSchema),
  notification: notificationSchema,
});
export type StoredEscalation = z.output<typeof storedEscalationSchema>;

/** What the handler gives the store to insert. `bodyHash` detects "same id, different body" (409). */
export interface NewEscalation {
  request: EscalationRequest;
  bodyHash: string;
  team: string;
  respondBy: string;
  /** When a rule gives a resolution time (docs/policy.md#respond-by). */
  resolveBy?: string;
  /** The server's decision; the handler always gives one, an import of old data may not. */
  decision?: Decision;
  receivedAt: string;
  /** Who sent it (an agent reads only its own). */
  createdBy?: Actor;
  /**
   * Claims the first notification for the server that inserts: no `dueNotifications` call
   * returns the row before this time (ISO), so a retry timer on another server only sends the
   * e-mail when the inserting server did not get to record an attempt (it died). Absent: due at once.
   */
  notificationLeaseUntil?: string;
  /**
   * The `Message-ID` the first e-mail will carry, stored with the row: recorded before any
   * attempt without a write of its own. Absent: the worker records one before its first attempt.
   */
  notificationMessageId?: string;
}

/** What {@link EscalationStore.insert} did. */
export interface InsertResult {
  /** This call stored the escalation. */
  inserted: boolean;
  /** The row stored under the id; with `taskAlreadyEscalated`, the task's open escalation. */
  record: StoredEscalation;
  /** The body hash of `record`. */
  bodyHash: string;
  /** Nothing was stored: the task already has an escalation that is not resolved (`record`). */
  taskAlreadyEscalated?: true;
}

/** Whether an ISO date-time is between 1970 and 9999 (UTC), where every store compares it the same way. */
export const inStorableRange = (iso: string): boolean => {
  const t = Date.parse(iso);
  return t >= 0 && t < Date.UTC(10_000, 0, 1);
};

/** `GET /api/escalations` query. */
export const listQuerySchema = z.object({
  status: z.optional(statusSchema),
  /** The escalations of one task (the host's task id). */
  taskId: z.optional(
    z
      .string()
      .check(
        z.minLength(1, 'taskId must not be empty'),
        z.maxLength(200, 'taskId must be at most 200 characters'),
        z.regex(noControl, 'taskId must not contain control characters'),
      ),
  ),
  category: z.optional(categorySchema),
  /** The escalations one team takes (the decided team, e.g. `billing`). */
  team: z.optional(
    z
      .string()
      .check(
        z.maxLength(limits.team, `team must be at most ${limits.team} characters`),
        z.regex(slugPattern, 'team must be a lower-case id such as "billing"'),
      ),
  ),
  since: z.optional(
    z.iso
      .datetime({ offset: true, error: 'since must be an ISO-8601 date-time' })
      // Dates a database can compare: year 0000 parses in JavaScript but not in PostgreSQL.
      .check(z.refine((iso) => Number.isNaN(Date.parse(iso)) || inStorableRange(iso), 'since must be between 1970 and 9999')),
  ),
  limit: z._default(
    z.coerce
      .number('limit must be a number')
      .check(z.int('limit must be a whole number'), z.gte(1, 'limit must be 1 or more'), z.lte(200, 'limit must be 200 or less')),
    50,
  ),
  cursor: z.optional(z.string().check(z.maxLength(200, 'cursor must be a nextCursor this server returned'))),
  // The work queue's filters: whose, overdue, free text (queue-filters.ts).
  ...queueFilters,
});
export type ListQuery = z.output<typeof listQuerySchema>;

/** `GET /api/escalations`: one page, in respond-by order. */
export const listResultSchema = z.object({
  items: z.array(storedEscalationSchema),
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor: z.optional(z.string()),
});
export type ListResult = z.output<typeof listResultSchema>;

/** `GET /api/stats`. */
export const statsSchema = z.object({
  total: z.number(),
  byCategory: z.record(z.string(), z.number()),
  byUrgency: z.record(z.string(), z.number()),
  byStatus: z.record(z.string(), z.number()),
  /** Escalations received per UTC day, oldest first. */
  byDay: z.array(z.object({ day: z.string(), count: z.number() })),
  /** resolved / total, 0 when there are none. */
  resolvedShare: z.number(),
});
export type Stats = z.output<typeof statsSchema>;

/** The rows of a range the metrics read (`EscalationStore.metricsRows`). */
export interface MetricsRows {
  escalations: StoredEscalation[];
  handled: StoredHandled[];
}

/**
 * `GET /api/meta`: what people see for the ids the API answers with, from the handler's own
 * options, so the inbox shows the labels and team names this server was configured with.
 */
export const metaSchema = z.object({
  /** The accepted categories, in order, with their labels. */
  categories: z.array(z.object({ id: z.string(), label: z.string() })),
  /** Team id → display name (the policy's `teams.names`). */
  teams: z.record(z.string(), z.string()),
});
export type Meta = z.output<typeof metaSchema>;

/**
 * How long a claimed notification is left to the server that claimed it before another may try:
 * far longer than one e-mail takes (the e-mail notifier gives up on a silent server within a minute).
 */
export const NOTIFICATION_LEASE_MS = 120_000;

/**
 * Where escalations live. Idempotency is the store's job: `insert` must be atomic on `id`
 * (a unique key), so concurrent replays store one row.
 */
export interface EscalationStore {
  /** Creates or upgrades the schema. Safe to call on every start. */
  migrate(): Promise<void>;
  /** Users, API keys, sessions and failed sign-ins, in the same database (docs/architecture.md#security). */
  readonly access: AccessStore;
  /**
   * Inserts unless the id exists, or the task already has an escalation that is not resolved.
   * Returns the row now stored under that id and whether this call inserted it; when the task
   * has an open escalation under another id, nothing is inserted and `record` is that one.
   * Both checks and the insert are one atomic step: concurrent inserts of one task store one row.
   */
  insert(escalation: NewEscalation): Promise<InsertResult>;
  get(id: string): Promise<StoredEscalation | undefined>;
  /**
   * Ordered by `respondBy`, then `id` (what is due first comes first); with `createdBy`, only what
   * that actor sent. `query.assignee` is `none` or a user id (the route turns `me` into one);
   * `overdue` compares with `now` (default: the current time).
   */
  list(query: ListQuery, scope?: { createdBy?: Actor; now?: string }): Promise<ListResult>;
  /**
   * Sets the status to `change.to` and appends the change to the history, in one atomic step,
   * only if the status is still `change.from` (`changed: false` and the current record otherwise:
   * someone changed it meanwhile). `undefined` when there is no such escalation.
   */
  changeStatus(
    id: string,
    change: HistoryChange & { from: StatusUpdate['status'] },
  ): Promise<{ record: StoredEscalation; changed: boolean } | undefined>;
  /** Appends a note (`from` = `to` = the current status); `undefined` when there is no such escalation. */
  addNote(id: string, note: { note: string; at: string; actor: Actor }): Promise<StoredEscalation | undefined>;
  /**
   * Sets the owner to `change.to` and appends the change to the history (`from` = `to` = the
   * status, `assignee` the new owner), in one atomic step, only if the owner is still
   * `change.from` (`changed: false` and the current record otherwise). `undefined` when there is
   * no such escalation.
   */
  assign(id: string, change: AssigneeChange): Promise<{ record: StoredEscalation; changed: boolean } | undefined>;
  /** Every insert, change of status, note and change of owner, as committed (`live/event.ts`). */
  readonly events: LiveEvents;
  setNotification(id: string, notification: Notification): Promise<void>;
  /**
   * Claims up to `limit` escalations whose e-mail is not sent and due at `now` (`nextAttemptAt`
   * absent or not after it), oldest first: in one atomic step their `nextAttemptAt` becomes
   * `now + leaseMs`, and they are returned as claimed. Until the lease passes no other call, in
   * this process or on another server sharing the database, returns them again; `setNotification`
   * after the attempt ends the lease. The lease must outlast one notifier call.
   * @param leaseMs default {@link NOTIFICATION_LEASE_MS} (2 minutes)
   */
  dueNotifications(now: string, limit: number, leaseMs?: number): Promise<StoredEscalation[]>;
  stats(): Promise<Stats>;
  /** Stores a task handled without escalating, atomic on its id like `insert` (migrations/008_handled.sql). */
  insertHandled(report: NewHandled): Promise<HandledInsertResult>;
  /**
   * What the metrics are computed from (metrics/): the escalations received and the reports
   * handled in `[from, to)` (ISO instants), escalations with their history.
   */
  metricsRows(from: string, to: string): Promise<MetricsRows>;
  close(): Promise<void>;
}

/** Which message a {@link Notifier} sends: its kind, and the id recorded for it before the first attempt. */
export interface NotificationMessage {
  kind: NotificationKind;
  /** Send the message under exactly this id; absent when the notifier names no messages. */
  messageId?: string;
  /** For the follow-up kinds: the deadline and the level the message is about. */
  followUp?: FollowUpDetails;
  /**
   * The addresses the server chose (the agent who escalated, the owner); absent: the notifier's
   * own routing (the team's, or the level's).
   */
  to?: string[];
}

/** Tells the account team. Throws when it could not; the handler retries. */
export interface Notifier {
  /**
   * The id the message of `kind` about `escalation` will carry, the same on every call. When a
   * notifier has this, the worker records the id before the first attempt and passes it to every
   * attempt, so a resend after a lost answer or a crash is recognisably the same message.
   */
  messageIdFor?(escalation: StoredEscalation, kind: NotificationKind): string;
  notify(escalation: StoredEscalation, message?: NotificationMessage): Promise<{ messageId?: string }>;
}
