/**
 * The line on the button of a task whose escalation is under way: "Escalated · contacted 2 hours
 * ago · ref 7F3KA1B2". Here, in the dialog's lazy module, rather than in the button shell: the
 * relative time and the statuses' words would otherwise be paid by every page of closed buttons.
 */
import { escalationReference, type EscalationState } from '@escalate-kit/sdk';
import { en } from '../../strings/en.ts';
import type { EscalateStrings } from '../../strings/types.ts';
import { ago } from './ago.ts';

export function escalatedLabel(strings: Partial<EscalateStrings>, state: EscalationState, locale: string | undefined): string {
  const s = { ...en, ...strings };
  return s.escalated(s.statuses[state.status] ?? state.status, ago(state.since, strings.locale ?? locale), escalationReference(state.id));
}
