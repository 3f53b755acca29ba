/** The briefing for the receiving team (docs/policy.md#briefing). */
import { fill } from '../utils/template.ts';
import { defaultPolicy } from './defaults.ts';
import type { EscalationPolicy } from './schema.ts';

/** What the agent knows for the briefing (docs/policy.md#briefing). Only `issue` is required. */
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
 * The briefing for the escalation point (docs/policy.md#briefing).
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

