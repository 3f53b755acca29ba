/**
 * Sends one follow-up's e-mail through the notifier, as the notification worker sends the team's
 * first one (`notifications/worker.ts`): its Message-ID recorded before the first attempt and
 * passed to every attempt, the outcome recorded, a failure retried after a backoff by whichever
 * server claims it next. Delivery is at least once; the fixed id makes a resend the same message.
 */
import type { EscalationStore, Notification, NotificationMessage, Notifier, StoredEscalation } from '../types.ts';
import { isAgentKind, isReminder } from './kinds.ts';
import type { FollowUp, FollowUpStore } from './store.ts';

export interface FollowUpDeliveryOptions {
  store: EscalationStore;
  followUps: FollowUpStore;
  notify: Notifier;
  clock: () => Date;
  /** First retry after a failure, in ms; doubles with each attempt, up to `maxMs`. */
  baseMs: number;
  maxMs: number;
}

function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message || e.name : String(e);
  return message.slice(0, 1000);
}

/**
 * Where the message goes when the server knows better than the notifier's routing: the agent
 * who escalated (their `agent.email`), and for a reminder the owner (the assignee's e-mail,
 * docs/policy.md#follow-up). `undefined`: the notifier's own (the team's, or the level's).
 */
export function addressesFor(escalation: StoredEscalation, followUp: Pick<FollowUp, 'kind'>): string[] | undefined {
  if (isAgentKind(followUp.kind)) return escalation.request.agent?.email ? [escalation.request.agent.email] : undefined;
  if (isReminder(followUp.kind) && escalation.assignee?.email) return [escalation.assignee.email];
  return undefined;
}

/** Returns `deliver(followUp)`: one attempt and its outcome recorded. Rejects only when the store does. */
export function createFollowUpDelivery(options: FollowUpDeliveryOptions) {
  const { store, followUps, notify, clock, baseMs, maxMs } = options;
  const record = (f: FollowUp, n: Notification) => followUps.setNotification(f.escalationId, f.kind, n);

  return async function deliver(followUp: FollowUp): Promise<void> {
    const escalation = await store.get(followUp.escalationId);
    if (!escalation) return;
    let recorded = followUp.notification.messageId;
    if (recorded === undefined && notify.messageIdFor) {
      recorded = notify.messageIdFor(escalation, followUp.kind);
      // The row as claimed (its lease included), plus the id: nothing is sent without it.
      await record(followUp, { ...followUp.notification, messageId: recorded });
    }
    const to = addressesFor(escalation, followUp);
    const message: NotificationMessage = {
      kind: followUp.kind,
      ...(recorded !== undefined && { messageId: recorded }),
      followUp: { dueAt: followUp.dueAt, level: followUp.level },
      ...(to && { to }),
    };
    const attempts = followUp.notification.attempts + 1;
    let messageId: string | undefined;
    try {
      ({ messageId = recorded } = await notify.notify(escalation, message));
    } catch (e) {
      await record(followUp, {
        state: 'failed',
        attempts,
        lastError: describeError(e),
        nextAttemptAt: new Date(clock().getTime() + Math.min(maxMs, baseMs * 2 ** (attempts - 1))).toISOString(),
        ...(recorded !== undefined && { messageId: recorded }),
      });
      return;
    }
    await record(followUp, { state: 'sent', attempts, sentAt: clock().toISOString(), ...(messageId !== undefined && { messageId }) });
  };
}
