/**
 * Sending from the dialog: the escalation built from the form and the host, the call to the
 * client, what the outcome means for the dialog, and the events that tell the host.
 */
import {
  createEscalationId,
  EscalationHttpError,
  EscalationValidationError,
  escalationInputSchema,
  type ContactMethod,
  type EscalationInput,
  type EscalationReceipt,
  type EscalationRequest,
  type QueuedReason,
} from '@escalate-kit/sdk';
import { EscalateErrorEvent, EscalateQueuedEvent, EscalateSubmitEvent, EscalateSuccessEvent } from '../events.ts';
import { clientFor } from './clients.ts';
import type { DialogHost } from './dialog-host.ts';
import { clearDraft } from './draft.ts';
import { fieldOf, type Field } from './fields.ts';
import type { FormState } from './form-state.ts';

export type Status =
  | { kind: 'editing' }
  | { kind: 'submitting' }
  | { kind: 'success'; request: EscalationRequest; receipt: EscalationReceipt }
  | { kind: 'queued'; request: EscalationRequest; reason: QueuedReason }
  /** The server refused it: the task already has an escalation that is not resolved. */
  | { kind: 'already'; existing: { id: string; status: string } }
  | { kind: 'error'; message: string };

/** What takes focus once an outcome is on screen: the result's heading, or Retry. */
export type Landing = 'result' | 'retry';

/** What the dialog does for a send: speak in its status region, and move focus to an outcome. */
export interface SubmissionView {
  /** Says `text` in the status region ('' keeps it quiet). */
  announce(text: string): void;
  /**
   * Focuses `target` once the outcome is rendered. Called at once after the event that tells
   * the host, so focus has moved by the time a host awaiting `updateComplete` looks.
   */
  land(target: Landing): Promise<void>;
}

export class Submission {
  status: Status = { kind: 'editing' };
  /** The server's field issues from the last failed send, shown next to the fields with its error. */
  serverErrors = new Map<Field, string>();
  readonly #host: DialogHost;
  readonly #form: FormState;
  readonly #view: SubmissionView;
  /** Kept across Retry so the server sees the same escalation (same Idempotency-Key and body). */
  #pending?: { id: string; createdAt: string };
  /** A queued escalation the outbox gave up on: removed from the outbox once the agent has sent it again. */
  #failedId?: string;

  constructor(host: DialogHost, form: FormState, view: SubmissionView) {
    this.#host = host;
    this.#form = form;
    this.#view = view;
    // The outbox's word on a queued escalation arrives on `document` (or from the provider),
    // long after the call that queued it returned: listen while the button is in the page.
    host.addController({
      hostConnected: () => document.addEventListener('escalate-error', this.#onOutboxFailed),
      hostDisconnected: () => document.removeEventListener('escalate-error', this.#onOutboxFailed),
    });
  }

  /** The queued escalation this dialog shows will not be sent: say so, with the form to edit and send again. */
  readonly #onOutboxFailed = (e: EscalateErrorEvent) => {
    const status = this.status;
    if (status.kind !== 'queued' || e.request?.id !== status.request.id) return;
    this.#failedId = status.request.id;
    const strings = this.#form.strings;
    this.#show({ kind: 'error', message: strings.outboxFailed(strings.errorDetail(e.error)) });
    this.#host.requestUpdate();
  };

  get busy(): boolean {
    return this.status.kind === 'submitting';
  }

  /** The escalation as the SDK will see it (without id/createdAt unless a retry is pending). */
  input(): EscalationInput<string> {
    const h = this.#host;
    const form = this.#form;
    const v = form.values;
    const address = form.address(v.contactMethod);
    const contact: { phone?: string; email?: string } = {};
    if (address) {
      // Under suspected fraud only an address the account already has is used (docs/policy.md#fraud).
      const value = address.given ?? (form.knownContactOnly() ? undefined : v[address.field]);
      if (value !== undefined) contact[address.field] = value;
    }
    const routing = v.category ? form.suggestion() : undefined;
    const signals = form.signals();
    const { agentId, agentEmail, agentStartedOn } = h.config;
    const agent = {
      ...(agentId && { id: agentId }),
      ...(agentEmail && { email: agentEmail }),
      ...(agentStartedOn && { startedOn: agentStartedOn }),
    };
    // Optional one-liners: left out when empty, rather than sent as "" (which the contract refuses).
    const customerRequest = v.customerRequest.trim();
    const recommendation = v.recommendation.trim();
    return {
      ...this.#pending,
      taskId: h.taskId,
      ...(h.taskTitle && { taskTitle: h.taskTitle }),
      category: v.category,
      notes: v.notes,
      contactMethod: v.contactMethod as ContactMethod,
      contact,
      urgency: form.urgency().urgency,
      ...((h.customerName || h.accountId) && {
        customer: {
          ...(h.customerName && { name: h.customerName }),
          ...(h.accountId && { accountId: h.accountId }),
        },
      }),
      ...(customerRequest && { customerRequest }),
      ...(recommendation && { recommendation }),
      ...(Object.keys(agent).length > 0 && { agent }),
      // A priority only means something when the case is described (signals); the policy's
      // default priority would otherwise set every respond-by time.
      ...(routing && {
        routing: { level: routing.level, team: routing.team, ...(signals && { priority: routing.priority }) },
      }),
      ...(signals && { signals }),
      ...(h.context && { context: h.context }),
    };
  }

  /** What was typed changed: a retry would be a new escalation, and a failure gives way to the form. */
  edited() {
    this.#pending = undefined;
    if (this.status.kind === 'error') this.status = { kind: 'editing' };
  }

  /** Forgets the last escalation: a new task, or a new escalation after one that was delivered. */
  reset() {
    this.#pending = undefined;
    this.status = { kind: 'editing' };
  }

  /** What the host supplied (task id, customer, context) cannot be sent and has no field to fix it. */
  refuse(detail: string) {
    this.serverErrors = new Map();
    // The panel is an alert: it speaks for itself, the status region stays quiet.
    this.#show({ kind: 'error', message: this.#form.strings.hostDataInvalid(detail) });
  }

  /**
   * Sends what the form holds (already validated) and shows the outcome, unless the host cancels
   * `escalate-submit` or the row holds another task by the time the outcome arrives.
   */
  async send(): Promise<void> {
    const host = this.#host;
    const strings = this.#form.strings;
    this.#pending ??= { id: createEscalationId(), createdAt: new Date().toISOString() };
    // The row this dialog belongs to may be recycled for another task while we wait.
    const taskId = host.taskId;
    const input = this.input();
    const request = escalationInputSchema.parse(input) as EscalationRequest;
    const submit = new EscalateSubmitEvent(taskId, request);
    host.dispatchEvent(submit);
    if (submit.defaultPrevented) return;

    this.#show({ kind: 'submitting' }, strings.submitting);
    try {
      const { client, endpoint } = host.config;
      const target =
        client ??
        clientFor(
          endpoint!,
          this.#form.categories.map((c) => c.id),
        );
      const result = await target.escalate(input);
      clearDraft(taskId);
      if (result.status === 'sent' && this.#failedId) {
        // Sent again: the copy the outbox gave up on has been dealt with.
        void (target as { discard?: (id: string) => Promise<void> }).discard?.(this.#failedId);
        this.#failedId = undefined;
      }
      const current = host.taskId === taskId;
      // Shown before the host hears of it, so a host that closes the dialog right away still
      // gets `escalate-done`. Focus moves to the result's heading, which is read out: the
      // status region stays quiet.
      if (current) {
        this.#form.restored = false;
        this.#show(
          result.status === 'sent'
            ? { kind: 'success', request: result.request, receipt: result.receipt }
            : { kind: 'queued', request: result.request, reason: result.reason },
        );
      }
      host.dispatchEvent(
        result.status === 'sent'
          ? new EscalateSuccessEvent(taskId, result.request, result.receipt)
          : new EscalateQueuedEvent(taskId, result.request, result.reason),
      );
      if (current) await this.#view.land('result');
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      // The server's field issues (400) go next to the fields, like our own.
      const serverIssues = err instanceof EscalationHttpError || err instanceof EscalationValidationError ? err.issues : [];
      this.serverErrors = new Map(
        serverIssues.flatMap((i) => {
          const f = fieldOf(i.path);
          return f ? [[f, strings.fieldErrors?.[f] ?? i.message] as const] : [];
        }),
      );
      host.dispatchEvent(new EscalateErrorEvent(taskId, err, request));
      if (host.taskId !== taskId) return;
      if (err instanceof EscalationHttpError && err.code === 'task_already_escalated' && err.existing) {
        // Not an error to retry: the account team already has this task. Say so, and what state it is in.
        this.#show({ kind: 'already', existing: err.existing });
        await this.#view.land('result');
        return;
      }
      this.#show({ kind: 'error', message: strings.errorDetail(err) });
      await this.#view.land('retry');
    }
  }

  #show(status: Status, announcement = '') {
    this.status = status;
    this.#view.announce(announcement);
  }
}
