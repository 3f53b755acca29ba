/**
 * The dialog and form of `<escalate-button>`, loaded on first intent. A controller rather
 * than a second custom element: the form lives in the button's own shadow root, so labels,
 * `aria-describedby` and focus all stay in one tree.
 */
import { adoptStyles, html, nothing, type CSSResultOrNative, type ReactiveController } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  customerScript,
  defaultCategories,
  defaultPolicy,
  escalationReference,
  limits,
  suggestRouting,
  type Urgency,
} from '@escalate-kit/sdk';
import { EscalateCloseEvent, EscalateDoneEvent, EscalateOpenEvent } from '../events.ts';
import { clientFor } from './clients.ts';
import type { DialogHost } from './dialog-host.ts';
import { dialogStyles } from './escalate-dialog.styles.ts';
import { fieldOf, fieldOrder, FormState, type Field } from './form-state.ts';
import { Submission, type Landing, type Status } from './submission.ts';

/** The results the agent reads and dismisses; closing one is the host's cue (`escalate-done`). */
const outcomes = { success: 'sent', queued: 'queued', already: 'already-escalated' } as const;

/** Where focus goes once an outcome is on screen. */
const landings: Record<Landing, string> = { result: '[part="result"] h3', retry: '[part="result"] [data-retry]' };

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
  readonly #form: FormState;
  readonly #submission: Submission;
  #announcement = '';

  constructor(host: DialogHost, { focusTrigger, hostStyles }: DialogOptions) {
    this.#host = host;
    this.#focusTrigger = focusTrigger;
    host.addController(this);
    // The dialog's styles travel with the dialog, not with every closed button on the page.
    adoptStyles(host.renderRoot as ShadowRoot, [...hostStyles, dialogStyles]);
    this.#form = new FormState(host);
    this.#submission = new Submission(host, this.#form, {
      announce: (text) => this.#announce(text),
      land: async (target) => {
        await host.updateComplete;
        host.renderRoot.querySelector<HTMLElement>(landings[target])?.focus();
      },
    });
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  /** The task id changed under an open or closed dialog: start from that task's own draft. */
  hostUpdate() {
    if (this.#host.taskId !== this.#form.taskId) this.#startOver();
  }

  #startOver() {
    this.#form.reload();
    this.#submission.reset();
    this.#announcement = '';
  }

  async open() {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    // A delivered escalation is not shown again: a second open starts a new one. A queued one
    // is still on its way, so it is shown as such: starting over would send it twice.
    const { kind } = this.#submission.status;
    if (kind === 'success' || kind === 'already') this.#startOver();
    this.#announcement = this.#form.restored ? this.#form.strings.draftRestored : '';
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
    if (this.#submission.busy) {
      // A second Escape may close the dialog despite `cancel` being prevented (close watchers):
      // the agent is waiting for the outcome, so the dialog stays.
      this.#dialog?.showModal();
      return;
    }
    const host = this.#host;
    const status = this.#submission.status;
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
    if (this.#submission.busy) e.preventDefault();
  };

  #focusFirst() {
    const first = this.#host.renderRoot.querySelector<HTMLElement>('dialog [data-autofocus], dialog select, dialog textarea');
    first?.focus();
  }

  #onInput = (e: Event) => {
    if (!this.#form.edit(e.target as HTMLInputElement)) return;
    this.#submission.edited();
    this.#host.requestUpdate();
  };

  #onBlur = (e: FocusEvent) => this.#form.left((e.target as HTMLInputElement).name);

  #onPointerDown = () => this.#form.pressed();

  #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    void this.submit();
  };

  /** Validates and sends. Pressing submit again while sending does nothing. */
  async submit() {
    const host = this.#host;
    const form = this.#form;
    const submission = this.#submission;
    if (submission.busy) return;
    form.submitted = true;
    const issues = form.issues(submission.input());
    const errors = form.errors(issues);
    // Problems in what the host supplied (task id, customer, context) have no field to fix:
    // say so instead of failing silently.
    const unmapped = issues.filter((i) => !fieldOf(i.path));
    if (!errors.size && unmapped.length) {
      submission.refuse(unmapped.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    if (errors.size) {
      // The summary above the fields is an alert; saying it again in the status region would
      // make a screen reader read it twice.
      submission.status = { kind: 'editing' };
      this.#announce('');
      await host.updateComplete;
      const first = fieldOrder.find((f) => errors.has(f))!;
      host.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    await submission.send();
  }

  #announce(text: string) {
    this.#announcement = text;
    this.#host.requestUpdate();
  }

  render() {
    const s = this.#form.strings;
    const h = this.#host;
    const status = this.#submission.status;
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
    const form = this.#form;
    const s = form.strings;
    const v = form.values;
    const status = this.#submission.status;
    const errors = form.errors(form.issues(this.#submission.input()));
    for (const [f, m] of this.#submission.serverErrors) if (!errors.has(f) && status.kind === 'error') errors.set(f, m);
    const busy = status.kind === 'submitting';
    const selected = form.categories.find((c) => c.id === v.category);
    const hint = selected && (s.categories[selected.id]?.hint ?? selected.hint);
    const address = form.address(v.contactMethod);
    const suggestion = form.suggestion();
    const urgency = form.urgency();
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
      ${status.kind === 'error'
        ? html`<div part="result" class="result error-panel" role="alert">
            <h3 tabindex="-1">${s.errorTitle}</h3>
            <p>${status.message}</p>
            <button type="submit" class="primary" data-retry>${s.retry}</button>
          </div>`
        : nothing}
      ${form.submitted && errors.size && status.kind === 'editing'
        ? html`<p class="error summary" role="alert">${s.errorsSummary(errors.size)}</p>`
        : nothing}
      <fieldset class="fields" ?disabled=${busy}>
        <div part="field field-category" class="field">
          <label for="category">${s.category}</label>
          <select id="category" name="category" data-autofocus required aria-invalid=${invalid('category')} aria-describedby=${described('category', ...(hint ? ['category-hint'] : []))}>
            <option value="" ?selected=${!v.category} disabled>${s.chooseCategory}</option>
            ${form.categories.map(
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

        ${v.category && (suggestion.mandatory || suggestion.team !== form.policy.teams.fallback)
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
    const s = this.#form.strings;
    return html`<div part="result" class="result already">
      <h3 tabindex="-1">${s.alreadyTitle(s.statuses[existing.status] ?? existing.status)}</h3>
      <p>${s.alreadyBody(escalationReference(existing.id))}</p>
      <div part="footer" class="footer">
        <button type="button" class="primary" @click=${() => this.close()}>${s.close}</button>
      </div>
    </div>`;
  }

  #renderResult() {
    const s = this.#form.strings;
    const status = this.#submission.status as Extract<Status, { kind: 'success' | 'queued' }>;
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
