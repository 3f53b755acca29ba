/**
 * What of the agent's note the briefing leaves out. The briefing quotes the note's issue, what was
 * tried and why (`parseNotes`), so the e-mail repeats none of that; but `parseNotes` drops text
 * written before an `Issue:` label, and that must still reach the team, once.
 */
import { parseNotes } from '@escalate-kit/sdk';

// The labels `parseNotes` reads (docs/policy.md#notes); they are not content of their own.
const label = /(?<![\p{L}\p{N}])(issue|tried|why)\s*:/giu;

/**
 * The words of `notes` in none of its parsed parts, with the note's own line breaks, or
 * `undefined` when the parts carry all of it.
 *
 * @example
 * ```ts
 * leftOutOfNote('Issue: disputed charge. Tried: refund. Why: manager'); // undefined
 * leftOutOfNote('Called twice.\nIssue: disputed charge.');             // 'Called twice.'
 * ```
 */
export function leftOutOfNote(notes: string): string | undefined {
  const parts = parseNotes(notes);
  const covered = new Map<string, number>();
  for (const word of [parts.issue, parts.tried, parts.why].join(' ').split(/\s+/)) {
    if (word) covered.set(word, (covered.get(word) ?? 0) + 1);
  }
  const tokens = notes.replace(label, ' ').match(/\S+|\s+/g) ?? [];
  // From the end: what `parseNotes` drops comes first, so a word it also quotes later is matched there.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const n = covered.get(tokens[i]!) ?? 0;
    if (!/\S/.test(tokens[i]!) || !n) continue;
    covered.set(tokens[i]!, n - 1);
    tokens[i] = ' ';
  }
  const rest = tokens
    .join('')
    .replace(/\s+/g, (space) => (space.includes('\n') ? '\n' : ' '))
    .trim();
  return rest || undefined;
}
