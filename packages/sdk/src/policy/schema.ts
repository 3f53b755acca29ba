/**
 * The policy as data (docs/policy.md): its schema, so a typo in a host's override fails loudly
 * at start-up instead of silently routing escalations to the wrong place.
 */
import * as z from 'zod/mini';
import { contactMethods, limits, prioritySchema, serviceImpacts, signalNames, urgencySchema } from '../schemas/index.ts';
import type { SignalName } from '../schemas/index.ts';
import { priorityKeys, urgencyKeys } from '../schemas/common.ts';

import { amount, durationSchema, level, levelKey, slug, text } from './schema-parts.ts';
import { calendarSchema, complaintPathSchema, levelTimesSchema, timelinesSchema } from './schema-timing.ts';
import { atYourLevelSchema, phrasesSchema } from './schema-phrases.ts';

export { durationSchema, type Duration } from './schema-parts.ts';

const signalRuleSchema = z.strictObject({
  /** The sentence shown in `reasons` when the signal is present. */
  reason: text,
  /** The signal alone makes escalation mandatory. */
  mandatory: z.optional(z.boolean('Must be true or false')),
  /** The lowest level that may handle it. */
  level: z.optional(level),
  /** The team that takes it; see `suggestRouting` for precedence. */
  team: z.optional(slug),
  /** The least severe priority it may get. */
  priority: z.optional(prioritySchema),
  /** Forces this urgency, even over the agent's choice. */
  urgency: z.optional(urgencySchema),
  /** `false` hides the customer script (the fraud rule: never tip off the caller). */
  customerScript: z.optional(z.boolean('Must be true or false')),
  /** Only a contact the account already has may be used: the caller may not be the customer (fraud). */
  knownContactOnly: z.optional(z.boolean('Must be true or false')),
});
/** What one boolean signal of {@link RoutingSignals} does to the routing. */
export type SignalRule = z.output<typeof signalRuleSchema>;

/** The policy as data. Every field has a default from our procedures; see {@link defaultPolicy} and docs/policy.md. */
export const escalationPolicySchema = z.strictObject({
  /** Categories that are always escalated: "ALL complaint tasks (no exceptions!)" (docs/policy.md#when-to-escalate). */
  mandatoryCategories: z.array(slug),
  /** Level number (`'1'`..`'5'`) → the name people use for it. */
  levels: z.record(levelKey, text),
  /** How fast each level answers an escalation a rule sent to it (docs/policy.md#levels). */
  levelTimes: levelTimesSchema,
  /** Authority limits in dollars; "over" means strictly greater. */
  limits: z.strictObject({
    /** Level → credits over this amount need at least that level. */
    credit: z.record(levelKey, amount),
    /** Refunds over this amount go to `teams.refund`. */
    refund: amount,
  }),
  teams: z.strictObject({
    /** Team id → display name. */
    names: z.record(slug, text),
    /** The team of a category with no entry in `categories`. */
    fallback: slug,
    /** Category id → team id. */
    categories: z.record(slug, slug),
    /** Takes refunds over `limits.refund`. */
    refund: slug,
    /** Takes technical problems once troubleshooting is exhausted. */
    technical: slug,
    /** Team id → the time zone its business days are counted in (IANA, e.g. `America/Chicago`); else `calendar.timeZone`. */
    timeZones: z.record(slug, text),
    /** Team id → its own timeline (the billing investigation: 3-5 business days). */
    timelines: timelinesSchema,
  }),
  /** Formal complaints: who handles each level and within what (docs/policy.md#complaint-path). */
  complaintPath: complaintPathSchema,
  /** Business days: the time zone and the holidays (docs/policy.md#business-days). */
  calendar: calendarSchema,
  /** Words in the agent's note that suggest a signal, per language (docs/policy.md#noticed-as-typed). */
  phrases: phrasesSchema,
  /** Where a stuck agent turns: "Ask your supervisor or call support: 555-1234". */
  support: z.strictObject({ phone: text }),
  /** Cases the procedures say an agent may handle at their level, and how to say so (docs/policy.md#when-not-to-escalate). */
  atYourLevel: atYourLevelSchema,
  /** What each boolean signal does: one rule per name of `signalNames`. */
  signals: z.strictObject(
    Object.fromEntries(signalNames.map((name) => [name, signalRuleSchema])) as Record<SignalName, typeof signalRuleSchema>,
  ),
  /** Service impact → priority. */
  serviceImpact: z.record(z.enum(serviceImpacts), prioritySchema),
  /** Priority → respond and resolve targets, for technical tickets (docs/policy.md#priority-table). */
  priorities: z.record(priorityKeys, z.strictObject({ respond: durationSchema, resolve: durationSchema })),
  /**
   * Urgency → when the customer is contacted: by the end of the n-th business day after
   * escalation (0 = the same business day), and how to say it to the customer.
   */
  urgencies: z.record(
    urgencyKeys,
    z.strictObject({
      businessDays: z.number('Must be a number').check(z.int('Must be a whole number'), z.gte(0, 'Must be 0 or more')),
      phrase: text,
    }),
  ),
  /** The customer script (docs/policy.md#customer-script); `{window}` and `{method}` are filled in. */
  script: z.strictObject({
    before: text,
    when: text,
    frustrated: text,
    /** Contact method → how it is said to the customer. */
    methods: z.record(z.enum(contactMethods), text),
  }),
  /**
   * The briefing (docs/policy.md#briefing), one entry per sentence. An entry that is a list holds
   * alternatives: the first whose `{placeholders}` all have a value is used, and a
   * sentence with a missing value is left out rather than printed with a gap.
   */
  briefing: z.array(z.union([text, z.array(text)])),
  /** Signal → how the briefing says it of the customer ("threatening legal action"); unlisted signals are not said. */
  briefingStates: z.partialRecord(z.enum(signalNames), text),
  /**
   * The agent's note ("What the issue is (1-2 sentences), what you tried, why you're
   * escalating"): the form asks for at least `minLength` characters, a short sentence.
   */
  notes: z.strictObject({
    minLength: z
      .number('Must be a number')
      .check(z.int('Must be a whole number'), z.gte(1, 'Must be 1 or more'), z.lte(limits.notes, `Must be at most ${limits.notes}`)),
  }),
});

/** The validated policy. */
export type EscalationPolicy = z.output<typeof escalationPolicySchema>;

// Arrays and durations are values, not structures: merging `{ hours: 1 }` into
// `{ minutes: 30 }` must replace it, not produce an invalid two-unit duration.
type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? IsDuration<T> extends true
      ? T
      : { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
type IsDuration<T> = [Exclude<keyof T, 'minutes' | 'hours' | 'businessDays'>] extends [never] ? true : false;

/**
 * What a host may pass to {@link definePolicy}: any part of the policy. Objects are
 * merged into the defaults, arrays and durations replace them.
 */
export type PolicyOverrides = DeepPartial<EscalationPolicy>;
