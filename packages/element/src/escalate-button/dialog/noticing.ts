/**
 * Signals noticed in the note as the agent types (docs/policy.md#noticed-as-typed): the SDK's
 * `detectSignals` finds them; this says them once, offers them with one click to confirm, and
 * forgets a dismissed one for good. Nothing is set without the agent's click.
 */
import { detectSignals, type SignalSuggestion } from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/types.ts';
import type { FormState } from './form-state.ts';

/** A suggestion on screen; `key` (signal and phrase) is what a dismissal remembers. */
export type Suggestion = SignalSuggestion & { key: string; text: string };

/**
 * How long typing must pause before new suggestions are announced: a phrase matched mid-word
 * ("sue" on the way to "sued") comes and goes without a word said.
 */
const QUIET_MS = 900;

/** An amount in the currency of the case, as the agent's locale writes it. */
export function money(amount: number, locale: string, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // A locale or currency code Intl does not know: still readable.
    return `${amount} ${currency}`;
  }
}

/** The words of a suggestion: the phrase as written, and the question it raises. */
function wordsFor(s: SignalSuggestion, strings: EscalateStrings, locale: string, currency: string): string {
  const question = s.kind === 'signal' ? strings.flagQuestions[s.signal] : strings.amountQuestion(money(s.amount, locale, currency), s.as);
  return strings.noticed(s.phrase, question);
}

export class Noticing {
  readonly #form: FormState;
  readonly #announce: (text: string) => void;
  /** Keys already said aloud (or on screen when the dialog opened): each is said once. */
  readonly #said = new Set<string>();
  #timer?: ReturnType<typeof setTimeout>;

  constructor(form: FormState, announce: (text: string) => void) {
    this.#form = form;
    this.#announce = announce;
  }

  /** What the note suggests now, less what is already set and what the agent dismissed. */
  current(): Suggestion[] {
    const form = this.#form;
    const { notes, dismissed } = form.values;
    const { strings, locale, currency } = form;
    // Dismissed phrases are skipped by the detector itself, so a later phrase of the same signal
    // ("attorney" after a dismissed "lawyer") is still offered.
    return detectSignals(notes, { locale, policy: form.policy, signals: form.signals() ?? {}, skip: dismissed })
      .map((s) => ({ ...s, key: `${s.kind === 'signal' ? s.signal : 'amount'}:${s.phrase.toLowerCase()}` }))
      .map((s) => ({ ...s, text: wordsFor(s, strings, locale, currency) }));
  }

  /** The note changed: once typing pauses, say the suggestions that have not been said. */
  typed() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#sayNew(), QUIET_MS);
  }

  /** The dialog opened on a note (a draft): its suggestions are on screen already, not news. */
  opened() {
    this.stop();
    for (const s of this.current()) this.#said.add(s.key);
  }

  stop() {
    clearTimeout(this.#timer);
  }

  /** The agent confirmed a suggestion: the signal (or amount, as a credit or refund) is set. */
  accept(s: Suggestion, as?: 'credit' | 'refund') {
    const form = this.#form;
    const strings = form.strings;
    if (s.kind === 'signal') {
      form.set({ flags: { ...form.values.flags, [s.signal]: true } });
      this.#announce(strings.accepted(strings.flags[s.signal]));
      return;
    }
    const kind = as ?? s.as ?? 'credit';
    form.set({ amountKind: kind, amount: String(s.amount) });
    this.#announce(strings.accepted(`${strings.amountKinds[kind]} ${money(s.amount, form.locale, form.currency)}`));
  }

  /** The agent dismissed a suggestion: that phrase does not suggest it again. */
  dismiss(s: Suggestion) {
    const form = this.#form;
    form.set({ dismissed: [...form.values.dismissed, s.key] });
  }

  #sayNew() {
    const fresh = this.current().filter((s) => !this.#said.has(s.key));
    if (!fresh.length) return;
    for (const s of fresh) this.#said.add(s.key);
    this.#announce(`${this.#form.strings.noticedTitle}: ${fresh.map((s) => s.text).join(' ')}`);
  }
}
