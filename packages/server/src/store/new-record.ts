/**
 * The record a fresh insert stores: what every store answers for a new escalation, and what the
 * handler shows the notifier before the insert, so that the first e-mail's Message-ID is stored
 * with the row itself (recorded before any attempt, without a write of its own).
 */
import type { NewEscalation, Notification, StoredEscalation } from '../types.ts';
import { isoString } from './common.ts';

/** The notification state of a new row: pending, leased to the inserting server, its Message-ID known. */
export function newNotification(escalation: Pick<NewEscalation, 'notificationLeaseUntil' | 'notificationMessageId'>): Notification {
  return {
    state: 'pending',
    attempts: 0,
    ...(escalation.notificationLeaseUntil !== undefined && { nextAttemptAt: isoString(escalation.notificationLeaseUntil) }),
    ...(escalation.notificationMessageId !== undefined && { messageId: escalation.notificationMessageId }),
  };
}

/** The escalation as it is once stored (open, no history yet). Shares `escalation`'s objects: copy it to keep it. */
export function newRecord(escalation: NewEscalation): StoredEscalation {
  return {
    id: escalation.request.id,
    request: escalation.request,
    team: escalation.team,
    respondBy: isoString(escalation.respondBy),
    ...(escalation.resolveBy !== undefined && { resolveBy: isoString(escalation.resolveBy) }),
    ...(escalation.decision !== undefined && { decision: escalation.decision }),
    receivedAt: isoString(escalation.receivedAt),
    status: 'open',
    history: [],
    ...(escalation.createdBy !== undefined && { createdBy: escalation.createdBy }),
    notification: newNotification(escalation),
  };
}
