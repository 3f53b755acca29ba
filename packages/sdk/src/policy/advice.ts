/**
 * When the procedures say an agent may handle a case at their own level (docs/policy.md#when-not-to-escalate):
 * said in one line, never blocking the submit ("You won't get in trouble for escalating" stays true).
 */
import { signalNames, type Signals } from '../schemas/index.ts';
import { defaultPolicy } from './defaults.ts';
import type { RoutingSuggestion } from './routing.ts';
import type { EscalationPolicy } from './schema.ts';

/**
 * The policy's line for this case, or `undefined`: when every signal set is among one entry's
 * `signals`, and nothing else (a category, an amount over a limit) makes escalation mandatory.
 *
 * @example
 * ```ts
 * const signals = { upset: true };
 * atYourLevelAdvice(signals, suggestRouting({ ...signals, category: 'other' })); // 'An angry customer does not always need escalating: …'
 * ```
 */
export function atYourLevelAdvice(
  signals: Signals,
  routing: Pick<RoutingSuggestion, 'mandatory' | 'reasons'>,
  policy: EscalationPolicy = defaultPolicy,
): string | undefined {
  const set = signalNames.filter((name) => signals[name]);
  if (!set.length || signals.credit || signals.refund) return undefined;
  for (const entry of policy.atYourLevel) {
    if (!set.every((name) => entry.signals.includes(name))) continue;
    // Mandatory only because of these very signals (a manager asked for): the advice still holds;
    // mandatory for anything else (a complaint, a limit) and it does not.
    const others = routing.reasons.filter((r) => !set.some((name) => policy.signals[name].reason === r));
    if (routing.mandatory && others.length) return undefined;
    return entry.text;
  }
  return undefined;
}
