/**
 * Signals noticed as the agent types (docs/policy.md#noticed-as-typed): phrases of the policy's
 * `phrases` for the note's language, and amounts of money. Only suggestions: nothing is set
 * until the agent confirms it, and a signal already set is not suggested again.
 */
import { signalNames, type SignalName, type Signals } from '../schemas/index.ts';
import { defaultPolicy } from './defaults.ts';
import type { EscalationPolicy } from './schema.ts';

export type SignalSuggestion =
  /** The note mentions `phrase`, a phrase of `signal`. */
  | { kind: 'signal'; signal: SignalName; phrase: string; index: number }
  /** The note mentions an amount; `as` says whether nearby words make it a refund or a credit. */
  | { kind: 'amount'; amount: number; as?: 'refund' | 'credit'; phrase: string; index: number };

export interface DetectOptions {
  /** The note's language: `es-MX` uses `es-MX`, else `es`, else English. @default 'en' */
  locale?: string;
  policy?: EscalationPolicy;
  /** What is already set: those signals (and an amount, once credit or refund is set) are not suggested. */
  signals?: Signals;
  /**
   * Suggestions the agent dismissed, as `signal:phrase` (lower case) or `amount:phrase`: not
   * suggested again, and a later phrase of the same signal still is ("lawyer" dismissed,
   * "attorney" further on still asks).
   */
  skip?: readonly string[];
}

// Letters and digits of any script: a phrase matches whole words only ("sue" is not in "issue").
// A hyphen separates words, so "SIM-swap" is "sim swap" and "port-out" is "port out".
const WORD = /[\p{L}\p{N}'’]+/gu;
const QUOTES: [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['«', '»'],
  ['„', '“'],
];
const AMOUNT =
  /(?:(?:US)?\$|USD\s?|€|EUR\s?)\s?(\d{1,3}(?:[,.]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)|(\d{1,3}(?:[,.]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?(?:\$|€|dollars?|usd|eur(?:os)?|dólares)/giu;

/** Lower case without accents, so "Demandará" and "demandara" compare equal. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function phrasesFor(policy: EscalationPolicy, locale: string) {
  return policy.phrases[locale] ?? policy.phrases[locale.split('-')[0]!] ?? policy.phrases.en;
}

/** Spans inside quotation marks, as [start, end) offsets. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const [open, close] of QUOTES) {
    let from = 0;
    for (;;) {
      const a = text.indexOf(open, from);
      if (a < 0) break;
      const b = text.indexOf(close, a + 1);
      if (b < 0) break;
      spans.push([a, b]);
      from = b + 1;
    }
  }
  return spans;
}

/**
 * An amount as people write it: "1,250.50" and "1.250,50" are both 1250.5 (the last separator
 * followed by one or two digits is the decimal one). `NaN` when it is not an amount.
 *
 * @example
 * ```ts
 * parseAmount('1.250,50'); // 1250.5
 * ```
 */
export function parseAmount(raw: string): number {
  if (!/^\d{1,3}(?:[,.]\d{3})*(?:[.,]\d{1,2})?$|^\d+(?:[.,]\d{1,2})?$/.test(raw.trim())) return NaN;
  raw = raw.trim();
  // "1,250.50" and "1.250,50" both mean 1250.5: the last separator followed by 1-2 digits is the decimal one.
  const decimal = /[.,](\d{1,2})$/.exec(raw);
  const whole = (decimal ? raw.slice(0, -decimal[0].length) : raw).replace(/[.,]/g, '');
  return Number(decimal ? `${whole}.${decimal[1]}` : whole);
}

/**
 * What the note suggests, in the order it appears. A phrase preceded (within three words) by a
 * negator of its language is left out unless the data says otherwise; a phrase marked
 * `unless: ['quoted']` is left out inside quotation marks.
 *
 * @example
 * ```ts
 * detectSignals('Customer demands manager, threatening BBB. Wants a $450 refund.');
 * // [{ kind: 'signal', signal: 'managerRequested', phrase: 'manager', … },
 * //  { kind: 'signal', signal: 'legalThreat', phrase: 'BBB', … },
 * //  { kind: 'amount', amount: 450, as: 'refund', phrase: '$450', … }]
 * ```
 */
export function detectSignals(text: string, options: DetectOptions = {}): SignalSuggestion[] {
  const policy = options.policy ?? defaultPolicy;
  const lang = phrasesFor(policy, options.locale ?? 'en');
  const set = options.signals ?? {};
  const skip = new Set(options.skip ?? []);
  if (!lang) return [];
  const words = [...text.matchAll(WORD)].map((m) => ({ word: fold(m[0]), index: m.index, end: m.index + m[0].length }));
  // Nothing to find in a note with no word (every phrase and amount has one): the empty note of
  // a dialog opening for the first time costs no folding of every phrase.
  if (!words.length) return [];
  const negators = new Set(lang.negators.map(fold));
  const quoted = quotedSpans(text);
  const inQuotes = (i: number) => quoted.some(([a, b]) => i > a && i < b);
  const out: SignalSuggestion[] = [];

  for (const signal of signalNames) {
    if (set[signal]) continue;
    let found: SignalSuggestion | undefined;
    for (const entry of lang.signals[signal] ?? []) {
      const phrase = typeof entry === 'string' ? entry : entry.text;
      const unless = typeof entry === 'string' ? ['negated'] : entry.unless;
      const target = fold(phrase).match(WORD) ?? [];
      for (let w = 0; w + target.length <= words.length && target.length; w++) {
        if (!target.every((t, k) => words[w + k]!.word === t)) continue;
        const index = words[w]!.index;
        const negated = words.slice(Math.max(0, w - 3), w).some((p) => negators.has(p.word));
        if ((negated && unless.includes('negated')) || (unless.includes('quoted') && inQuotes(index))) continue;
        const last = words[w + target.length - 1]!;
        const candidate: SignalSuggestion = { kind: 'signal', signal, phrase: text.slice(index, last.end), index };
        if (skip.has(`${signal}:${candidate.phrase.toLowerCase()}`)) continue;
        if (!found || candidate.index < found.index) found = candidate;
        break;
      }
    }
    if (found) out.push(found);
  }

  if (set.credit === undefined && set.refund === undefined) {
    const near = (i: number, list: string[]) => {
      const around = fold(text.slice(Math.max(0, i - 40), i + 60));
      return list.some((w) => around.includes(fold(w)));
    };
    for (const m of text.matchAll(AMOUNT)) {
      const amount = parseAmount((m[1] ?? m[2])!);
      if (!Number.isFinite(amount) || amount <= 0) continue;
      if (skip.has(`amount:${m[0].trim().toLowerCase()}`)) continue;
      const as = near(m.index, lang.refundWords) ? 'refund' : near(m.index, lang.creditWords) ? 'credit' : undefined;
      out.push({ kind: 'amount', amount, ...(as && { as }), phrase: m[0].trim(), index: m.index });
      break;
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
