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
  signalNames,
  suggestRouting,
  toFieldIssues,
  type CategoryDefinition,
  type ContactMethod,
  type EscalationInput,
  type EscalationPolicy,
  type Signals,
  type Urgency,
} from '@escalate-kit/sdk';
import { en, type EscalateStrings } from '../../strings/en.ts';
import { defaultCurrency, parseAmount, presetsFrom, signalsOf } from './case-signals.ts';
import type { DialogHost } from './dialog-host.ts';
import { loadDraft, saveDraft, type Draft } from './draft.ts';
import { fieldOf, fieldOrder, type Field, type FormIssue } from './fields.ts';
import { Touched } from './touched.ts';

/** The contact field the chosen method needs; `given` when the host supplied a valid address. */
export interface Address {
  field: 'phone' | 'email';
  given?: string;
}

/** The `lang` of the closest element that has one, looking out through shadow roots. */
function langOf(start: Pick<Element, 'closest' | 'getRootNode'>): string | undefined {
  for (let node: Pick<Element, 'closest' | 'getRootNode'> | null = start; node;) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
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
  readonly touched: Touched<Field>;
  /** The host's `signals` the toggles were last started from. */
  #presets?: Signals | undefined;

  constructor(host: DialogHost) {
    this.#host = host;
    this.touched = new Touched(host, fieldOrder);
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

  get currency(): string {
    return (this.#host.config.currency ?? defaultCurrency).toUpperCase();
  }

  /**
   * The language the agent writes in, for noticing phrases and for dates: the host's strings
   * say it (`locale`), else the closest `lang` around the button.
   */
  get locale(): string {
    return this.#host.config.strings?.locale ?? langOf(this.#host) ?? en.locale;
  }

  #initialValues(): Draft {
    const h = this.#host;
    this.#presets = h.signals;
    const fresh: Draft = {
      category: h.category ?? '',
      notes: '',
      contactMethod: h.contactMethod ?? '',
      // A host-given address that is not valid is offered for editing instead of used.
      phone: h.customerPhone?.trim() ?? '',
      email: h.customerEmail?.trim() ?? '',
      urgency: h.urgency ?? 'standard',
      ...presetsFrom(h.signals),
      customerRequest: '',
      recommendation: '',
      dismissed: [],
    };
    this.taskId = h.taskId;
    const draft = h.taskId ? loadDraft(h.taskId) : undefined;
    this.restored = !!draft?.notes;
    return { ...fresh, ...draft };
  }

  /** Starts over from the host's presets and the current task's draft, with no problem shown. */
  reload() {
    this.values = this.#initialValues();
    this.touched.clear();
    this.submitted = false;
  }

  /** The host passed new `signals` while the form was kept: what it now says is set over the toggles. */
  syncPresets() {
    if (this.#host.signals === this.#presets) return;
    this.#presets = this.#host.signals;
    const presets = presetsFrom(this.#presets);
    this.set({ flags: { ...this.values.flags, ...presets.flags }, ...(presets.amountKind && presets) });
  }

  /** Changes some values and keeps them as the draft. */
  set(patch: Partial<Draft>) {
    this.values = { ...this.values, ...patch };
    if (this.#host.taskId) saveDraft(this.#host.taskId, this.values);
  }

  /** Takes what was typed or chosen and keeps it as the draft; `false` if it is not a form value. */
  edit(target: HTMLInputElement): boolean {
    if (target.type === 'checkbox' && target.name === 'flag') {
      if (!signalNames.includes(target.value as never)) return false;
      this.set({ flags: { ...this.values.flags, [target.value]: target.checked } });
      return true;
    }
    const name = target.name as keyof Draft;
    if (!(name in this.values) || typeof this.values[name] !== 'string') return false;
    // Radios and selects commit on change; mark them touched so a wrong choice shows at once.
    // (Not the credit-or-refund select: the amount it asks for has not been typed yet.)
    const committed = target.type === 'radio' || target.tagName === 'SELECT';
    if (committed && fieldOrder.includes(name as Field)) this.touched.add(name as Field);
    this.set({ [name]: target.value });
    return true;
  }

  /** A team as people name it: the strings' name, else the policy's, else its id. */
  teamName(id: string): string {
    return this.strings.teams[id] ?? this.policy.teams.names[id] ?? id;
  }

  /** The address the chosen method needs; `given` when the host supplied a valid one. */
  address(method: ContactMethod | ''): Address | undefined {
    if (!method) return undefined;
    const email = method === 'email';
    const raw = (email ? this.#host.customerEmail : this.#host.customerPhone)?.trim();
    const valid = raw && (email ? emailSchema : phoneSchema).safeParse(raw).success;
    return { field: email ? 'email' : 'phone', ...(valid && { given: raw }) };
  }

  /** What is sent as `signals`: the toggles, the amount and its currency. */
  signals(): Signals | undefined {
    return signalsOf(this.values, this.#host.signals, this.currency);
  }

  /** The policy's reading of the case so far: the signals, the category and urgency picked. */
  suggestion() {
    const { category, urgency } = this.values;
    return suggestRouting({ ...this.signals(), category, urgency }, this.policy);
  }

  /**
   * Only a contact method the account already has may be used when a rule says so
   * (docs/policy.md#fraud: the caller may not be the customer, so no new address is taken from
   * them; the fraud team uses a known one).
   */
  knownContactOnly(): boolean {
    return this.suggestion().knownContactOnly;
  }

  /** What the policy fixed about urgency (fraud: urgent), whatever the radios say. */
  urgency(): { urgency: Urgency; fixedBy?: string } {
    const s = this.suggestion();
    return s.urgencyForcedBy === undefined ? { urgency: this.values.urgency } : { urgency: s.urgency, fixedBy: s.urgencyForcedBy };
  }

  /**
   * Whether a problem the schema finds could show now: only on a field the agent has left, or
   * after a submit (errors()). Until then the form's own checks are enough.
   */
  get schemaShows(): boolean {
    return this.submitted || this.touched.any;
  }

  /**
   * The problems with `input` (the escalation these values make), the SDK's schema first;
   * without `schema`, only the form's own (the render of a form nobody has touched yet: a cold
   * open skips the schema's first parse, which sets up every check of the contract).
   */
  issues(input: EscalationInput<string>, schema = true): FormIssue[] {
    const strings = this.strings;
    const v = this.values;
    const parsed = schema ? escalationInputSchema.safeParse(input) : undefined;
    let issues: FormIssue[] = !parsed || parsed.success ? [] : toFieldIssues(parsed.error.issues);
    if (input.category && !this.categories.some((c) => c.id === input.category)) {
      issues.push({ path: ['category'], message: strings.chooseCategory });
    }
    if (v.amountKind && parseAmount(v.amount) === undefined) {
      const message = v.amount.trim() ? strings.amountInvalid : strings.amountRequired;
      issues.unshift({ path: ['signals', v.amountKind], message, own: true });
    }
    if (this.address(v.contactMethod)?.given === undefined && v.contactMethod && this.knownContactOnly()) {
      // Said at once, on the method: there is no address field to fix, only another method to pick.
      issues = issues.filter((i) => fieldOf(i.path) !== 'phone' && fieldOf(i.path) !== 'email');
      issues.unshift({ path: ['contactMethod'], message: strings.knownContactOnly, own: true, always: true });
    }
    // A note the account team can act on: not empty, and at least a short sentence. Said in
    // the form's own words, before any other problem with the note.
    const length = input.notes.trim().length;
    const min = this.policy.notes.minLength;
    if (length < min) {
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
      if (field && !errors.has(field) && (this.submitted || issue.always || this.touched.has(field))) {
        errors.set(field, issue.own ? issue.message : (strings.fieldErrors?.[field] ?? issue.message));
      }
    }
    return errors;
  }
}
