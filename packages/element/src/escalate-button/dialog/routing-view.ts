/**
 * The live routing line before submit: where the escalation goes, how fast, and why, as the
 * SDK's policy functions read the case so far. The form suggests; the server decides.
 */
import { atYourLevelAdvice, deadlines, type Deadline, type Priority } from '@escalate-kit/sdk';
import type { FormState } from './form-state.ts';

export interface RoutingView {
  /** The policy says it must be escalated (docs/policy.md#when-to-escalate). */
  mandatory: boolean;
  /** Team id. */
  team: string;
  /** The level a rule sent it to; absent when no rule did (it goes to its team on its clocks). */
  level?: number;
  priority: Priority;
  /** The earliest answer any rule asks for (docs/policy.md#respond-by). */
  within: Deadline['within'];
  /** The rules' own reasons. */
  reasons: string[];
  /** The procedures' "you may handle this yourself" line (docs/policy.md#when-not-to-escalate). */
  advice?: string;
}

/** The routing of the case so far, or `undefined` until a category is chosen (every rule needs one). */
export function routingView(form: FormState, now: Date = new Date()): RoutingView | undefined {
  const { category } = form.values;
  if (!category) return undefined;
  const signals = form.signals();
  const { routing, respondBy } = deadlines({ category, urgency: form.urgency().urgency, signals }, form.policy, now);
  const advice = signals && atYourLevelAdvice(signals, routing, form.policy);
  return {
    mandatory: routing.mandatory,
    team: routing.team,
    ...(routing.levelSetBy !== undefined && { level: routing.level }),
    priority: routing.priority,
    within: respondBy.within,
    reasons: routing.reasons,
    ...(advice && { advice }),
  };
}
