/**
 * The dialog and form of `<escalate-button>`, loaded on first intent. A controller rather
 * than a second custom element: the form lives in the button's own shadow root, so labels,
 * `aria-describedby` and focus all stay in one tree.
 */
import { adoptStyles, html, nothing, type LitElement, type ReactiveController } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  createEscalationId,
  customerScript,
  defaultCategories,
  defaultPolicy,
  emailSchema,
  EscalationHttpError,
  EscalationValidationError,
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
import { en, type EscalateStrings } from '../strings/en.ts';
import { clientFor } from './clients.ts';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft.ts';
import type { EscalateButton } from './escalate-button.ts';
import { dialogStyles } from './escalate-dialog.styles.ts';
import {
  EscalateCloseEvent,
  EscalateErrorEvent,
  EscalateOpenEvent,
  EscalateQueuedEvent,
  EscalateSubmitEvent,
  EscalateSuccessEvent,
} from './events.ts';

type Field = 'category' | 'notes' | 'contactMethod' | 'phone' | 'email';
const fieldOrder: Field[] = ['category', 'notes', 'contactMethod', 'phone', 'email'];

type Status =
  | { kind: 'editing' }
  | { kind: 'submitting' }
  | { kind: 'success'; request: EscalationRequest; receipt: EscalationReceipt }
  | { kind: 'queued'; request: EscalationRequest; reason: QueuedReason }
  | { kind: 'error'; message: string };

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
export function warmUp(host: EscalateButton): void {
  const { client, endpoint, categories } = host.config;
  if (!client && endpoint) clientFor(endpoint, (categories ?? defaultCategories).map((c) => c.id));
}

export class EscalationDialog implements ReactiveController {
  readonly #host: EscalateButton;
  #values: Draft;
  #touched = new Set<Field>();
  #submitted = false;
  #status: Status = { kind: 'editing' };
  #announcement = '';
  #restored = false;
  /** Kept across Retry so the server sees the same escalation (same Idempotency-Key and body). */
  #pending?: { id: string; createdAt: string };

  constructor(host: EscalateButton) {
    this.#host = host;
    host.addController(this);
    // The dialog's styles travel with the dialog, not with every closed button on the page.
    const { elementStyles } = host.constructor as typeof LitElement;
    adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, dialogStyles]);
    this.#values = this.#initialValues();
  }

  hostConnected() {}

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
    const draft = h.taskId ? loadDraft(h.taskId) : undefined;
    this.#restored = !!draft?.notes;
    return { ...fresh, ...draft };
  }

  /** The task id changed under an open or closed dialog: start from that task's own draft. */
  taskChanged() {
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
    if (this.#status.kind === 'success') {
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
    this.#host.dispatchEvent(new EscalateCloseEvent(this.#host.taskId));
    // Native <dialog> restores focus too, but not reliably across shadow roots.
    this.#host.focusTrigger();
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

  #routing() {
    const { category, urgency } = this.#values;
    return category
      ? suggestRouting({ ...this.#host.signals, category, urgency }, this.#host.config.policy ?? defaultPolicy)
      : undefined;
  }

  /** The escalation as the SDK will see it (without id/createdAt unless a retry is pending). */
  #input(): EscalationInput<string> {
    const h = this.#host;
    const v = this.#values;
    const address = this.#address(v.contactMethod);
    const contact: { phone?: string; email?: string } = {};
    if (address) contact[address.field] = address.given ?? v[address.field];
    const routing = this.#routing();
    const agentId = h.config.agentId;
    return {
      ...this.#pending,
      taskId: h.taskId,
      category: v.category,
      notes: v.notes,
      contactMethod: v.contactMethod as ContactMethod,
      contact,
      urgency: v.urgency,
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
        routing: { level: routing.level, team: routing.team, ...(h.signals && Object.keys(h.signals).length && { priority: routing.priority }) },
      }),
      ...(h.context && { context: h.context }),
    };
  }

  /** Field errors from the SDK's own schema: the form can never disagree with the client. */
  #issues(): FieldIssue[] {
    const input = this.#input();
    const parsed = escalationInputSchema.safeParse(input);
    const issues = parsed.success ? [] : toFieldIssues(parsed.error.issues);
    if (input.category && !this.#categories.some((c) => c.id === input.category)) {
      issues.push({ path: ['category'], message: this.#strings.chooseCategory });
    }
    return issues;
  }

  #errors(issues = this.#issues()): Map<Field, string> {
    const errors = new Map<Field, string>();
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      if (field && !errors.has(field) && (this.#submitted || this.#touched.has(field))) {
        errors.set(field, this.#strings.fieldErrors?.[field] ?? issue.message);
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
    if (fieldOrder.includes(name) && !this.#touched.has(name)) {
      this.#touched.add(name);
      this.#host.requestUpdate();
    }
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
      this.#status = { kind: 'error', message: strings.hostDataInvalid(message) };
      this.#announce(`${strings.errorTitle}: ${strings.hostDataInvalid(message)}`);
      return;
    }
    if (errors.size) {
      this.#status = { kind: 'editing' };
      this.#announce(strings.errorsSummary(errors.size));
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
          this.#announce(strings.successTitle);
        }
        host.dispatchEvent(new EscalateSuccessEvent(taskId, result.request, result.receipt));
      } else {
        if (current) {
          this.#restored = false;
          this.#status = { kind: 'queued', request: result.request, reason: result.reason };
          this.#announce(strings.queuedTitle);
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
      const message = strings.errorDetail(err);
      this.#status = { kind: 'error', message };
      this.#announce(`${strings.errorTitle}: ${message}`);
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>('[part="result"] [data-retry]')?.focus();
    }
  }

  #serverErrors = new Map<Field, string>();

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
    >
      <header>
        <h2 id="title">${s.dialogTitle}</h2>
        <p id="task-line" class="muted">${s.taskLine(h.taskId, h.customerName)}</p>
      </header>
      ${done ? this.#renderResult() : this.#renderForm()}
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
    const routing = this.#routing();
    const count = v.notes.trim().length;
    const err = (f: Field) =>
      errors.has(f) ? html`<p id="${f}-error" class="error">${errors.get(f)}</p>` : nothing;
    const described = (f: Field, ...ids: string[]) => [...ids, ...(errors.has(f) ? [`${f}-error`] : [])].join(' ') || nothing;
    const invalid = (f: Field) => (errors.has(f) ? 'true' : nothing);

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
          <select id="category" name="category" required data-autofocus aria-invalid=${invalid('category')} aria-describedby=${described('category', ...(hint ? ['category-hint'] : []))}>
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
          <textarea id="notes" name="notes" rows="5" required aria-invalid=${invalid('notes')} aria-describedby=${described('notes', 'notes-example', 'notes-count')} .value=${live(v.notes)}></textarea>
          <p id="notes-count" class="muted count ${count > limits.notes ? 'over' : ''}">${s.charCount(count, limits.notes)}</p>
          ${err('notes')}
        </div>

        <fieldset part="field field-contact-method" class="field" aria-invalid=${invalid('contactMethod')} aria-describedby=${described('contactMethod')}>
          <legend>${s.contactMethod}</legend>
          <div class="choices">
            ${(['call', 'text', 'email'] as const).map(
              (m) => html`<label class="choice"><input type="radio" name="contactMethod" value=${m} .checked=${live(v.contactMethod === m)} required /> ${s.methods[m]}</label>`,
            )}
          </div>
          ${err('contactMethod')}
        </fieldset>

        ${address
          ? html`<div part="field field-contact" class="field">
              ${address.given
                ? html`<p class="muted">${s.usingAddress(address.given)}</p>`
                : address.field === 'phone'
                  ? html`<label for="phone">${s.phone}</label>
                      <input id="phone" name="phone" type="tel" autocomplete="off" inputmode="tel" required aria-invalid=${invalid('phone')} aria-describedby=${described('phone')} .value=${live(v.phone)} />
                      ${err('phone')}`
                  : html`<label for="email">${s.email}</label>
                      <input id="email" name="email" type="email" autocomplete="off" required aria-invalid=${invalid('email')} aria-describedby=${described('email')} .value=${live(v.email)} />
                      ${err('email')}`}
            </div>`
          : nothing}

        <fieldset part="field field-urgency" class="field">
          <legend>${s.urgency}</legend>
          <div class="choices">
            ${(['standard', 'urgent'] as const).map(
              (u: Urgency) => html`<label class="choice"><input type="radio" name="urgency" value=${u} .checked=${live(v.urgency === u)} /> ${s.urgencies[u]}</label>`,
            )}
          </div>
        </fieldset>

        ${routing && (routing.mandatory || routing.team !== (this.#host.config.policy ?? defaultPolicy).teams.fallback)
          ? html`<p part="policy" class="policy">
              ${routing.mandatory ? s.policyMandatory : nothing}
              ${s.policyTeam(s.teams[routing.team] ?? routing.team)}
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

  #renderResult() {
    const s = this.#strings;
    const status = this.#status as Extract<Status, { kind: 'success' | 'queued' }>;
    const { request } = status;
    const policy = this.#host.config.policy ?? defaultPolicy;
    const method = s.script.methods[request.contactMethod];
    const window = s.windows[request.urgency];
    const routing = suggestRouting({ ...this.#host.signals, category: request.category, urgency: request.urgency }, policy);
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
