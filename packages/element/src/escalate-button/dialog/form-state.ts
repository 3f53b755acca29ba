/**
 * What the agent has typed and which problems to show. Validation reuses the SDK's own schema,
 * so the form can never disagree with the client; the form adds only what it words itself.
 */
import {
  defaultCategories,
  defaultPolicy,
  emailSchema,
  escalationInputSchema,
  phoneSchema,
  suggestRouting,
  toFieldIssues,
  type CategoryDefinition,
  type ContactMethod,
  type EscalationInput,
  type EscalationPolicy,
  type FieldIssue,
  type Urgency,
} from '@escalate-kit/sdk';
import { en, type EscalateStrings } from '../../strings/en.ts';
import type { DialogHost } from './dialog-host.ts';
import { loadDraft, saveDraft, type Draft } from './draft.ts';

export type Field = 'category' | 'notes' | 'contactMethod' | 'phone' | 'email';
/** Screen order: after a failed submit, focus goes to the first field with a problem. */
export const fieldOrder: readonly Field[] = ['category', 'notes', 'contactMethod', 'phone', 'email'];

/** A problem with what was typed; `own` when the form worded it (not to be replaced by `fieldErrors`). */
export type FormIssue = FieldIssue & { own?: boolean };

/** The contact field the chosen method needs; `given` when the host supplied a valid address. */
export interface Address {
  field: 'phone' | 'email';
  given?: string;
}

/** How long after a pointer is released a click may still follow (touch sends it late). */
const CLICK_GRACE_MS = 300;

/** Maps a contract path to the form field that edits it. */
export function fieldOf(path: FieldIssue['path']): Field | undefined {
  const [a, b] = path;
  if (a === 'contact') return b === 'email' ? 'email' : 'phone';
  return a === 'category' || a === 'notes' || a === 'contactMethod' ? a : undefined;
}

export class FormState {
  readonly #host: DialogHost;
  values: Draft;
  /** The task the values belong to. */
  taskId = '';
  /** The values came from a draft with notes; the dialog says so when it opens. */
  restored = false;
  /** A submit was tried: every problem shows, not only those of fields the agent has left. */
  submitted = false;
  #touched = new Set<Field>();
  /**
   * Fields left while a pointer was down. Their errors wait until the pointer is released and
   * its click has landed: an error that appeared on press would move the controls below it, and
   * the release would fall on something else (a lost click on "Urgent" or on submit).
   */
  #leftDuringPress = new Set<Field>();
  #pressing = false;

  constructor(host: DialogHost) {
    this.#host = host;
    this.values = this.#initialValues();
  }

  get strings(): EscalateStrings {
    return { ...en, ...this.#host.config.strings };
  }

  get categories(): readonly CategoryDefinition[] {
    return this.#host.config.categories ?? defaultCategories;
  }

  get policy(): EscalationPolicy {
    return this.#host.config.policy ?? defaultPolicy;
  }

  #initialValues(): Draft {
    const h = this.#host;
    const fresh: Draft = {
      category: h.category ?? '',
      notes: '',
      contactMethod: h.contactMethod ?? '',
      // A host-given address that is not valid is offered for editing instead of used.
      phone: h.customerPhone?.trim() ?? '',
      email: h.customerEmail?.trim() ?? '',
      urgency: h.urgency ?? 'standard',
    };
    this.taskId = h.taskId;
    const draft = h.taskId ? loadDraft(h.taskId) : undefined;
    this.restored = !!draft?.notes;
    return { ...fresh, ...draft };
  }

  /** Starts over from the host's presets and the current task's draft, with no problem shown. */
  reload() {
    this.values = this.#initialValues();
    this.#touched.clear();
    this.submitted = false;
  }

  /** Takes what was typed or chosen and keeps it as the draft; `false` if it is not a form value. */
  edit(target: HTMLInputElement): boolean {
    const name = target.name as keyof Draft;
    if (!(name in this.values)) return false;
    (this.values as unknown as Record<string, string>)[name] = target.value;
    // Radios commit on change; mark them touched so a wrong choice shows at once.
    if (target.type === 'radio' || target.tagName === 'SELECT') this.#touched.add(name as Field);
    if (this.#host.taskId) saveDraft(this.#host.taskId, this.values);
    return true;
  }

  /** The agent left a field: its problems show now, or once the press in progress has landed. */
  left(name: string) {
    const field = name as Field;
    if (!fieldOrder.includes(field) || this.#touched.has(field)) return;
    if (this.#pressing) {
      this.#leftDuringPress.add(field);
      return;
    }
    this.#touched.add(field);
    this.#host.requestUpdate();
  }

  /** A press inside the dialog: hold back blur errors until its click has landed. */
  pressed() {
    if (this.#pressing) return;
    this.#pressing = true;
    const win = this.#host.ownerDocument.defaultView ?? globalThis;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      win.removeEventListener('click', afterClick, true);
      clearTimeout(timer);
      this.#pressing = false;
      if (!this.#leftDuringPress.size) return;
      for (const f of this.#leftDuringPress) this.#touched.add(f);
      this.#leftDuringPress.clear();
      this.#host.requestUpdate();
    };
    // After the click's own handlers: a radio is checked, a submit has run.
    const afterClick = () => void setTimeout(settle, 0);
    const released = () => {
      win.removeEventListener('pointerup', released, true);
      win.removeEventListener('pointercancel', released, true);
      win.addEventListener('click', afterClick, { capture: true, once: true });
      // A release that makes no click (dragged off the control) still shows the errors.
      timer = setTimeout(settle, CLICK_GRACE_MS);
    };
    win.addEventListener('pointerup', released, true);
    win.addEventListener('pointercancel', released, true);
  }

  /** The address the chosen method needs; `given` when the host supplied a valid one. */
  address(method: ContactMethod | ''): Address | undefined {
    if (!method) return undefined;
    const email = method === 'email';
    const raw = (email ? this.#host.customerEmail : this.#host.customerPhone)?.trim();
    const valid = raw && (email ? emailSchema : phoneSchema).safeParse(raw).success;
    return { field: email ? 'email' : 'phone', ...(valid && { given: raw }) };
  }

  /** The policy's reading of the case so far: the host's signals, the category and urgency picked. */
  suggestion() {
    const { category, urgency } = this.values;
    return suggestRouting({ ...this.#host.signals, category, urgency }, this.policy);
  }

  /** What the policy fixed about urgency (fraud: urgent), whatever the radios say. */
  urgency(): { urgency: Urgency; fixedBy?: string } {
    const s = this.suggestion();
    return s.urgencyForcedBy === undefined ? { urgency: this.values.urgency } : { urgency: s.urgency, fixedBy: s.urgencyForcedBy };
  }

  /** The problems with `input` (the escalation these values make), the SDK's schema first. */
  issues(input: EscalationInput<string>): FormIssue[] {
    const parsed = escalationInputSchema.safeParse(input);
    const issues = parsed.success ? [] : toFieldIssues(parsed.error.issues);
    if (input.category && !this.categories.some((c) => c.id === input.category)) {
      issues.push({ path: ['category'], message: this.strings.chooseCategory });
    }
    // A note the account team can act on: not empty, and at least a short sentence. Said in
    // the form's own words, before any other problem with the note.
    const length = input.notes.trim().length;
    const min = this.policy.notes.minLength;
    if (length < min) {
      const strings = this.strings;
      const message = length === 0 ? strings.notesRequired : strings.notesTooShort(min);
      return [{ path: ['notes'], message, own: true }, ...issues.filter((i) => fieldOf(i.path) !== 'notes')];
    }
    return issues;
  }

  /** One message per field, for the fields the agent has left (every field once submitted). */
  errors(issues: readonly FormIssue[]): Map<Field, string> {
    const strings = this.strings;
    const errors = new Map<Field, string>();
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      if (field && !errors.has(field) && (this.submitted || this.#touched.has(field))) {
        errors.set(field, issue.own ? issue.message : (strings.fieldErrors?.[field] ?? issue.message));
      }
    }
    return errors;
  }
}
