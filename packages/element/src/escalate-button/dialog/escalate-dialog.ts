/**
 * The dialog and form of `<escalate-button>`, loaded on first intent. A controller rather
 * than a second custom element: the form lives in the button's own shadow root, so labels,
 * `aria-describedby` and focus all stay in one tree.
 */
import { adoptStyles, html, nothing, type CSSResultOrNative, type ReactiveController } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  createEscalationId,
  customerScript,
  defaultCategories,
  defaultPolicy,
  emailSchema,
  EscalationHttpError,
  EscalationValidationError,
  escalationReference,
  escalationInputSchema,
  limits,
  phoneSchema,
  suggestRouting,
  toFieldIssues,
  type CategoryDefinition,
  type ContactMethod,
  type EscalationInput,
  type EscalationReceipt,
  type EscalationRequest,
  type FieldIssue,
  type QueuedReason,
  type Urgency,
} from '@escalate-kit/sdk';
import { en, type EscalateStrings } from '../../strings/en.ts';
import { clientFor } from './clients.ts';
import type { DialogHost } from './dialog-host.ts';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft.ts';
import { dialogStyles } from './escalate-dialog.styles.ts';
import {
  EscalateCloseEvent,
  EscalateDoneEvent,
  EscalateErrorEvent,
  EscalateOpenEvent,
  EscalateQueuedEvent,
  EscalateSubmitEvent,
  EscalateSuccessEvent,
} from '../events.ts';

type Field = 'category' | 'notes' | 'contactMethod' | 'phone' | 'email';
const fieldOrder: Field[] = ['category', 'notes', 'contactMethod', 'phone', 'email'];

type Status =
  | { kind: 'editing' }
  | { kind: 'submitting' }
  | { kind: 'success'; request: EscalationRequest; receipt: EscalationReceipt }
  | { kind: 'queued'; request: EscalationRequest; reason: QueuedReason }
  /** The server refused it: the task already has an escalation that is not resolved. */
  | { kind: 'already'; existing: { id: string; status: string } }
  | { kind: 'error'; message: string };

/** The results the agent reads and dismisses; closing one is the host's cue (`escalate-done`). */
const outcomes = { success: 'sent', queued: 'queued', already: 'already-escalated' } as const;

/** How long after a pointer is released a click may still follow (touch sends it late). */
const CLICK_GRACE_MS = 300;

/** A problem with what was typed; `own` when the form worded it (not to be replaced by `fieldErrors`). */
type FormIssue = FieldIssue & { own?: boolean };

/** Maps a contract path to the form field that edits it. */
function fieldOf(path: FieldIssue['path']): Field | undefined {
  const [a, b] = path;
  if (a === 'contact') return b === 'email' ? 'email' : 'phone';
  return a === 'category' || a === 'notes' || a === 'contactMethod' ? a : undefined;
}

/**
 * Creates the shared client of a button that posts to an endpoint, once the page is idle: the
 * client sends what a previous page load left in the outbox and listens for `online`, so
 * "it will be sent automatically" holds even if nobody escalates again.
 */
export function warmUp(host: Pick<DialogHost, 'config'>): void {
  const { client, endpoint, categories } = host.config;
  if (!client && endpoint) clientFor(endpoint, (categories ?? defaultCategories).map((c) => c.id));
}

/** What the dialog is given besides its host: things that are not the element's public API. */
export interface DialogOptions {
  /** Puts focus back on the control that opened the dialog. */
  focusTrigger: () => void;
  /** The host's own styles: adopting the dialog's replaces the list, so they are adopted again. */
  hostStyles: readonly CSSResultOrNative[];
}

export class EscalationDialog implements ReactiveController {
  readonly #host: DialogHost;
  readonly #focusTrigger: () => void;
  /** The task the values belong to. */
  #taskId = '';
  #values: Draft;
  #touched = new Set<Field>();
  #submitted = false;
  #status: Status = { kind: 'editing' };
  #announcement = '';
  #restored = false;
  /** Kept across Retry so the server sees the same escalation (same Idempotency-Key and body). */
  #pending?: { id: string; createdAt: string };
  /**
   * Fields left while a pointer was down. Their errors wait until the pointer is released and
   * its click has landed: an error that appeared on press would move the controls below it, and
   * the release would fall on something else (a lost click on "Urgent" or on submit).
   */
  #leftDuringPress = new Set<Field>();
  #pressing = false;
  /** The server's field issues from the last failed send, shown next to the fields with its error. */
  #serverErrors = new Map<Field, string>();

  constructor(host: DialogHost, { focusTrigger, hostStyles }: DialogOptions) {
    this.#host = host;
    this.#focusTrigger = focusTrigger;
    host.addController(this);
    // The dialog's styles travel with the dialog, not with every closed button on the page.
    adoptStyles(host.renderRoot as ShadowRoot, [...hostStyles, dialogStyles]);
    this.#values = this.#initialValues();
  }

  get #strings(): EscalateStrings {
    return { ...en, ...this.#host.config.strings };
  }

  get #categories(): readonly CategoryDefinition[] {
    return this.#host.config.categories ?? defaultCategories;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
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
    this.#taskId = h.taskId;
    const draft = h.taskId ? loadDraft(h.taskId) : undefined;
    this.#restored = !!draft?.notes;
    return { ...fresh, ...draft };
  }

  /** The task id changed under an open or closed dialog: start from that task's own draft. */
  hostUpdate() {
    if (this.#host.taskId === this.#taskId) return;
    this.#values = this.#initialValues();
    this.#reset();
  }

  #reset() {
    this.#touched.clear();
    this.#submitted = false;
    this.#pending = undefined;
    this.#status = { kind: 'editing' };
    this.#announcement = '';
  }

  async open() {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    // A delivered escalation is not shown again: a second open starts a new one. A queued one
    // is still on its way, so it is shown as such: starting over would send it twice.
    if (this.#status.kind === 'success' || this.#status.kind === 'already') {
      this.#values = this.#initialValues();
      this.#reset();
    }
    this.#announcement = this.#restored ? this.#strings.draftRestored : '';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    dialog.showModal();
    this.#host.dispatchEvent(new EscalateOpenEvent(this.#host.taskId));
    this.#focusFirst();
  }

  close() {
    this.#dialog?.close();
  }

  #onClose = () => {
    if (this.#status.kind === 'submitting') {
      // A second Escape may close the dialog despite `cancel` being prevented (close watchers):
      // the agent is waiting for the outcome, so the dialog stays.
      this.#dialog?.showModal();
      return;
    }
    const host = this.#host;
    const status = this.#status;
    host.dispatchEvent(new EscalateCloseEvent(host.taskId));
    // Native <dialog> restores focus too, but not reliably across shadow roots.
    this.#focusTrigger();
    // Last, so that a host removing the task here finds focus where it can move it on.
    if (status.kind === 'success' || status.kind === 'queued' || status.kind === 'already') {
      const receipt = status.kind === 'success' ? status.receipt : undefined;
      const request = status.kind === 'already' ? undefined : status.request;
      host.dispatchEvent(new EscalateDoneEvent(host.taskId, outcomes[status.kind], request, receipt));
    }
  };

  #onCancel = (e: Event) => {
    // Escape while sending would hide the outcome the agent is waiting for.
    if (this.#status.kind === 'submitting') e.preventDefault();
  };

  #focusFirst() {
    const first = this.#host.renderRoot.querySelector<HTMLElement>('dialog [data-autofocus], dialog select, dialog textarea');
    first?.focus();
  }

  /** The address the chosen method needs; `given` when the host supplied a valid one. */
  #address(method: ContactMethod | ''): { field: 'phone' | 'email'; given?: string } | undefined {
    if (!method) return undefined;
    const email = method === 'email';
    const raw = (email ? this.#host.customerEmail : this.#host.customerPhone)?.trim();
    const valid = raw && (email ? emailSchema : phoneSchema).safeParse(raw).success;
    return { field: email ? 'email' : 'phone', ...(valid && { given: raw }) };
  }

  get #policy() {
    return this.#host.config.policy ?? defaultPolicy;
  }

  /** The policy's reading of the case so far: the host's signals, the category and urgency picked. */
  #suggestion() {
    const { category, urgency } = this.#values;
    return suggestRouting({ ...this.#host.signals, category, urgency }, this.#policy);
  }

  /** What the policy fixed about urgency (fraud: urgent), whatever the radios say. */
  #urgency(): { urgency: Urgency; fixedBy?: string } {
    const s = this.#suggestion();
    return s.urgencyForcedBy === undefined ? { urgency: this.#values.urgency } : { urgency: s.urgency, fixedBy: s.urgencyForcedBy };
  }

  /** The escalation as the SDK will see it (without id/createdAt unless a retry is pending). */
  #input(): EscalationInput<string> {
    const h = this.#host;
    const v = this.#values;
    const address = this.#address(v.contactMethod);
    const contact: { phone?: string; email?: string } = {};
    if (address) contact[address.field] = address.given ?? v[address.field];
    const routing = v.category ? this.#suggestion() : undefined;
    const signals = h.signals && Object.keys(h.signals).length ? h.signals : undefined;
    const agentId = h.config.agentId;
    return {
      ...this.#pending,
      taskId: h.taskId,
      ...(h.taskTitle && { taskTitle: h.taskTitle }),
      category: v.category,
      notes: v.notes,
      contactMethod: v.contactMethod as ContactMethod,
      contact,
      urgency: this.#urgency().urgency,
      ...((h.customerName || h.accountId) && {
        customer: {
          ...(h.customerName && { name: h.customerName }),
          ...(h.accountId && { accountId: h.accountId }),
        },
      }),
      ...(agentId && { agent: { id: agentId } }),
      // A priority only means something when the host described the case (signals); the
      // policy's default priority would otherwise set every respond-by time.
      ...(routing && {
        routing: { level: routing.level, team: routing.team, ...(signals && { priority: routing.priority }) },
      }),
      ...(signals && { signals }),
      ...(h.context && { context: h.context }),
    };
  }

  /** Field errors from the SDK's own schema: the form can never disagree with the client. */
  #issues(): FormIssue[] {
    const input = this.#input();
    const parsed = escalationInputSchema.safeParse(input);
    const issues = parsed.success ? [] : toFieldIssues(parsed.error.issues);
    if (input.category && !this.#categories.some((c) => c.id === input.category)) {
      issues.push({ path: ['category'], message: this.#strings.chooseCategory });
    }
    // A note the account team can act on: not empty, and at least a short sentence. Said in
    // the form's own words, before any other problem with the note.
    const length = input.notes.trim().length;
    const min = this.#policy.notes.minLength;
    if (length < min) {
      const message = length === 0 ? this.#strings.notesRequired : this.#strings.notesTooShort(min);
      return [{ path: ['notes'], message, own: true }, ...issues.filter((i) => fieldOf(i.path) !== 'notes')];
    }
    return issues;
  }

  #errors(issues = this.#issues()): Map<Field, string> {
    const errors = new Map<Field, string>();
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      if (field && !errors.has(field) && (this.#submitted || this.#touched.has(field))) {
        errors.set(field, issue.own ? issue.message : (this.#strings.fieldErrors?.[field] ?? issue.message));
      }
    }
    return errors;
  }

  #onInput = (e: Event) => {
    const target = e.target as HTMLInputElement;
    const name = target.name as keyof Draft;
    if (!(name in this.#values)) return;
    (this.#values as unknown as Record<string, string>)[name] = target.value;
    // Radios commit on change; mark them touched so a wrong choice shows at once.
    if (target.type === 'radio' || target.tagName === 'SELECT') this.#touched.add(name as Field);
    this.#pending = undefined;
    if (this.#status.kind === 'error') this.#status = { kind: 'editing' };
    if (this.#host.taskId) saveDraft(this.#host.taskId, this.#values);
    this.#host.requestUpdate();
  };

  #onBlur = (e: FocusEvent) => {
    const name = (e.target as HTMLInputElement).name as Field;
    if (!fieldOrder.includes(name) || this.#touched.has(name)) return;
    if (this.#pressing) {
      this.#leftDuringPress.add(name);
      return;
    }
    this.#touched.add(name);
    this.#host.requestUpdate();
  };

  /** A press inside the dialog: hold back blur errors until its click has landed. */
  #onPointerDown = () => {
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
  };

  #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    void this.submit();
  };

  /** Validates and sends. Pressing submit again while sending does nothing. */
  async submit() {
    if (this.#status.kind === 'submitting') return;
    this.#submitted = true;
    const host = this.#host;
    const strings = this.#strings;
    const issues = this.#issues();
    const errors = this.#errors(issues);
    // Problems in what the host supplied (task id, customer, context) have no field to fix:
    // say so instead of failing silently.
    const unmapped = issues.filter((i) => !fieldOf(i.path));
    if (!errors.size && unmapped.length) {
      const message = unmapped.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      this.#serverErrors = new Map();
      // The panel is an alert: it speaks for itself, the status region stays quiet.
      this.#status = { kind: 'error', message: strings.hostDataInvalid(message) };
      this.#announce('');
      return;
    }
    if (errors.size) {
      // The summary above the fields is an alert; saying it again in the status region would
      // make a screen reader read it twice.
      this.#status = { kind: 'editing' };
      this.#announce('');
      await host.updateComplete;
      const first = fieldOrder.find((f) => errors.has(f))!;
      host.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }

    this.#pending ??= { id: createEscalationId(), createdAt: new Date().toISOString() };
    // The row this dialog belongs to may be recycled for another task while we wait.
    const taskId = host.taskId;
    const input = this.#input();
    const request = escalationInputSchema.parse(input) as EscalationRequest;
    const submit = new EscalateSubmitEvent(taskId, request);
    host.dispatchEvent(submit);
    if (submit.defaultPrevented) return;

    this.#status = { kind: 'submitting' };
    this.#announce(strings.submitting);
    try {
      const { client, endpoint } = host.config;
      const target = client ?? clientFor(endpoint!, this.#categories.map((c) => c.id));
      const result = await target.escalate(input);
      clearDraft(taskId);
      const current = host.taskId === taskId;
      if (result.status === 'sent') {
        if (current) {
          this.#restored = false;
          this.#status = { kind: 'success', request: result.request, receipt: result.receipt };
          // Focus moves to the result's heading, which is read out: the status region stays quiet.
          this.#announce('');
        }
        host.dispatchEvent(new EscalateSuccessEvent(taskId, result.request, result.receipt));
      } else {
        if (current) {
          this.#restored = false;
          this.#status = { kind: 'queued', request: result.request, reason: result.reason };
          this.#announce('');
        }
        host.dispatchEvent(new EscalateQueuedEvent(taskId, result.request, result.reason));
      }
      if (!current) return;
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>('[part="result"] h3')?.focus();
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      // The server's field issues (400) go next to the fields, like our own.
      const serverIssues = err instanceof EscalationHttpError || err instanceof EscalationValidationError ? err.issues : [];
      this.#serverErrors = new Map(
        serverIssues.flatMap((i) => {
          const f = fieldOf(i.path);
          return f ? [[f, strings.fieldErrors?.[f] ?? i.message] as const] : [];
        }),
      );
      host.dispatchEvent(new EscalateErrorEvent(taskId, err, request));
      if (host.taskId !== taskId) return;
      this.#announce('');
      if (err instanceof EscalationHttpError && err.code === 'task_already_escalated' && err.existing) {
        // Not an error to retry: the account team already has this task. Say so, and what state it is in.
        this.#status = { kind: 'already', existing: err.existing };
        await host.updateComplete;
        host.renderRoot.querySelector<HTMLElement>('[part="result"] h3')?.focus();
        return;
      }
      this.#status = { kind: 'error', message: strings.errorDetail(err) };
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>('[part="result"] [data-retry]')?.focus();
    }
  }

  #announce(text: string) {
    this.#announcement = text;
    this.#host.requestUpdate();
  }

  render() {
    const s = this.#strings;
    const h = this.#host;
    const status = this.#status;
    const done = status.kind === 'success' || status.kind === 'queued';
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby="task-line"
      closedby=${status.kind === 'submitting' ? 'none' : 'closerequest'}
      @close=${this.#onClose}
      @cancel=${this.#onCancel}
      @pointerdown=${this.#onPointerDown}
    >
      <header>
        <h2 id="title">${s.dialogTitle}</h2>
        <p id="task-line" class="muted">${s.taskLine(h.taskId, h.customerName, h.taskTitle)}</p>
      </header>
      ${done ? this.#renderResult() : status.kind === 'already' ? this.#renderAlready(status.existing) : this.#renderForm()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
    </dialog>`;
  }

  #renderForm() {
    const s = this.#strings;
    const v = this.#values;
    const errors = this.#errors();
    for (const [f, m] of this.#serverErrors) if (!errors.has(f) && this.#status.kind === 'error') errors.set(f, m);
    const busy = this.#status.kind === 'submitting';
    const selected = this.#categories.find((c) => c.id === v.category);
    const hint = selected && (s.categories[selected.id]?.hint ?? selected.hint);
    const address = this.#address(v.contactMethod);
    const suggestion = this.#suggestion();
    const urgency = this.#urgency();
    const count = v.notes.trim().length;
    const err = (f: Field) =>
      errors.has(f) ? html`<p id="${f}-error" class="error">${errors.get(f)}</p>` : nothing;
    const described = (f: Field, ...ids: string[]) => [...ids, ...(errors.has(f) ? [`${f}-error`] : [])].join(' ') || nothing;
    // Invalid only once the agent has been there (or submitted), and said so explicitly: left to
    // the native constraint (`required`, `type=email`), every empty field would be exposed as
    // invalid the moment the dialog opens. Required is said on every required field: natively
    // on the select (Chromium ignores aria-required there), with aria-required elsewhere.
    const invalid = (f: Field) => (errors.has(f) ? 'true' : 'false');

    return html`<form part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onSubmit} @input=${this.#onInput} @change=${this.#onInput} @focusout=${this.#onBlur}>
      <p class="muted">${s.dialogIntro}</p>
      ${this.#status.kind === 'error'
        ? html`<div part="result" class="result error-panel" role="alert">
            <h3 tabindex="-1">${s.errorTitle}</h3>
            <p>${this.#status.message}</p>
            <button type="submit" class="primary" data-retry>${s.retry}</button>
          </div>`
        : nothing}
      ${this.#submitted && errors.size && this.#status.kind === 'editing'
        ? html`<p class="error summary" role="alert">${s.errorsSummary(errors.size)}</p>`
        : nothing}
      <fieldset class="fields" ?disabled=${busy}>
        <div part="field field-category" class="field">
          <label for="category">${s.category}</label>
          <select id="category" name="category" data-autofocus required aria-invalid=${invalid('category')} aria-describedby=${described('category', ...(hint ? ['category-hint'] : []))}>
            <option value="" ?selected=${!v.category} disabled>${s.chooseCategory}</option>
            ${this.#categories.map(
              (c) => html`<option value=${c.id} ?selected=${c.id === v.category}>${s.categories[c.id]?.label ?? c.label}</option>`,
            )}
          </select>
          ${hint ? html`<p id="category-hint" class="muted">${hint}</p>` : nothing} ${err('category')}
        </div>

        <div part="field field-notes" class="field">
          <label for="notes">${s.notes}</label>
          <p id="notes-example" class="muted">${s.notesExample}</p>
          <textarea id="notes" name="notes" rows="5" aria-required="true" aria-invalid=${invalid('notes')} aria-describedby=${described('notes', 'notes-example', 'notes-count')} .value=${live(v.notes)}></textarea>
          <p id="notes-count" class="muted count ${count > limits.notes ? 'over' : ''}">${s.charCount(count, limits.notes)}</p>
          ${err('notes')}
        </div>

        <fieldset part="field field-contact-method" class="field" role="radiogroup" aria-labelledby="contact-legend" aria-required="true" aria-invalid=${invalid('contactMethod')} aria-describedby=${described('contactMethod')}>
          <legend id="contact-legend">${s.contactMethod}</legend>
          <div class="choices">
            ${(['call', 'text', 'email'] as const).map(
              (m) => html`<label class="choice"><input type="radio" name="contactMethod" value=${m} .checked=${live(v.contactMethod === m)} /> ${s.methods[m]}</label>`,
            )}
          </div>
          ${err('contactMethod')}
        </fieldset>

        ${address
          ? // Phone numbers and e-mail addresses read left to right in every language: on an RTL
            // page a "+" would otherwise jump to the end of the number.
            html`<div part="field field-contact" class="field">
              ${address.given
                ? html`<p class="muted">${s.usingAddress(address.given)}</p>`
                : address.field === 'phone'
                  ? html`<label for="phone">${s.phone}</label>
                      <input id="phone" name="phone" type="tel" dir="ltr" autocomplete="off" inputmode="tel" aria-required="true" aria-invalid=${invalid('phone')} aria-describedby=${described('phone')} .value=${live(v.phone)} />
                      ${err('phone')}`
                  : html`<label for="email">${s.email}</label>
                      <input id="email" name="email" type="email" dir="ltr" autocomplete="off" aria-required="true" aria-invalid=${invalid('email')} aria-describedby=${described('email')} .value=${live(v.email)} />
                      ${err('email')}`}
            </div>`
          : nothing}

        <fieldset part="field field-urgency" class="field" aria-describedby=${urgency.fixedBy ? 'urgency-fixed' : nothing}>
          <legend>${s.urgency}</legend>
          <div class="choices">
            ${(['standard', 'urgent'] as const).map(
              (u: Urgency) =>
                html`<label class="choice"
                  ><input type="radio" name="urgency" value=${u} .checked=${live(urgency.urgency === u)} ?disabled=${!!urgency.fixedBy} /> ${s.urgencies[u]}</label
                >`,
            )}
          </div>
          ${urgency.fixedBy ? html`<p id="urgency-fixed" class="muted">${s.urgencyFixed(s.urgencies[urgency.urgency], urgency.fixedBy)}</p>` : nothing}
        </fieldset>

        ${v.category && (suggestion.mandatory || suggestion.team !== this.#policy.teams.fallback)
          ? html`<p part="policy" class="policy">
              ${suggestion.mandatory ? s.policyMandatory : nothing}
              ${s.policyTeam(s.teams[suggestion.team] ?? suggestion.team)}
            </p>`
          : nothing}
      </fieldset>
      <div part="footer" class="footer">
        <button type="button" class="secondary" ?disabled=${busy} @click=${() => this.close()}>${s.cancel}</button>
        <button part="submit" type="submit" class="primary" aria-disabled=${busy ? 'true' : nothing}>
          ${busy ? s.submitting : s.submit}
        </button>
      </div>
    </form>`;
  }

  /** The task already had an open escalation: nothing was stored, and the agent is told so. */
  #renderAlready(existing: { id: string; status: string }) {
    const s = this.#strings;
    return html`<div part="result" class="result already">
      <h3 tabindex="-1">${s.alreadyTitle(s.statuses[existing.status] ?? existing.status)}</h3>
      <p>${s.alreadyBody(escalationReference(existing.id))}</p>
      <div part="footer" class="footer">
        <button type="button" class="primary" @click=${() => this.close()}>${s.close}</button>
      </div>
    </div>`;
  }

  #renderResult() {
    const s = this.#strings;
    const status = this.#status as Extract<Status, { kind: 'success' | 'queued' }>;
    const { request } = status;
    const policy = this.#host.config.policy ?? defaultPolicy;
    const method = s.script.methods[request.contactMethod];
    const window = s.windows[request.urgency];
    const routing = suggestRouting({ ...request.signals, category: request.category, urgency: request.urgency }, policy);
    // The fraud rule lives in the policy; the words come from the (localised) strings.
    const script = customerScript(
      { contactMethod: request.contactMethod, urgency: request.urgency, routing },
      { ...policy, script: s.script, urgencies: { urgent: { ...policy.urgencies.urgent, phrase: s.windows.urgent }, standard: { ...policy.urgencies.standard, phrase: s.windows.standard } } },
    );
    return html`<div part="result" class="result ${status.kind}">
      ${status.kind === 'success'
        ? html`<h3 tabindex="-1">${s.successTitle}</h3>
            <ul>
              ${s.successSteps(window, method).map((line) => html`<li>${line}</li>`)}
            </ul>`
        : html`<h3 tabindex="-1">${s.queuedTitle}</h3>
            <p>${s.queuedBody}</p>`}
      <section aria-labelledby="script-title">
        <h4 id="script-title">${s.tellCustomer}</h4>
        ${script
          ? html`<ul class="script">
              <li>“${script.before}”</li>
              <li>“${script.when}”</li>
              <li>${s.frustratedLabel} “${s.script.frustrated}”</li>
            </ul>`
          : html`<p>${s.noScript}</p>`}
      </section>
      <div part="footer" class="footer">
        <button type="button" class="primary" @click=${() => this.close()}>${s.close}</button>
      </div>
    </div>`;
  }
}
