/**
 * The dialog and form of `<escalate-button>`, loaded on first intent: this module is the entry
 * of the lazy chunk, so what it imports (the SDK, zod, ky) stays out of a page of closed
 * buttons. A controller rather than a second custom element: the form lives in the button's
 * own shadow root, so labels, `aria-describedby` and focus all stay in one tree.
 */
import { adoptStyles, html, type CSSResultOrNative, type ReactiveController } from 'lit';
import type { EscalationState } from '@escalate-kit/sdk';
import { EscalateCloseEvent, EscalateDoneEvent, EscalateOpenEvent } from '../events.ts';
import { caseStyles } from './case.styles.ts';
import type { DialogHost } from './dialog-host.ts';
import { dialogStyles } from './escalate-dialog.styles.ts';
import { formTemplate, type FormActions } from './form.template.ts';
import { formView } from './form-view.ts';
import { fieldOf, fieldOrder } from './fields.ts';
import { FormState } from './form-state.ts';
import { Noticing, type Suggestion } from './noticing.ts';
import { alreadyTemplate, resultTemplate } from './result.template.ts';
import { stateTemplate } from './state.template.ts';
import { Submission, type Landing } from './submission.ts';

/** The results the agent reads and dismisses; closing one is the host's cue (`escalate-done`). */
const outcomes = { success: 'sent', queued: 'queued', already: 'already-escalated' } as const;

/** Where focus goes once an outcome is on screen. */
const landings: Record<Landing, string> = { result: '[part="result"] h3', retry: '[part="result"] [data-retry]' };

// What the button shell calls on this lazy module besides the dialog itself.
export { lookUp, warmUp } from './clients.ts';
export { escalatedLabel } from './escalated-label.ts';

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
  readonly #noticing: Noticing;
  #announcement = '';
  /** The escalation shown read-only (the task is already escalated), instead of the form. */
  #viewing: EscalationState | undefined;

  // Listeners are arrow functions: Lit calls them with the host element as `this`.
  readonly #onClose = () => {
    if (this.#submission.busy) {
      // A second Escape may close the dialog despite `cancel` being prevented (close watchers):
      // the agent is waiting for the outcome, so the dialog stays.
      this.#dialog?.showModal();
      return;
    }
    const host = this.#host;
    const status = this.#submission.status;
    this.#noticing.stop();
    host.dispatchEvent(new EscalateCloseEvent(host.taskId));
    // Native <dialog> restores focus too, but not reliably across shadow roots.
    this.#focusTrigger();
    // Reading an escalation's state is not an outcome: the task stays where it is.
    if (this.#viewing) return void (this.#viewing = undefined);
    // Last, so that a host removing the task here finds focus where it can move it on.
    if (status.kind === 'success' || status.kind === 'queued' || status.kind === 'already') {
      const receipt = status.kind === 'success' ? status.receipt : undefined;
      const request = status.kind === 'already' ? undefined : status.request;
      host.dispatchEvent(new EscalateDoneEvent(host.taskId, outcomes[status.kind], request, receipt));
    }
  };

  readonly #onCancel = (e: Event) => {
    // Escape while sending would hide the outcome the agent is waiting for.
    if (this.#submission.busy) e.preventDefault();
  };

  readonly #onPointerDown = () => this.#form.touched.pressed();

  readonly #actions: FormActions = {
    submit: (e) => {
      e.preventDefault();
      void this.submit();
    },
    input: (e) => {
      const target = e.target as HTMLInputElement;
      if (!this.#form.edit(target)) return;
      if (target.name === 'notes') this.#noticing.typed();
      this.#submission.edited();
      this.#host.requestUpdate();
    },
    focusout: (e) => this.#form.touched.left((e.target as HTMLInputElement).name),
    cancel: () => this.close(),
    accept: (s, as) => this.#answered(s, () => this.#noticing.accept(s, as)),
    dismiss: (s) => this.#answered(s, () => this.#noticing.dismiss(s)),
  };

  constructor(host: DialogHost, { focusTrigger, hostStyles }: DialogOptions) {
    this.#host = host;
    this.#focusTrigger = focusTrigger;
    host.addController(this);
    // The dialog's styles travel with the dialog, not with every closed button on the page.
    adoptStyles(host.renderRoot as ShadowRoot, [...hostStyles, dialogStyles, caseStyles]);
    // The case's details (title, customer…) are not observed attributes of the button, so that
    // a list's closed rows run nothing for them: the dialog, which shows them, watches them.
    new MutationObserver(() => host.requestUpdate()).observe((host.renderRoot as ShadowRoot).host, { attributes: true });
    this.#form = new FormState(host);
    this.#noticing = new Noticing(this.#form, (text) => this.#announce(text));
    this.#submission = new Submission(host, this.#form, {
      announce: (text) => this.#announce(text),
      land: async (target) => {
        await host.updateComplete;
        host.renderRoot.querySelector<HTMLElement>(landings[target])?.focus();
      },
    });
  }

  /** The task id changed under an open or closed dialog: start from that task's own draft. */
  hostUpdate() {
    if (this.#host.taskId !== this.#form.taskId) this.#startOver();
    else this.#form.syncPresets();
  }

  async open() {
    if (this.#dialog?.open) return;
    // A delivered escalation is not shown again: a second open starts a new one. A queued one
    // is still on its way, so it is shown as such: starting over would send it twice.
    const { kind } = this.#submission.status;
    if (kind === 'success' || kind === 'already') this.#startOver();
    this.#announcement = this.#form.restored ? this.#form.strings.draftRestored : '';
    this.#noticing.opened();
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    // Looked up after the update: on the first open, it is the update that renders it.
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.#host.dispatchEvent(new EscalateOpenEvent(this.#host.taskId));
    this.#focusFirst();
  }

  close() {
    this.#dialog?.close();
  }

  /** Opens on the read-only state of the task's escalation (no form), focus on its heading. */
  async show(state: EscalationState) {
    if (this.#dialog?.open) return;
    this.#viewing = state;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.#host.dispatchEvent(new EscalateOpenEvent(this.#host.taskId));
    this.#host.renderRoot.querySelector<HTMLElement>('[part="result"] h3')?.focus();
  }

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

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  #startOver() {
    this.#form.reload();
    this.#submission.reset();
    this.#announcement = '';
  }

  /**
   * A suggestion was taken or dismissed, and its buttons go with it: focus moves to the next
   * suggestion (the one now in its place), else the one before, else on to the toggles.
   */
  async #answered(s: Suggestion, act: () => void) {
    const index = this.#noticing.current().findIndex((c) => c.key === s.key);
    act();
    this.#submission.edited();
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const root = this.#host.renderRoot;
    const items = [...root.querySelectorAll('[data-suggestion]')];
    const next = items[Math.min(index, items.length - 1)]?.querySelector('button') ?? root.querySelector('input[name="flag"]');
    (next as HTMLElement | null)?.focus();
  }

  #focusFirst() {
    const first = this.#host.renderRoot.querySelector<HTMLElement>('dialog [data-autofocus], dialog select, dialog textarea');
    first?.focus();
  }

  #announce(text: string) {
    this.#announcement = text;
    this.#host.requestUpdate();
  }

  render() {
    const s = this.#form.strings;
    const h = this.#host;
    const status = this.#submission.status;
    const close = () => this.close();
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
      ${
        this.#viewing
          ? stateTemplate({ strings: s, state: this.#viewing, locale: this.#form.locale, teamName: (id) => this.#form.teamName(id) }, close)
          : status.kind === 'success' || status.kind === 'queued'
            ? resultTemplate(
                {
                  strings: s,
                  outcome: status,
                  policy: this.#form.policy,
                  locale: this.#form.locale,
                  teamName: (id) => this.#form.teamName(id),
                },
                close,
              )
            : status.kind === 'already'
              ? alreadyTemplate(s, status.existing, close)
              : formTemplate(formView(this.#form, this.#submission, this.#noticing, h.config.supportPhone), this.#actions)
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
    </dialog>`;
  }
}
