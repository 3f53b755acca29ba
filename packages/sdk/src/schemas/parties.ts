/** Who is involved and how to reach them: the customer's contact, the customer, the agent, the suggested routing. */
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { atLeast, atMost, maxLength, minLength, pattern } from './published.ts';
import { identifier, limits, line, prioritySchema, slugPattern, strictObjectError as strict } from './common.ts';
import { emailCheck, wholeNumber } from './formats.ts';

// At least 7 digits, at most 15 (E.164), with the usual separators around them.
const phonePattern = /^\+?[0-9 ().-]{7,}$/;
// No `abort` in these checks: an aborted field stops the request's own checks too (the address
// its contact method needs), and one answer must name every bad field. The digit count is only
// said of something shaped like a phone number instead.
export const phoneSchema = /* @__PURE__ */ lazy(() =>
  z.string('Phone must be text').check(
    z.trim(),
    maxLength(limits.phone, `Phone must be at most ${limits.phone} characters`),
    pattern(phonePattern, 'Enter a phone number, e.g. +1 555 123 4567'),
    z.refine((v) => {
      const digits = v.replace(/\D/g, '').length;
      return !phonePattern.test(v) || (digits >= 7 && digits <= 15);
    }, 'Enter a phone number with 7 to 15 digits'),
  ),
);

export const emailSchema = /* @__PURE__ */ lazy(() =>
  z
    .string('E-mail must be text')
    .check(
      z.trim(),
      maxLength(limits.email, `E-mail must be at most ${limits.email} characters`),
      emailCheck('Enter an e-mail address, e.g. name@example.com'),
    ),
);

export const contactSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject(
    {
      phone: z.optional(phoneSchema),
      email: z.optional(emailSchema),
    },
    strict,
  ),
);

export const customerSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject(
    {
      name: z.optional(line(limits.name, 'Customer name')),
      accountId: z.optional(identifier(limits.id, 'Account id')),
    },
    strict,
  ),
);

/** A calendar day, `2025-03-01`, that is a real date. */
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (v: string) => dayPattern.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export const agentSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject(
    {
      id: z.optional(identifier(limits.id, 'Agent id')),
      name: z.optional(line(limits.name, 'Agent name')),
      /** Where the account team's progress reaches the agent: contacted, resolved (the loop closes). */
      email: z.optional(emailSchema),
      /**
       * The day the agent started, from the host: the escalation rate is read against the healthy
       * range for their experience (docs/policy.md#metrics).
       */
      startedOn: z.optional(z.string('Start date must be text').check(z.refine(isRealDay, 'Start date must be a date such as 2025-03-01'))),
    },
    strict,
  ),
);

export const routingSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject(
    {
      level: z
        .number('Level must be a number')
        .check(
          wholeNumber('Level must be a whole number'),
          atLeast(1, 'Level must be 1 or more'),
          atMost(limits.routingLevel, `Level must be ${limits.routingLevel} or less`),
        ),
      team: z
        .string('Team must be text')
        .check(
          minLength(1, 'Team is required'),
          maxLength(limits.team, `Team must be at most ${limits.team} characters`),
          pattern(slugPattern, 'Team must be a lower-case id such as "billing"'),
        ),
      priority: z.optional(prioritySchema),
    },
    strict,
  ),
);
export type Routing = z.infer<typeof routingSchema>;
