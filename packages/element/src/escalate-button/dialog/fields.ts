/**
 * The form's fields: their names in screen order, the contract paths they edit, and how a field
 * says its problem (an error paragraph with a plain id, `aria-describedby` that names it, and
 * `aria-invalid`), shared by every template of the form so they all say it alike.
 */
import { html, nothing } from 'lit';
import type { FieldIssue } from '@escalate-kit/sdk';

export type Field = 'category' | 'notes' | 'amount' | 'customerRequest' | 'recommendation' | 'contactMethod' | 'phone' | 'email';
/** Screen order: after a failed submit, focus goes to the first field with a problem. */
export const fieldOrder: readonly Field[] = [
  'category',
  'notes',
  'amount',
  'customerRequest',
  'recommendation',
  'contactMethod',
  'phone',
  'email',
];

/**
 * A problem with what was typed; `own` when the form worded it (not to be replaced by
 * `fieldErrors`); `always` when it shows before the agent has been to the field (a rule, not a typo).
 */
export type FormIssue = FieldIssue & { own?: boolean; always?: boolean };

/** Maps a contract path to the form field that edits it. */
export function fieldOf(path: FieldIssue['path']): Field | undefined {
  const [a, b] = path;
  if (a === 'contact') return b === 'email' ? 'email' : 'phone';
  if (a === 'signals') return b === 'credit' || b === 'refund' ? 'amount' : undefined;
  return a === 'category' || a === 'notes' || a === 'contactMethod' || a === 'customerRequest' || a === 'recommendation' ? a : undefined;
}

export interface FieldHelpers {
  /** The field's error paragraph, or nothing. */
  err(f: Field): typeof nothing | ReturnType<typeof html>;
  /** `aria-describedby`: the given ids, then the error's. */
  described(f: Field, ...ids: string[]): string | typeof nothing;
  /**
   * Invalid only once the agent has been there (or submitted), and said so explicitly: left to
   * the native constraint (`required`, `type=email`), every empty field would be exposed as
   * invalid the moment the dialog opens.
   */
  invalid(f: Field): 'true' | 'false';
}

export function fieldHelpers(errors: ReadonlyMap<Field, string>): FieldHelpers {
  return {
    err: (f) => (errors.has(f) ? html`<p id="${f}-error" class="error">${errors.get(f)}</p>` : nothing),
    described: (f, ...ids) => [...ids, ...(errors.has(f) ? [`${f}-error`] : [])].join(' ') || nothing,
    invalid: (f) => (errors.has(f) ? 'true' : 'false'),
  };
}
