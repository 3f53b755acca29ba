/**
 * The wire contract (see DESIGN.md), as zod schemas. Every other type in the SDK,
 * the element and the server is inferred from these; there is no second interface.
 *
 * `zod/mini` rather than classic `zod`: the same validation, but tree-shakable
 * functions instead of methods, ~6 kB gzip in a browser bundle instead of ~90 kB.
 */
import * as z from 'zod/mini';

/** Bounds of every string and collection, exported so UIs can show the same limits. */
export const limits = {
  taskId: 200,
  taskTitle: 200,
  notes: 5000,
  /**
   * The shortest note the form accepts: a short sentence. The account team cannot act on
   * "help"; the wire contract itself only asks for a non-empty note.
   */
  notesMin: 20,
  name: 200,
  id: 100,
  email: 254,
  phone: 32,
  category: 40,
  team: 40,
  contextKeys: 20,
  contextKey: 40,
  contextValue: 500,
  routingLevel: 5,
  /** The largest credit or refund amount a request may name. */
  amount: 1_000_000_000,
} as const;

/** The categories of seed 000, in its order, with its "use when" hints. */
export const defaultCategories = [
  { id: 'complaint', label: 'Complaint', hint: 'Customer unhappy or has problem' },
  { id: 'billing', label: 'Billing', hint: 'Payment, charges, refunds' },
  { id: 'pricing', label: 'Pricing', hint: 'Quote or estimate concerns' },
  { id: 'technical', label: 'Technical', hint: 'System or equipment problems' },
  { id: 'other', label: 'Other', hint: "Doesn't fit other categories" },
] as const satisfies readonly CategoryDefinition[];

/** A category a host offers: a slug on the wire, a label and a hint for people. */
export interface CategoryDefinition {
  id: string;
  label: string;
  hint?: string;
}

/** The default category ids: `complaint | billing | pricing | technical | other`. */
export type DefaultCategory = (typeof defaultCategories)[number]['id'];

export const contactMethods = ['call', 'text', 'email'] as const;
export const urgencies = ['urgent', 'standard'] as const;
export const priorities = ['critical', 'high', 'medium', 'low'] as const;

/**
 * What the agent knows about the case, as yes/no signals, in the policy's order of team
 * precedence (fraud > legal > retention). The one list every signal type, schema and rule
 * table derives from.
 */
export const signalNames = [
  'fraudSuspected',
  'legalThreat',
  'cancellation',
  'managerRequested',
  'vip',
  'multipleCustomersAffected',
  'troubleshootingExhausted',
] as const;
/** One of {@link signalNames}. */
export type SignalName = (typeof signalNames)[number];

/** How a technical problem affects service, as the agent sees it. Maps to a priority. */
export const serviceImpacts = ['outage', 'severe', 'workaround', 'minor'] as const;
/** `outage` → critical, `severe` → high, `workaround` → medium, `minor` → low (by default). */
export type ServiceImpact = (typeof serviceImpacts)[number];

// Control characters (C0, DEL, C1), Unicode line/paragraph separators and bidi overrides
// are never legitimate in what an agent types: they corrupt e-mails and logs, or make text
// read differently from what it is ("Trojan Source"). Multi-line fields keep tab and newlines.
// eslint-disable-next-line no-control-regex
const noControl = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
// eslint-disable-next-line no-control-regex
const noControlExceptNewlines = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

/** Strict objects name the fields they do not know (zod/mini ships no English messages). */
const strict = { error: (iss: { code?: string; keys?: string[] }) => (iss.code === 'unrecognized_keys' ? `Unknown field(s): ${iss.keys?.join(', ')}` : undefined) };

/** A single-line, trimmed, non-empty string of at most `max` characters. */
function line(max: number, what: string) {
  return z.string(`${what} must be text`).check(
    z.trim(),
    z.minLength(1, `${what} is required`),
    z.maxLength(max, `${what} must be at most ${max} characters`),
    z.regex(noControl, `${what} must not contain control characters`),
  );
}

export const slugPattern = /^[a-z][a-z0-9_-]*$/;

/** A category id on the wire. Hosts may add their own, so any slug passes here; the client narrows it. */
export const categorySchema = z.string('Category must be text').check(
  z.minLength(1, 'Choose a category'),
  z.maxLength(limits.category, `Category must be at most ${limits.category} characters`),
  z.regex(slugPattern, 'Category must be a lower-case id such as "billing"'),
);

export const contactMethodSchema = z.enum(contactMethods, 'Choose how the customer wants to be contacted: call, text or email');
export type ContactMethod = z.infer<typeof contactMethodSchema>;

export const urgencySchema = z.enum(urgencies, 'Urgency must be urgent or standard');
export type Urgency = z.infer<typeof urgencySchema>;

export const prioritySchema = z.enum(priorities, 'Priority must be critical, high, medium or low');
export type Priority = z.infer<typeof prioritySchema>;

// At least 7 digits, at most 15 (E.164), with the usual separators around them.
const phonePattern = /^\+?[0-9 ().-]{7,}$/;
export const phoneSchema = z.string('Phone must be text').check(
  z.trim(),
  z.maxLength(limits.phone, `Phone must be at most ${limits.phone} characters`),
  z.regex(phonePattern, { error: 'Enter a phone number, e.g. +1 555 123 4567', abort: true }),
  z.refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }, 'Enter a phone number with 7 to 15 digits'),
);

export const emailSchema = z.string('E-mail must be text').check(
  z.trim(),
  z.maxLength(limits.email, `E-mail must be at most ${limits.email} characters`),
  z.email({ error: 'Enter an e-mail address, e.g. name@example.com', abort: true }),
);

export const contactSchema = z.strictObject(
  {
    phone: z.optional(phoneSchema),
    email: z.optional(emailSchema),
  },
  strict,
);

export const customerSchema = z.strictObject(
  {
    name: z.optional(line(limits.name, 'Customer name')),
    accountId: z.optional(line(limits.id, 'Account id')),
  },
  strict,
);

export const agentSchema = z.strictObject(
  {
    id: z.optional(line(limits.id, 'Agent id')),
    name: z.optional(line(limits.name, 'Agent name')),
  },
  strict,
);

export const routingSchema = z.strictObject(
  {
  level: z.number('Level must be a number').check(
    z.int('Level must be a whole number'),
    z.gte(1, 'Level must be 1 or more'),
    z.lte(limits.routingLevel, `Level must be ${limits.routingLevel} or less`),
  ),
  team: z.string('Team must be text').check(
    z.minLength(1, 'Team is required'),
    z.maxLength(limits.team, `Team must be at most ${limits.team} characters`),
    z.regex(slugPattern, 'Team must be a lower-case id such as "billing"'),
  ),
  priority: z.optional(prioritySchema),
  },
  strict,
);
export type Routing = z.infer<typeof routingSchema>;

const flag = z.optional(z.boolean('Signals are true or false'));
const amountSchema = z.number('Amounts must be numbers').check(
  z.gte(0, 'Amounts must be 0 or more'),
  z.lte(limits.amount, `Amounts must be at most ${limits.amount}`),
);

/**
 * What the agent (or the host) knows about the case: the policy's signals, the credit or
 * refund asked for, and the service impact of a technical problem. The server routes and
 * times the escalation from these with its own policy.
 */
export const signalsSchema = z.strictObject(
  {
    ...(Object.fromEntries(signalNames.map((name) => [name, flag])) as Record<SignalName, typeof flag>),
    /** Dollars the customer asks to be credited. */
    credit: z.optional(amountSchema),
    /** Dollars the customer asks to be refunded. */
    refund: z.optional(amountSchema),
    /** How a technical problem affects service; picks the row of the priority table. */
    serviceImpact: z.optional(z.enum(serviceImpacts, `Service impact must be one of ${serviceImpacts.join(', ')}`)),
  },
  strict,
);
/** What the agent knows about the case; every field optional. */
export type Signals = z.output<typeof signalsSchema>;

/** Small, flat, bounded host context (e.g. `{ queue: 'tier-1', attempt: 2 }`). */
export const contextSchema = z.record(
  // Keys are checked below, on the record: zod reports a failing key schema only as
  // "Invalid input", and the message that says what is wrong would be lost.
  z.string(),
  z.union(
    [
      z.string().check(
        z.maxLength(limits.contextValue, `Context values must be at most ${limits.contextValue} characters`),
        z.regex(noControl, 'Context values must not contain control characters'),
      ),
      z.number().check(z.refine(Number.isFinite, 'Context numbers must be finite')),
      z.boolean(),
    ],
    'Context values must be a string, number or boolean',
  ),
).check(
  z.refine(
    (ctx) => Object.keys(ctx).length <= limits.contextKeys,
    `Context may have at most ${limits.contextKeys} keys`,
  ),
  z.superRefine((ctx, payload) => {
    for (const key of Object.keys(ctx)) {
      const message = !key
        ? 'Context keys must not be empty'
        : key.length > limits.contextKey
          ? `Context keys must be at most ${limits.contextKey} characters`
          : noControl.test(key)
            ? undefined
            : 'Context keys must not contain control characters';
      if (message) payload.issues.push({ code: 'custom', input: key, path: [key], message });
    }
  }),
);

const notesSchema = z.string('Notes must be text').check(
  z.trim(),
  z.minLength(1, 'Write a quick note: what the issue is, what you tried, why you are escalating'),
  z.maxLength(limits.notes, `Notes must be at most ${limits.notes} characters`),
  z.regex(noControlExceptNewlines, 'Notes must not contain control characters'),
);

/** The address for the chosen method must be there: a phone for call/text, an e-mail for email. */
const contactMatchesMethod = z.superRefine(
  (req: { contactMethod: ContactMethod; contact: z.infer<typeof contactSchema> }, ctx) => {
    const field = req.contactMethod === 'email' ? 'email' : 'phone';
    if (req.contact[field] === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: req.contact,
        path: ['contact', field],
        message:
          field === 'email'
            ? 'An e-mail address is required to contact the customer by email'
            : `A phone number is required to contact the customer by ${req.contactMethod}`,
      });
    }
  },
);

const requestShape = {
  id: z.uuid('Id must be a UUID'),
  taskId: line(limits.taskId, 'Task id'),
  /** The task's own title in the host app, e.g. "Disputed $450 charge". */
  taskTitle: z.optional(line(limits.taskTitle, 'Task title')),
  category: categorySchema,
  notes: notesSchema,
  contactMethod: contactMethodSchema,
  contact: z._default(contactSchema, {}),
  urgency: z._default(urgencySchema, 'standard'),
  customer: z.optional(customerSchema),
  agent: z.optional(agentSchema),
  routing: z.optional(routingSchema),
  signals: z.optional(signalsSchema),
  context: z.optional(contextSchema),
  createdAt: z.iso.datetime({ offset: true, error: 'createdAt must be an ISO-8601 date-time' }),
};

/** The body of `POST <endpoint>`, exactly as it travels. Used by the server to validate. */
export const escalationRequestSchema = z.strictObject(requestShape, strict).check(contactMatchesMethod);
export type EscalationRequest = z.output<typeof escalationRequestSchema>;

/**
 * What a caller passes to `client.escalate()`: the request minus what the client fills
 * (`id`, `createdAt`, and `urgency`, which defaults to standard).
 */
export const escalationInputSchema = z
  .strictObject(
    {
      ...requestShape,
      id: z.optional(requestShape.id),
      createdAt: z.optional(requestShape.createdAt),
    },
    strict,
  )
  .check(contactMatchesMethod);
export type EscalationInputBase = z.input<typeof escalationInputSchema>;

/**
 * The typed input for a client configured with categories `C`. A category that is not
 * one of `C` (by default the five of seed 000) does not type-check.
 */
export type EscalationInput<C extends string = DefaultCategory> = Omit<EscalationInputBase, 'category'> & {
  category: C;
};

/** The server's answer to a POST: 201, or 200 with `duplicate: true` on an idempotent replay. */
export const escalationReceiptSchema = z.object({
  id: z.uuid(),
  taskId: z.string().check(z.minLength(1), z.maxLength(limits.taskId)),
  status: z.literal('received'),
  team: z.string().check(z.minLength(1), z.maxLength(limits.team)),
  respondBy: z.iso.datetime({ offset: true }),
  duplicate: z._default(z.boolean(), false),
});
export type EscalationReceipt = z.output<typeof escalationReceiptSchema>;

export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** The escalation a task already has, named in a 409 `task_already_escalated`. */
export const existingEscalationSchema = z.object({
  id: z.string(),
  status: z.string(),
  team: z.optional(z.string()),
  respondBy: z.optional(z.string()),
});
export type ExistingEscalation = z.output<typeof existingEscalationSchema>;

/** Every non-2xx body the server sends. */
export const errorBodySchema = z.object({
  error: z.string(),
  message: z.optional(z.string()),
  issues: z.optional(z.array(fieldIssueSchema)),
  /** With `task_already_escalated`: the open escalation of that task. */
  existing: z.optional(existingEscalationSchema),
});
export type ErrorBody = z.output<typeof errorBodySchema>;
