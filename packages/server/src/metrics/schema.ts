/**
 * The figures of the Metrics page and of `GET /api/stats` (its `metrics`), and the query that
 * picks their range: one schema, so the page, the API and the OpenAPI say the same thing
 * (docs/policy.md#metrics).
 */
import * as z from 'zod/mini';
import { statsSchema } from '../types.ts';
import { experienceLevels } from './experience.ts';

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const counts = z.record(z.string(), z.number());

/** Median and 90th percentile of a duration, in ms; `null` when nothing was measured. */
export const durationSummarySchema = z.object({
  /** How many escalations were measured. */
  count: z.number(),
  medianMs: z.nullable(z.number()),
  p90Ms: z.nullable(z.number()),
});

/** A deadline kept or not: `met` of `due` (those resolved, or past the deadline), `share` = met / due, `null` when none is due. */
export const deadlineShareSchema = z.object({ due: z.number(), met: z.number(), share: z.nullable(z.number()) });

/** Escalations of one day or one ISO week, in total and by team. */
const periodCounts = { total: z.number(), byTeam: counts };

export const agentRateSchema = z.object({
  agentId: z.string(),
  /** The agent's start day, from the latest request or report that said it. */
  startedOn: z.optional(day),
  experience: z.enum(experienceLevels),
  escalated: z.number(),
  handled: z.number(),
  /** escalated / (escalated + handled). */
  rate: z.number(),
  /** The healthy range of the agent's experience (docs/policy.md#metrics); absent when unknown. */
  range: z.optional(z.object({ min: z.number(), max: z.number() })),
  /** Where the rate stands against the range. */
  standing: z.enum(['below', 'within', 'above', 'unknown']),
  /** The procedures' suggested action, when the rate is above the range. */
  action: z.optional(z.string()),
});
export type AgentRate = z.output<typeof agentRateSchema>;

export const metricsSchema = z.object({
  /** The days counted, first and last included, in `tz`. */
  range: z.object({ from: day, to: day, tz: z.string() }),
  /** Escalations received in the range. */
  escalations: z.number(),
  /** Tasks handled without escalating in the range. */
  handled: z.number(),
  /** Every day of the range, oldest first, empty days included. */
  perDay: z.array(z.object({ day, ...periodCounts })),
  /** Every ISO week the range touches (`2025-W07`, from its Monday), oldest first. */
  perWeek: z.array(z.object({ week: z.string(), start: day, ...periodCounts })),
  byCategory: counts,
  byTeam: counts,
  /** How many escalations carried each signal (the reasons, docs/policy.md#signals). */
  bySignal: counts,
  /** Resolved now, and the share of the range's escalations that is. */
  resolution: z.object({ resolved: z.number(), rate: z.number() }),
  /** Received → the first change to `contacted`. */
  timeToFirstContact: durationSummarySchema,
  /** Received → the last change to `resolved`, of those resolved now. */
  timeToResolution: durationSummarySchema,
  /** Contacted by the respond-by. */
  respondedInTime: deadlineShareSchema,
  /** Resolved by the resolve-by. */
  resolvedInTime: deadlineShareSchema,
  /** Both shares per ISO week of receipt: SLA compliance over time. */
  slaPerWeek: z.array(z.object({ week: z.string(), start: day, respond: deadlineShareSchema, resolve: deadlineShareSchema })),
  /** Every agent with an escalation or a report in the range, highest rate first. */
  agents: z.array(agentRateSchema),
});
export type Metrics = z.output<typeof metricsSchema>;

/** `GET /api/stats`: the counts of every escalation the inbox shows under the list, and the range's `metrics`. */
export const statsAnswerSchema = z.extend(statsSchema, { metrics: metricsSchema });
export type StatsAnswer = z.output<typeof statsAnswerSchema>;
