/**
 * The events that also speak for the outbox, which `<escalate-provider>` dispatches too. In a
 * module of their own because the provider is loaded with every page: importing `events.ts` there
 * would put every event class in the code a page of closed buttons loads.
 */
import type { EscalationError, EscalationReceipt, EscalationRequest } from '@escalate-kit/sdk';

/**
 * An escalation that was queued (offline) reached the server later, from the outbox: on
 * `online`, on a later page load, or on a timer. Not dispatched by the button, which may be
 * long gone (a reload): on `document` for buttons that post to an `endpoint`, and from
 * `<escalate-provider>` for its `client`. A host that sets a `client` on a button itself
 * listens to that client's `delivered` event.
 */
export class EscalateDeliveredEvent extends Event {
  static readonly type = 'escalate-delivered';
  constructor(
    readonly taskId: string,
    readonly request: EscalationRequest,
    readonly receipt: EscalationReceipt,
  ) {
    super(EscalateDeliveredEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * It was not sent. From the button: the dialog keeps everything typed and offers Retry. For an
 * escalation that waited in the outbox and will not be sent (the server refused it, or kept
 * failing on it): on `document` or from the provider, like `escalate-delivered`; an open dialog
 * that showed it as queued shows it as failed, with the form to edit and send again.
 */
export class EscalateErrorEvent extends Event {
  static readonly type = 'escalate-error';
  constructor(
    readonly taskId: string,
    readonly error: EscalationError | Error,
    readonly request?: EscalationRequest,
  ) {
    super(EscalateErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'escalate-delivered': EscalateDeliveredEvent;
    'escalate-error': EscalateErrorEvent;
  }
}
