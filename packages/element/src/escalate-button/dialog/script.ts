/**
 * What the agent tells the customer (docs/policy.md#customer-script), naming the team that took
 * the case and its timeline: "Our billing team will contact you within 3-5 business days by
 * email" (docs/policy.md#specialised-teams). The fraud rule (no script) stays the SDK's.
 */
import {
  customerScript,
  type CustomerScript,
  type EscalationPolicy,
  type EscalationRequest,
  type RoutingSuggestion,
} from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/types.ts';

export interface ScriptWords {
  /** When the customer is contacted, as said to them ("today", "within 3-5 business days"). */
  window: string;
  /** `null` when nothing may be said to the caller (suspected fraud). */
  script: CustomerScript | null;
}

export function scriptFor(
  s: EscalateStrings,
  policy: EscalationPolicy,
  request: Pick<EscalationRequest, 'contactMethod' | 'urgency'>,
  team: string,
  routing: Pick<RoutingSuggestion, 'customerScriptAllowed'>,
): ScriptWords {
  // Urgent is the same day whoever takes it; otherwise a team with its own timeline (a billing
  // investigation) is what the customer is told, else the standard contact window.
  const timeline = policy.teams.timelines[team];
  const window =
    request.urgency === 'urgent' ? s.windows.urgent : ((timeline && (s.timelines[team] ?? timeline.phrase)) ?? s.windows.standard);
  const teamWords = s.scriptTeams[team] ?? s.scriptTeams[policy.teams.fallback] ?? team;
  const script = customerScript(
    { contactMethod: request.contactMethod, urgency: request.urgency, routing },
    {
      ...policy,
      // The words come from the (localised) strings; the SDK fills the window and the method.
      script: { ...s.script, when: s.script.when.replace('{team}', teamWords) },
      urgencies: {
        urgent: { ...policy.urgencies.urgent, phrase: window },
        standard: { ...policy.urgencies.standard, phrase: window },
      },
    },
  );
  return { window, script };
}
