/**
 * DOM events of `<escalate-button>`: typed `Event` subclasses that bubble and cross shadow
 * roots (composed), so a host can listen once on its task list.
 */
import type { EscalationReceipt, EscalationRequest, QueuedReason } from '@escalate-kit/sdk';

export { EscalateDeliveredEvent, EscalateErrorEvent } from '../outbox-events.ts';

const init = { bubbles: true, composed: true } as const;

/** The dialog opened. */
export class EscalateOpenEvent extends Event {
  static readonly type = 'escalate-open';
  constructor(readonly taskId: string) {
    super(EscalateOpenEvent.type, init);
  }
}

/** The dialog closed (cancelled, Escape, or after a result). What was typed is kept as a draft. */
export class EscalateCloseEvent extends Event {
  static readonly type = 'escalate-close';
  constructor(readonly taskId: string) {
    super(EscalateCloseEvent.type, init);
  }
}

/** About to send. Cancel it (`preventDefault()`) and nothing is sent: the host takes over. */
export class EscalateSubmitEvent extends Event {
  static readonly type = 'escalate-submit';
  constructor(
    readonly taskId: string,
    readonly request: EscalationRequest,
  ) {
    super(EscalateSubmitEvent.type, { ...init, cancelable: true });
  }
}

/**
 * The server stored it. The dialog now shows the agent what happens next and what to tell the
 * customer: take the task off the queue on `escalate-done`, when the agent has read it, not
 * here (removing the button now would remove the open dialog with it).
 */
export class EscalateSuccessEvent extends Event {
  static readonly type = 'escalate-success';
  constructor(
    readonly taskId: string,
    readonly request: EscalationRequest,
    readonly receipt: EscalationReceipt,
  ) {
    super(EscalateSuccessEvent.type, init);
  }
}

/** Saved in the outbox (offline or the service is down); it will be sent by itself. */
export class EscalateQueuedEvent extends Event {
  static readonly type = 'escalate-queued';
  constructor(
    readonly taskId: string,
    readonly request: EscalationRequest,
    readonly reason: QueuedReason,
  ) {
    super(EscalateQueuedEvent.type, init);
  }
}

/** How an escalation that the agent has dismissed ended. */
export type EscalateOutcome = 'sent' | 'queued' | 'already-escalated';

/**
 * The agent closed the result of an escalation: the moment to take the task off the queue and
 * move focus to the next task. `outcome` says how it ended: `sent` (stored by the server),
 * `queued` (saved on this device, sent by itself later) or `already-escalated` (the task had an
 * open escalation; nothing new was stored).
 */
export class EscalateDoneEvent extends Event {
  static readonly type = 'escalate-done';
  constructor(
    readonly taskId: string,
    readonly outcome: EscalateOutcome,
    readonly request?: EscalationRequest,
    readonly receipt?: EscalationReceipt,
  ) {
    super(EscalateDoneEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'escalate-open': EscalateOpenEvent;
    'escalate-close': EscalateCloseEvent;
    'escalate-submit': EscalateSubmitEvent;
    'escalate-success': EscalateSuccessEvent;
    'escalate-queued': EscalateQueuedEvent;
    'escalate-done': EscalateDoneEvent;
  }
}
