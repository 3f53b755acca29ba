/**
 * What the agent knows about the case, on the wire (docs/policy.md#signals): the server routes
 * and times the escalation from these with its own policy.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { atLeast, atMost, pattern } from './published.ts';
import { oneOf } from './choices.ts';
import { limits, strictObjectError } from './common.ts';

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
  /** The customer is upset or angry (the customer's mood, for the briefing). */
  'upset',
  /** The agent does not know the answer. */
  'unknownAnswer',
] as const;
/** One of {@link signalNames}. */
export type SignalName = (typeof signalNames)[number];

/** How a technical problem affects service, as the agent sees it. Maps to a priority. */
export const serviceImpacts = ['outage', 'severe', 'workaround', 'minor'] as const;
/** `outage` → critical, `severe` → high, `workaround` → medium, `minor` → low (by default). */
export type ServiceImpact = (typeof serviceImpacts)[number];

const flag = /* @__PURE__ */ lazy(() => z.optional(z.boolean('Signals are true or false')));
const amountSchema = /* @__PURE__ */ lazy(() =>
  z
    .number('Amounts must be numbers')
    .check(atLeast(0, 'Amounts must be 0 or more'), atMost(limits.amount, `Amounts must be at most ${limits.amount}`)),
);

/**
 * What the agent (or the host) knows about the case: the policy's signals, the credit or
 * refund asked for, and the service impact of a technical problem. The server routes and
 * times the escalation from these with its own policy.
 */
export const signalsSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject(
    {
      ...(Object.fromEntries(signalNames.map((name) => [name, flag])) as Record<SignalName, typeof flag>),
      /** Dollars the customer asks to be credited. */
      credit: z.optional(amountSchema),
      /** Dollars the customer asks to be refunded. */
      refund: z.optional(amountSchema),
      /** The currency of `credit` and `refund` (ISO 4217), for people; the policy's limits are in it too. */
      currency: z.optional(
        z.string('Currency must be text').check(pattern(/^[A-Z]{3}$/, 'Currency must be a 3-letter ISO 4217 code such as USD')),
      ),
      /** How a technical problem affects service; picks the row of the priority table. */
      serviceImpact: z.optional(oneOf(serviceImpacts, `Service impact must be one of ${serviceImpacts.join(', ')}`)),
    },
    strictObjectError,
  ),
);
/** What the agent knows about the case; every field optional. */
export type Signals = z.output<typeof signalsSchema>;
