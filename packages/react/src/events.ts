/**
 * The React props that listen to the elements' events: `onEscalateDone` for `escalate-done`, each
 * typed with the element's event class, so a handler reads `event.outcome` or `event.receipt`
 * without a cast. One entry per `escalate-*` event the custom-elements manifest lists for the
 * element (test/node/consumers.test.ts checks that none is missing).
 */
import type { EventName } from '@lit/react';
import {
  EscalateCloseEvent,
  EscalateDeliveredEvent,
  EscalateDoneEvent,
  EscalateErrorEvent,
  EscalateOpenEvent,
  EscalateQueuedEvent,
  EscalateSubmitEvent,
  EscalateSuccessEvent,
} from '@escalate-kit/element';

/** An event class's `type`, carrying the class for @lit/react's typing of the handler. */
const on = <E extends Event>(event: { type: string; prototype: E }) => event.type as EventName<E>;

/** What `<escalate-provider>` dispatches: deliveries and failures of its client's outbox. */
export const providerEvents = {
  onEscalateError: on(EscalateErrorEvent),
  onEscalateDelivered: on(EscalateDeliveredEvent),
};

/** What `<escalate-button>` dispatches, from opening the dialog to the agent closing the result. */
export const buttonEvents = {
  onEscalateOpen: on(EscalateOpenEvent),
  onEscalateClose: on(EscalateCloseEvent),
  onEscalateSubmit: on(EscalateSubmitEvent),
  onEscalateSuccess: on(EscalateSuccessEvent),
  onEscalateQueued: on(EscalateQueuedEvent),
  onEscalateDone: on(EscalateDoneEvent),
  ...providerEvents,
};
