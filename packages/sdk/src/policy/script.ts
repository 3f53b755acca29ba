/** What the agent tells the customer (docs/policy.md#customer-script). */
import type { ContactMethod, Urgency } from '../schemas/index.ts';
import { fill } from '../utils/template.ts';
import { defaultPolicy } from './defaults.ts';
import type { RoutingSuggestion } from './routing.ts';
import type { EscalationPolicy } from './schema.ts';

/** What the agent tells the customer (docs/policy.md#customer-script). */
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
 * `null` when nothing may be said: the caller is never told of a fraud suspicion (docs/policy.md#fraud).
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
