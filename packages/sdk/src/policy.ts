/**
 * The escalation policy of the two seed documents ("How to Escalate", agent-facing, and
 * "Escalation Procedures", the policy behind it) as data plus pure functions over it.
 *
 * The rules are data so a host can change a limit or a team without forking code, and
 * the data is validated so a typo in an override fails loudly at start-up instead of
 * silently routing escalations to the wrong place.
 *
 * Dates are computed in UTC: the SDK runs in browsers and servers in different time
 * zones, and a deadline that moved with the viewer's clock would disagree between them.
 */
import * as z from 'zod/mini';
import { EscalationValidationError, toFieldIssues } from './errors.ts';
import { contactMethods, limits, prioritySchema, priorities, serviceImpacts, signalNames, slugPattern, urgencySchema } from './schemas.ts';
import type { ContactMethod, Priority, SignalName, Signals, Urgency } from './schemas.ts';

// ---------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------

const text = z.string('Must be text').check(z.minLength(1, 'Must not be empty'));
const slug = z.string('Must be text').check(
  z.maxLength(limits.team, `Must be at most ${limits.team} characters`),
  z.regex(slugPattern, 'Must be a lower-case id such as "billing"'),
);
const level = z.number('Must be a number').check(
  z.int('Must be a whole number'),
  z.gte(1, 'Levels start at 1'),
  z.lte(limits.routingLevel, `Levels are 1 to ${limits.routingLevel}`),
);
const levelKey = z.string('Must be text').check(
  z.regex(new RegExp(`^[1-${limits.routingLevel}]$`), `Levels are 1 to ${limits.routingLevel}`),
);
const amount = z.number('Must be a number').check(z.gte(0, 'Must be 0 or more'));
const positive = z.number('Must be a number').check(z.gt(0, 'Must be more than 0'));

/**
 * A target duration of the priority table. One unit only, so the data reads like the
 * seed's table (`{ minutes: 30 }`, `{ hours: 4 }`, `{ businessDays: 3 }`).
 */
export const durationSchema = z.union(
  [
    z.strictObject({ minutes: positive }),
    z.strictObject({ hours: positive }),
    z.strictObject({ businessDays: positive.check(z.int('Must be a whole number')) }),
  ],
  'A duration is { minutes: n }, { hours: n } or { businessDays: n }',
);
/** A duration of the priority table, e.g. `{ hours: 4 }`. */
export type Duration = z.output<typeof durationSchema>;

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
});
/** What one boolean signal of {@link RoutingSignals} does to the routing. */
export type SignalRule = z.output<typeof signalRuleSchema>;

/** The policy as data. Every field has a default from the seeds; see {@link defaultPolicy}. */
export const escalationPolicySchema = z.strictObject({
  /** Categories that are always escalated (seed 000: "ALL complaint tasks (no exceptions!)"). */
  mandatoryCategories: z.array(slug),
  /** Level number (`'1'`..`'5'`) → the name people use for it. */
  levels: z.record(levelKey, text),
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
  }),
  /** What each boolean signal does: one rule per name of `signalNames`. */
  signals: z.strictObject(Object.fromEntries(signalNames.map((name) => [name, signalRuleSchema])) as Record<SignalName, typeof signalRuleSchema>),
  /** Service impact → priority. */
  serviceImpact: z.record(z.enum(serviceImpacts), prioritySchema),
  /** Priority → respond and resolve targets (seed 002, technical tickets). */
  priorities: z.record(prioritySchema, z.strictObject({ respond: durationSchema, resolve: durationSchema })),
  /**
   * Urgency → when the customer is contacted: by the end of the n-th business day after
   * escalation (0 = the same business day), and how to say it to the customer.
   */
  urgencies: z.record(
    urgencySchema,
    z.strictObject({
      businessDays: z.number('Must be a number').check(z.int('Must be a whole number'), z.gte(0, 'Must be 0 or more')),
      phrase: text,
    }),
  ),
  /** The customer script of seed 000; `{window}` and `{method}` are filled in. */
  script: z.strictObject({
    before: text,
    when: text,
    frustrated: text,
    /** Contact method → how it is said to the customer. */
    methods: z.record(z.enum(contactMethods), text),
  }),
  /**
   * The briefing of seed 002, one entry per sentence. An entry that is a list holds
   * alternatives: the first whose `{placeholders}` all have a value is used, and a
   * sentence with a missing value is left out rather than printed with a gap.
   */
  briefing: z.array(z.union([text, z.array(text)])),
  /**
   * The agent's note ("What the issue is (1-2 sentences), what you tried, why you're
   * escalating"): the form asks for at least `minLength` characters, a short sentence.
   */
  notes: z.strictObject({
    minLength: z.number('Must be a number').check(z.int('Must be a whole number'), z.gte(1, 'Must be 1 or more'), z.lte(limits.notes, `Must be at most ${limits.notes}`)),
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

// ---------------------------------------------------------------------------
// Defaults (the seeds)
// ---------------------------------------------------------------------------

/**
 * The seeds' policy. Deeply frozen: it is shared by every caller, so a mutation would
 * leak into every other escalation on the page. Use {@link definePolicy} to change it.
 */
export const defaultPolicy: EscalationPolicy = /* @__PURE__ */ deepFreeze({
  mandatoryCategories: ['complaint'],
  levels: { 1: 'Team Leader / Senior Agent', 2: 'Supervisor / Manager', 3: 'Specialised team' },
  limits: { credit: { 1: 20, 2: 50 }, refund: 100 },
  teams: {
    names: {
      account: 'Account Team',
      billing: 'Billing Team',
      technical: 'Technical Support',
      fraud: 'Fraud Team',
      legal: 'Legal / Compliance Team',
      retention: 'Retention Team',
    },
    fallback: 'account',
    categories: { complaint: 'account', billing: 'billing', pricing: 'account', technical: 'technical', other: 'account' },
    refund: 'billing',
    technical: 'technical',
  },
  signals: {
    fraudSuspected: {
      reason: 'Suspected fraud goes to the fraud team; do not tell the caller',
      mandatory: true,
      team: 'fraud',
      priority: 'high',
      urgency: 'urgent',
      customerScript: false,
    },
    legalThreat: {
      reason: 'Legal, BBB or regulatory threats go to legal / compliance',
      mandatory: true,
      team: 'legal',
      // Seed 002 lists "potential legal or regulatory implications" under Level 2.
      level: 2,
      priority: 'high',
    },
    cancellation: { reason: 'Customers who want to cancel go to the retention team', team: 'retention' },
    managerRequested: { reason: 'Customer asked for a manager', mandatory: true, level: 1 },
    vip: { reason: 'VIP accounts need a supervisor', level: 2 },
    multipleCustomersAffected: {
      reason: 'Service failures affecting multiple customers need a supervisor',
      level: 2,
      priority: 'critical',
    },
    troubleshootingExhausted: { reason: 'Standard troubleshooting is exhausted', level: 1 },
  },
  serviceImpact: { outage: 'critical', severe: 'high', workaround: 'medium', minor: 'low' },
  priorities: {
    critical: { respond: { minutes: 30 }, resolve: { hours: 4 } },
    high: { respond: { hours: 2 }, resolve: { hours: 24 } },
    medium: { respond: { hours: 8 }, resolve: { businessDays: 3 } },
    low: { respond: { hours: 24 }, resolve: { businessDays: 5 } },
  },
  urgencies: {
    urgent: { businessDays: 0, phrase: 'today' },
    // The upper bound of seed 000's "2-3 days": a promise we can keep.
    standard: { businessDays: 3, phrase: 'within 2-3 business days' },
  },
  script: {
    before: "I'm escalating this to our account team. They have more authority to help you.",
    when: 'Someone will contact you {window} by {method}.',
    frustrated: "I'm escalating because I want you to get the best help possible.",
    methods: { call: 'phone', text: 'text message', email: 'email' },
  },
  briefing: [
    [
      '{escalationPoint}, I need to escalate {customerName}, account {accountId}.',
      '{escalationPoint}, I need to escalate {customerName}.',
      '{escalationPoint}, I need to escalate account {accountId}.',
      '{escalationPoint}, I need to escalate a customer.',
    ],
    "They're experiencing {issue}.",
    "I've tried {tried} but {result}.",
    [
      "They're {emotionalState} and requesting {requesting}.",
      "They're {emotionalState}.",
      "They're requesting {requesting}.",
    ],
    'I recommend {recommendation}.',
    'Can you help?',
  ],
  notes: { minLength: limits.notesMin },
} satisfies EscalationPolicy);

/**
 * Builds a policy from the defaults and the host's overrides, and validates it.
 *
 * Objects are merged key by key, arrays and durations are replaced, `undefined` is ignored.
 *
 * @throws {EscalationValidationError} when the result is not a valid policy; `issues`
 * names each bad field, e.g. `['limits', 'credit', '2']`.
 * @example
 * ```ts
 * // This contact centre lets supervisors approve credits up to $75.
 * const policy = definePolicy({ limits: { credit: { 2: 75 } } });
 * suggestRouting({ category: 'billing', credit: 60 }, policy).level; // 1
 * ```
 */
export function definePolicy(overrides: PolicyOverrides = {}): EscalationPolicy {
  const result = escalationPolicySchema.safeParse(merge(defaultPolicy, overrides));
  if (!result.success) throw new EscalationValidationError(toFieldIssues(result.error.issues));
  return deepFreeze(result.data);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isDuration(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && /^(minutes|hours|businessDays)$/.test(keys[0]!);
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over) || isDuration(base)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    // Overrides may come from JSON config: never let them reach a prototype.
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = merge(base[k], v);
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ---------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------

/**
 * What the agent knows about the situation: the wire contract's {@link Signals} (every
 * signal of `signalNames`, `credit`, `refund`, `serviceImpact`) plus the form's category
 * and urgency. Everything but `category` is optional.
 */
export type RoutingSignals = Signals & {
  /** The category picked in the form, e.g. `'billing'`. Unknown ids go to `teams.fallback`. */
  category: string;
  /** The urgency the agent picked, if any. */
  urgency?: Urgency | undefined;
};

/** When and how the customer will be contacted, for one urgency. */
export interface ContactWindow {
  /** Contact by the end of this many business days after escalation (0 = the same day). */
  businessDays: number;
  /** How to say it to the customer, e.g. `'today'`. */
  phrase: string;
}

/** Where an escalation should go and how fast, with the reasons. */
export interface RoutingSuggestion {
  /** 1 or more; see `levelName`. */
  level: number;
  /** E.g. `'Supervisor / Manager'`. */
  levelName: string;
  /** Team id, e.g. `'billing'`. */
  team: string;
  priority: Priority;
  /** Target for the first response, from the priority table. */
  respondWithin: Duration;
  /** Target for resolution, from the priority table. */
  resolveWithin: Duration;
  /** The policy requires escalation: the agent should not try to handle it. */
  mandatory: boolean;
  urgency: Urgency;
  /**
   * The reason of the rule that fixed `urgency` (fraud: always urgent), overriding the
   * agent's choice; absent when the agent may choose.
   */
  urgencyForcedBy?: string;
  contactWindow: ContactWindow;
  /** `false` when nothing may be said to the caller about the escalation (fraud). */
  customerScriptAllowed: boolean;
  /** One sentence per rule that fired, for the agent and the receiving team. */
  reasons: string[];
}


function money(n: number): string {
  return `$${Number.isInteger(n) ? n : n.toFixed(2)}`;
}

function severity(p: Priority): number {
  return priorities.indexOf(p);
}

/**
 * Suggests the level, team, priority and urgency of an escalation, and says why.
 *
 * - Level: the highest level any rule asks for (at least 1).
 * - Team, first that applies: a signal's team (fraud > legal > retention), then
 *   `teams.refund` for refunds over `limits.refund`, then `teams.technical` when
 *   troubleshooting is exhausted on a technical problem (a category routed to the
 *   technical team, or any `serviceImpact`), then the category's team.
 * - Priority: the most severe of the service impact's row and the signals' priorities
 *   (an urgent escalation is at least high); medium when none applies.
 * - Urgency: a signal that forces one (fraud), else the agent's, else urgent for
 *   critical/high priority and standard otherwise.
 *
 * @example
 * ```ts
 * const r = suggestRouting({ category: 'billing', credit: 60, managerRequested: true });
 * r.level;     // 2 (credits over $50 need a supervisor)
 * r.team;      // 'billing'
 * r.mandatory; // true (the customer asked for a manager)
 * r.reasons;   // ['Customer asked for a manager', 'Credit of $60 is over the $50 limit of Supervisor / Manager']
 * ```
 */
export function suggestRouting(signals: RoutingSignals, policy: EscalationPolicy = defaultPolicy): RoutingSuggestion {
  const reasons: string[] = [];
  let level = 1;
  let mandatory = false;
  let team: string | undefined;
  let forcedUrgency: Urgency | undefined;
  let forcedBy: string | undefined;
  let scriptAllowed = true;
  const candidates: Priority[] = [];

  if (policy.mandatoryCategories.includes(signals.category)) {
    mandatory = true;
    reasons.push(`All ${signals.category} tasks must be escalated`);
  }

  // In the order of `signalNames`, which is the order of team precedence.
  for (const name of signalNames) {
    const rule = policy.signals[name];
    if (signals[name] !== true) continue;
    reasons.push(rule.reason);
    if (rule.mandatory) mandatory = true;
    if (rule.level) level = Math.max(level, rule.level);
    team ??= rule.team;
    if (rule.priority) candidates.push(rule.priority);
    if (rule.urgency) {
      forcedUrgency = rule.urgency;
      forcedBy = rule.reason;
    }
    if (rule.customerScript === false) scriptAllowed = false;
  }

  // Credits: only the highest limit exceeded speaks, so one reason per request.
  const credit = signals.credit;
  if (credit !== undefined && credit > 0) {
    let hit: [number, number] | undefined;
    for (const [lvl, limit] of Object.entries(policy.limits.credit)) {
      if (credit > limit && (!hit || Number(lvl) > hit[0])) hit = [Number(lvl), limit];
    }
    if (hit) {
      level = Math.max(level, hit[0]);
      // Over any limit is "above your authority" (seed 000: escalate immediately).
      mandatory = true;
      reasons.push(`Credit of ${money(credit)} is over the ${money(hit[1])} limit of ${levelName(policy, hit[0])}`);
    }
  }

  const refund = signals.refund;
  if (refund !== undefined && refund > policy.limits.refund) {
    mandatory = true;
    team ??= policy.teams.refund;
    const name = policy.teams.names[policy.teams.refund] ?? policy.teams.refund;
    reasons.push(`Refund of ${money(refund)} is over ${money(policy.limits.refund)}, so it goes to the ${name}`);
  }

  const categoryTeam = policy.teams.categories[signals.category] ?? policy.teams.fallback;
  if (
    signals.troubleshootingExhausted &&
    (categoryTeam === policy.teams.technical || signals.serviceImpact !== undefined)
  ) {
    team ??= policy.teams.technical;
  }
  team ??= categoryTeam;

  if (signals.serviceImpact) candidates.push(policy.serviceImpact[signals.serviceImpact]);
  if ((forcedUrgency ?? signals.urgency) === 'urgent') candidates.push('high');
  const priority = candidates.length
    ? candidates.reduce((a, b) => (severity(b) < severity(a) ? b : a))
    : 'medium';

  const urgency: Urgency =
    forcedUrgency ?? signals.urgency ?? (severity(priority) <= severity('high') ? 'urgent' : 'standard');
  const targets = policy.priorities[priority];

  return {
    level,
    levelName: levelName(policy, level),
    team,
    priority,
    respondWithin: { ...targets.respond },
    resolveWithin: { ...targets.resolve },
    mandatory,
    urgency,
    ...(forcedBy !== undefined && { urgencyForcedBy: forcedBy }),
    contactWindow: { ...policy.urgencies[urgency] },
    customerScriptAllowed: scriptAllowed,
    reasons,
  };
}

function levelName(policy: EscalationPolicy, level: number): string {
  return policy.levels[String(level)] ?? `Level ${level}`;
}

// ---------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------

const DAY = 86_400_000;

function isWeekend(d: Date): boolean {
  const day = d.getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Moves `from` by `days` business days (Monday to Friday, in UTC), keeping the time of
 * day. Public holidays are not known to the SDK and count as business days.
 *
 * @example
 * ```ts
 * addBusinessDays(new Date('2025-11-14T10:00:00Z'), 1); // Friday → Monday 2025-11-17T10:00:00Z
 * ```
 */
export function addBusinessDays(from: Date, days: number): Date {
  if (!Number.isInteger(days)) throw new RangeError(`Business days must be a whole number, got ${days}`);
  const step = days < 0 ? -1 : 1;
  let t = from.getTime();
  for (let left = Math.abs(days); left > 0; ) {
    t += step * DAY;
    if (!isWeekend(new Date(t))) left--;
  }
  return new Date(t);
}

/**
 * When a target of the priority table falls due, counted from `from`. Minutes and hours
 * are wall-clock time; business days skip weekends (UTC).
 *
 * @example
 * ```ts
 * const { respondWithin } = suggestRouting({ category: 'technical', serviceImpact: 'outage' });
 * targetTime(new Date('2025-11-14T10:00:00Z'), respondWithin); // 2025-11-14T10:30:00Z
 * ```
 */
export function targetTime(from: Date, d: Duration): Date {
  if ('businessDays' in d) return addBusinessDays(from, d.businessDays);
  const ms = 'minutes' in d ? d.minutes * 60_000 : d.hours * 3_600_000;
  return new Date(from.getTime() + ms);
}

/**
 * The latest moment the customer should be contacted (end of day, UTC): for urgent, the
 * end of the same business day (the next one when escalated on a weekend); for standard,
 * the end of the 3rd business day after `from` (the upper bound of "2-3 days").
 *
 * @example
 * ```ts
 * contactDeadline(new Date('2025-11-14T10:00:00Z'), 'standard'); // Friday → Wed 2025-11-19T23:59:59.999Z
 * contactDeadline(new Date('2025-11-15T10:00:00Z'), 'urgent');   // Saturday → Mon 2025-11-17T23:59:59.999Z
 * ```
 */
export function contactDeadline(from: Date, urgency: Urgency, policy: EscalationPolicy = defaultPolicy): Date {
  const d = addBusinessDays(from, policy.urgencies[urgency].businessDays);
  while (isWeekend(d)) d.setTime(d.getTime() + DAY);
  d.setUTCHours(23, 59, 59, 999);
  return d;
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/** What the agent tells the customer (seed 000, "What to Tell the Customer"). */
export interface CustomerScript {
  /** Before escalating. */
  before: string;
  /** If they ask when. */
  when: string;
  /** If they're frustrated; only when asked for. */
  frustrated?: string;
}

/** Input of {@link customerScript}. */
export interface CustomerScriptInput {
  /** How the account team will contact the customer. */
  contactMethod: ContactMethod;
  /** Defaults to `'standard'`. */
  urgency?: Urgency;
  /** Adds the line for a frustrated customer. */
  frustrated?: boolean;
  /** The routing suggestion; a fraud suspicion suppresses the script. */
  routing?: Pick<RoutingSuggestion, 'customerScriptAllowed'>;
}

/**
 * The lines to say to the customer, filled for the urgency and contact method, or
 * `null` when nothing may be said (seed 002: "DO NOT inform caller of fraud suspicion").
 *
 * @example
 * ```ts
 * customerScript({ contactMethod: 'call', urgency: 'urgent' })?.when;
 * // 'Someone will contact you today by phone.'
 * ```
 */
export function customerScript(input: CustomerScriptInput, policy: EscalationPolicy = defaultPolicy): CustomerScript | null {
  if (input.routing && !input.routing.customerScriptAllowed) return null;
  const { script } = policy;
  const when = fill(script.when, {
    window: policy.urgencies[input.urgency ?? 'standard'].phrase,
    method: script.methods[input.contactMethod],
  });
  const out: CustomerScript = { before: script.before, when: when ?? script.when };
  if (input.frustrated) out.frustrated = script.frustrated;
  return out;
}

/** The parts of an agent's note in the seed's "Issue: … Tried: … Why: …" format. */
export interface ParsedNotes {
  issue?: string;
  tried?: string;
  why?: string;
}

const noteLabel = /(?<![\p{L}\p{N}])(issue|tried|why)\s*:/giu;

/**
 * Splits an agent's note into issue / tried / why. Labels are case-insensitive, in any
 * order, on one line or several. Text without labels is all issue, and text before the
 * first label is the issue when no `Issue:` label is given.
 *
 * @example
 * ```ts
 * parseNotes('Issue: Customer disputing $450 charge. Tried: Explained policy. Why: Demands manager.');
 * // { issue: 'Customer disputing $450 charge.', tried: 'Explained policy.', why: 'Demands manager.' }
 * ```
 */
export function parseNotes(notes: string): ParsedNotes {
  const out: ParsedNotes = {};
  const matches = [...notes.matchAll(noteLabel)];
  const add = (key: keyof ParsedNotes, value: string) => {
    const v = value.replace(/\s+/g, ' ').trim();
    if (v) out[key] = out[key] ? `${out[key]} ${v}` : v;
  };
  const lead = notes.slice(0, matches[0]?.index ?? notes.length);
  matches.forEach((m, i) => {
    const start = m.index + m[0].length;
    add(m[1]!.toLowerCase() as keyof ParsedNotes, notes.slice(start, matches[i + 1]?.index ?? notes.length));
  });
  if (!out.issue) add('issue', lead);
  return out;
}

/** What the agent knows for the briefing of seed 002. Only `issue` is required. */
export interface BriefingFacts {
  /** Who is briefed; defaults to the name of `teams.fallback` ("Account Team"). */
  escalationPoint?: string;
  customerName?: string;
  accountId?: string;
  issue: string;
  /** What the agent tried. */
  tried?: string;
  /** What came of it; defaults to "the issue is not resolved". */
  result?: string;
  /** E.g. "frustrated". */
  emotionalState?: string;
  /** What the customer wants. */
  requesting?: string;
  /** What the agent suggests. */
  recommendation?: string;
}

/**
 * The briefing for the escalation point (seed 002's "Effective Briefing Template").
 * Sentences whose facts are missing are left out, never printed with placeholders.
 *
 * @example
 * ```ts
 * briefing({ customerName: 'Ana Ruiz', accountId: '88231', issue: 'a disputed $450 charge',
 *   tried: 'explaining the policy', emotionalState: 'upset', requesting: 'a refund' });
 * // "Account Team, I need to escalate Ana Ruiz, account 88231. They're experiencing a disputed
 * //  $450 charge. I've tried explaining the policy but the issue is not resolved. They're upset
 * //  and requesting a refund. Can you help?"
 * ```
 */
export function briefing(facts: BriefingFacts, policy: EscalationPolicy = defaultPolicy): string {
  const values: Record<string, string | undefined> = {
    escalationPoint: policy.teams.names[policy.teams.fallback] ?? 'Account Team',
    result: 'the issue is not resolved',
  };
  for (const [k, v] of Object.entries(facts)) {
    // Facts often come from notes ending in a full stop; the template adds its own.
    const clean = typeof v === 'string' || typeof v === 'number' ? String(v).trim().replace(/[.\s]+$/, '') : '';
    if (clean) values[k] = clean;
  }
  const sentences: string[] = [];
  for (const entry of policy.briefing) {
    for (const template of typeof entry === 'string' ? [entry] : entry) {
      const s = fill(template, values);
      if (s !== null) {
        sentences.push(s);
        break;
      }
    }
  }
  return sentences.join(' ');
}

/** Fills `{name}` placeholders; `null` when any has no value. */
function fill(template: string, values: Record<string, string | undefined>): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? null : out;
}
