/**
 * The parts of an agent's note written as "Issue: … Tried: … Why: …" (docs/policy.md#notes).
 * Reading a note is not policy: nothing here depends on the rules.
 */

/** The parts of an agent's note in the "Issue: … Tried: … Why: …" format of docs/policy.md#notes. */
export interface ParsedNotes {
  issue?: string;
  tried?: string;
  why?: string;
}

const noteLabel = /(?<![\p{L}\p{N}])(issue|tried|why)\s*:/giu;

/**
 * Splits an agent's note into issue / tried / why. Labels are case-insensitive, in any
 * order, on one line or several. Text without labels is all issue, and text before the
 * first label is the issue when no `Issue:` label is given.
 *
 * @example
 * ```ts
 * parseNotes('Issue: Customer disputing $450 charge. Tried: Explained policy. Why: Demands manager.');
 * // { issue: 'Customer disputing $450 charge.', tried: 'Explained policy.', why: 'Demands manager.' }
 * ```
 */
export function parseNotes(notes: string): ParsedNotes {
  const out: ParsedNotes = {};
  const matches = [...notes.matchAll(noteLabel)];
  const add = (key: keyof ParsedNotes, value: string) => {
    const v = value.replace(/\s+/g, ' ').trim();
    if (v) out[key] = out[key] ? `${out[key]} ${v}` : v;
  };
  const lead = notes.slice(0, matches[0]?.index ?? notes.length);
  matches.forEach((m, i) => {
    const start = m.index + m[0].length;
    add(m[1]!.toLowerCase() as keyof ParsedNotes, notes.slice(start, matches[i + 1]?.index ?? notes.length));
  });
  if (!out.issue) add('issue', lead);
  return out;
}
