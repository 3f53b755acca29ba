/**
 * The body of `POST <endpoint>` (see docs/architecture.md#wire-contract). Every other type in
 * the SDK, the element and the server is inferred from these; there is no second interface.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { maxLength, minLength, pattern } from './published.ts';
import type { DefaultCategory } from './categories.ts';
import {
  contactMethods,
  contactMethodSchema,
  identifier,
  limits,
  line,
  noControlExceptNewlines,
  slugPattern,
  strictObjectError as strict,
  urgencySchema,
  wellFormedCheck,
  type ContactMethod,
} from './common.ts';
import { contextSchema } from './context.ts';
import { isoDateTime, uuid } from './formats.ts';
import { agentSchema, contactSchema, customerSchema, routingSchema } from './parties.ts';
import { signalsSchema } from './signals.ts';

/** A category id on the wire. Hosts may add their own, so any slug passes here; the client narrows it. */
export const categorySchema = /* @__PURE__ */ lazy(() =>
  z
    .string('Category must be text')
    .check(
      minLength(1, 'Choose a category'),
      maxLength(limits.category, `Category must be at most ${limits.category} characters`),
      pattern(slugPattern, 'Category must be a lower-case id such as "billing"'),
    ),
);

const notesSchema = /* @__PURE__ */ lazy(() =>
  z
    .string('Notes must be text')
    .check(
      z.trim(),
      minLength(1, 'Write a quick note: what the issue is, what you tried, why you are escalating'),
      maxLength(limits.notes, `Notes must be at most ${limits.notes} characters`),
      pattern(noControlExceptNewlines, 'Notes must not contain control characters'),
      wellFormedCheck('The note'),
    ),
);

/**
 * The address for the chosen method must be there: a phone for call/text, an e-mail for email.
 * Checked even when other fields failed (zod skips an object's refinements then by default), so
 * one answer names every bad field, a missing address too; it only judges what parsed.
 */
const contactMatchesMethod = /* @__PURE__ */ lazy(() =>
  z.superRefine(
    (req: { contactMethod: ContactMethod; contact: z.infer<typeof contactSchema> }, ctx) => {
      const { contactMethod, contact } = req as { contactMethod: unknown; contact: unknown };
      if (
        !contactMethods.includes(contactMethod as ContactMethod) ||
        typeof contact !== 'object' ||
        contact === null ||
        Array.isArray(contact)
      )
        return;
      const field = contactMethod === 'email' ? 'email' : 'phone';
      if ((contact as Record<string, unknown>)[field] === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: contact,
          path: ['contact', field],
          message:
            field === 'email'
              ? 'An e-mail address is required to contact the customer by email'
              : `A phone number is required to contact the customer by ${String(contactMethod)}`,
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  ),
);

const buildRequestShape = () => ({
  // Lower case on the way in: one escalation is one id however a client spells its hex digits.
  id: uuid('Id must be a UUID').check(z.toLowerCase()),
  taskId: identifier(limits.taskId, 'Task id'),
  /** The task's own title in the host app, e.g. "Disputed $450 charge". */
  taskTitle: z.optional(line(limits.taskTitle, 'Task title')),
  category: categorySchema,
  notes: notesSchema,
  contactMethod: contactMethodSchema,
  contact: z._default(contactSchema, {}),
  urgency: z._default(urgencySchema, 'standard'),
  customer: z.optional(customerSchema),
  /** What the customer is asking for, in one line ("a refund of the $450"), for the briefing. */
  customerRequest: z.optional(line(limits.oneLine, 'What the customer wants')),
  /** What the agent recommends, in one line, for the briefing. */
  recommendation: z.optional(line(limits.oneLine, 'Recommendation')),
  agent: z.optional(agentSchema),
  routing: z.optional(routingSchema),
  signals: z.optional(signalsSchema),
  context: z.optional(contextSchema),
  createdAt: isoDateTime('createdAt must be an ISO-8601 date-time'),
});
let requestShapeBuilt: ReturnType<typeof buildRequestShape> | undefined;
// Built once for the schemas below; a plain object, since it is spread.
const requestShape = () => (requestShapeBuilt ??= buildRequestShape());

/** The body of `POST <endpoint>`, exactly as it travels. Used by the server to validate. */
export const escalationRequestSchema = /* @__PURE__ */ lazy(() => z.strictObject(requestShape(), strict).check(contactMatchesMethod));
export type EscalationRequest = z.output<typeof escalationRequestSchema>;

/**
 * What a caller passes to `client.escalate()`: the request minus what the client fills
 * (`id`, `createdAt`, and `urgency`, which defaults to standard).
 */
export const escalationInputSchema = /* @__PURE__ */ lazy(() =>
  z
    .strictObject(
      {
        ...requestShape(),
        id: z.optional(requestShape().id),
        createdAt: z.optional(requestShape().createdAt),
      },
      strict,
    )
    .check(contactMatchesMethod),
);
export type EscalationInputBase = z.input<typeof escalationInputSchema>;

/**
 * The typed input for a client configured with categories `C`. A category that is not
 * one of `C` (by default the five of docs/policy.md#categories) does not type-check.
 */
export type EscalationInput<C extends string = DefaultCategory> = Omit<EscalationInputBase, 'category'> & {
  category: C;
};
