/**
 * What the server decides for an escalation, as stored and answered: the routing and the
 * deadlines its own policy gives the case (docs/policy.md#respond-by), with the words of the rules
 * that gave them. A schema, so the contract documents it and the inbox checks what it reads.
 */
import * as z from 'zod/mini';
import { durationSchema, prioritySchema, urgencySchema, type DeadlineRule } from '@escalate-kit/sdk';

/** The rules a deadline can come from, each a section of docs/policy.md. */
export const deadlineRules = [
  'contact-window',
  'levels',
  'priority-table',
  'specialised-teams',
  'complaint-path',
] as const satisfies readonly DeadlineRule[];

/** One deadline: the instant (ISO, UTC), the rule that set it and the rule's own duration. */
export const storedDeadlineSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  rule: z.enum(deadlineRules),
  /** `{ hours: 4 }` and the like, or the business days of a contact window (`{ endOfBusinessDay: 3 }`). */
  within: z.union([durationSchema, z.object({ endOfBusinessDay: z.number().check(z.int(), z.gte(0)) })]),
});
export type StoredDeadline = z.output<typeof storedDeadlineSchema>;

/** The server's decision on one escalation (docs/policy.md#levels, #specialised-teams, #priority-table, #respond-by). */
export const decisionSchema = z.object({
  /** The team that takes it (a `teams.names` id). */
  team: z.string(),
  level: z.number().check(z.int(), z.gte(1)),
  /** The name people use for the level ("Supervisor / Manager"). */
  levelName: z.string(),
  /** The reason of the rule that asked for the level; absent when no rule did (no level clock). */
  levelSetBy: z.optional(z.string()),
  priority: prioritySchema,
  /** The urgency the escalation is handled with: the agent's, unless a rule fixed it. */
  urgency: urgencySchema,
  /** The reason of the rule that fixed the urgency (suspected fraud: always urgent). */
  urgencyForcedBy: z.optional(z.string()),
  /** The procedures require escalating this case. */
  mandatory: z.boolean(),
  /** One sentence per rule that applied, in the policy's own words. */
  reasons: z.array(z.string()),
  /** The earliest answer any rule asks for. */
  respondBy: storedDeadlineSchema,
  /** The earliest resolution any rule asks for; absent when none gives one. */
  resolveBy: z.optional(storedDeadlineSchema),
  /** The IANA zone the business days were counted in (the team's, else the policy's, else the server's). */
  timeZone: z.string(),
});
export type Decision = z.output<typeof decisionSchema>;
