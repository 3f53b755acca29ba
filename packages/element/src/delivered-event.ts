/**
 * The one event that is not the button's own. In a module of its own because
 * `<escalate-provider>` dispatches it and is loaded with every page: importing `events.ts` there
 * would put every event class in the code a page of closed buttons loads.
 */
import type { EscalationReceipt, EscalationRequest } from '@escalate-kit/sdk';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'escalate-delivered': EscalateDeliveredEvent;
  }
}
