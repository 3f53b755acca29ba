/**
 * What the agent knows about the case (docs/policy.md#signals), between the form and the wire:
 * the host's `signals` as the toggles' starting values, and the toggles and amount as the
 * `signals` that are sent and that the policy reads.
 */
import { signalNames, type Signals } from '@escalate-kit/sdk';
import type { AmountKind, Draft } from './draft.ts';

/** The form values that hold signals. */
export type SignalValues = Pick<Draft, 'flags' | 'amountKind' | 'amount'>;

/** Used when neither the button nor the provider names a currency. */
export const defaultCurrency = 'USD';

/**
 * The host's signals as the form's starting values. The form holds one amount: the refund when
 * the host gave both, since a refund is what may change the team.
 */
export function presetsFrom(signals: Signals | undefined): SignalValues {
  const s = signals ?? {};
  const flags = Object.fromEntries(signalNames.filter((n) => s[n] !== undefined).map((n) => [n, s[n] === true]));
  const kind: AmountKind = s.refund !== undefined ? 'refund' : s.credit !== undefined ? 'credit' : '';
  return { flags, amountKind: kind, amount: kind ? String(s[kind]) : '' };
}

/**
 * The amount as typed, or `undefined` when it is not a plain amount: digits with at most two
 * decimals after a point or a comma ("120", "120.50", "120,50"). Grouped thousands ("1,250") are
 * refused rather than guessed: "1,250" is 1250 in one locale and 1.25 in another.
 */
export function parseAmount(raw: string): number | undefined {
  const text = raw.replace(/\s/g, '');
  return /^\d+(?:[.,]\d{1,2})?$/.test(text) ? Number(text.replace(',', '.')) : undefined;
}

/**
 * What is sent as `signals`: every toggle that is set, the amount with its currency, and the
 * host's service impact (the form has no control for it). `undefined` when there is nothing.
 */
export function signalsOf(values: SignalValues, host: Signals | undefined, currency: string): Signals | undefined {
  const out: Signals = {};
  if (host?.serviceImpact) out.serviceImpact = host.serviceImpact;
  for (const name of signalNames) if (values.flags[name]) out[name] = true;
  const amount = values.amountKind ? parseAmount(values.amount) : undefined;
  if (values.amountKind && amount !== undefined) {
    out[values.amountKind] = amount;
    out.currency = currency;
  }
  return Object.keys(out).length ? out : undefined;
}
