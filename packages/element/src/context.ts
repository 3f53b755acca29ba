/**
 * What `<escalate-provider>` hands to every `<escalate-button>` inside it.
 */
import { createContext } from '@lit/context';
import type { CategoryDefinition, EscalationClient, EscalationPolicy } from '@escalate-kit/sdk';
import type { EscalateStrings } from './strings/types.ts';

/** All the element needs of a client: anything with the SDK client's `escalate()` (stubs in stories too). */
export type EscalationClientLike = Pick<EscalationClient<string>, 'escalate'>;

export interface EscalationConfig {
  client?: EscalationClientLike;
  endpoint?: string;
  categories?: readonly CategoryDefinition[];
  strings?: Partial<EscalateStrings>;
  policy?: EscalationPolicy;
  agentId?: string;
  agentEmail?: string;
  /** `YYYY-MM-DD`. */
  agentStartedOn?: string;
  /** ISO 4217 code of the credit or refund amounts the agent enters (the dialog's default: USD). */
  currency?: string;
  /** The number an agent calls when stuck (the dialog's default: 555-1234, from the procedures). */
  supportPhone?: string;
}

export const escalationContext = createContext<EscalationConfig>(Symbol.for('escalate-kit/config'));
