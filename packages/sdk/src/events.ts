/**
 * Typed events of the escalation client. Code that never renders the element can
 * still take a task off the queue: listen for `success` and `delivered`.
 */
import type { EscalationError } from './errors.ts';
import type { EscalationReceipt, EscalationRequest } from './schemas/index.ts';

/** Why an escalation went to the outbox instead of being delivered now. */
export type QueuedReason = 'offline' | 'network' | 'timeout' | 'http';

/** Fired after validation, just before the first attempt to send. */
export class EscalationSubmitEvent extends Event {
  constructor(readonly request: EscalationRequest) {
    super('submit');
  }
}

/** The server stored the escalation and answered with a valid receipt. */
export class EscalationSuccessEvent extends Event {
  constructor(
    readonly request: EscalationRequest,
    readonly receipt: EscalationReceipt,
  ) {
    super('success');
  }
}

/** The escalation could not be sent now and is kept in the outbox, to be sent later. */
export class EscalationQueuedEvent extends Event {
  constructor(
    readonly request: EscalationRequest,
    readonly reason: QueuedReason,
    /** The fault that exhausted the retries, when there was one (none when offline). */
    readonly error?: EscalationError,
  ) {
    super('queued');
  }
}

/** A queued escalation reached the server (on `online`, a later page load, or `flush()`). */
export class EscalationDeliveredEvent extends Event {
  constructor(
    readonly request: EscalationRequest,
    readonly receipt: EscalationReceipt,
  ) {
    super('delivered');
  }
}

/** An escalation failed for good (bad input, a final 4xx, a malformed receipt). */
export class EscalationErrorEvent extends Event {
  constructor(
    readonly error: EscalationError,
    /** Absent when the input never became a valid request. */
    readonly request?: EscalationRequest,
    /**
     * `true` when the escalation was waiting in the outbox and will not be sent (the server
     * refused it, or kept failing on it): no `escalate()` call is there to reject, so this event
     * is the only word of it. It stays in the outbox, marked failed, until `discard(id)`.
     */
    readonly fromOutbox = false,
  ) {
    super('error');
  }
}

export interface EscalationClientEventMap {
  submit: EscalationSubmitEvent;
  success: EscalationSuccessEvent;
  queued: EscalationQueuedEvent;
  delivered: EscalationDeliveredEvent;
  error: EscalationErrorEvent;
}
