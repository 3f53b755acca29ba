/**
 * Tells the account team about each new escalation in the background: the response never waits
 * for it, a failure is retried with backoff, and servers sharing a database send each e-mail once
 * (each attempt holds a lease on its escalation; docs/architecture.md#server).
 *
 * Delivery is at least once: a send whose answer is lost, or a server that dies between sending
 * and recording, sends again. So the message's id is recorded before the first attempt and every
 * attempt carries it: a resend is the same message to the receiver, who can drop it.
 */
import { newRecord } from '../store/new-record.ts';
import type { EscalationStore, NewEscalation, NotificationKind, Notifier, StoredEscalation } from '../types.ts';

/** The one kind so far: the e-mail about a newly stored escalation. */
const KIND: NotificationKind = 'new';

/** The most escalations one retry run sends. */
const RETRY_BATCH = 100;

export interface NotificationWorkerOptions {
  store: EscalationStore;
  /** Without one, notifications stay `pending` and the worker does nothing. */
  notify: Notifier | undefined;
  clock: () => Date;
  onError: (error: unknown) => void;
  /** First retry after a failure, in ms; doubles with each attempt. */
  baseMs: number;
  /** The longest backoff, in ms. */
  maxMs: number;
  /** How often the timer looks for due notifications, in ms; 0 = no timer. */
  intervalMs: number;
  /** How long one attempt holds its escalation before another server may take over, in ms. */
  leaseMs: number;
}

export interface NotificationWorker {
  /**
   * What to store with a new escalation: the lease that makes its first attempt this server's,
   * and the Message-ID its e-mail will carry (recorded with the row, so before any attempt).
   * Nothing without a notifier.
   */
  firstClaim(escalation: NewEscalation): Pick<NewEscalation, 'notificationLeaseUntil' | 'notificationMessageId'>;
  /** Sends the e-mail of a newly stored escalation. Never rejects: failures are recorded for a retry. */
  deliver(record: StoredEscalation): Promise<void>;
  /** Sends the notifications that are due now (pending, or failed and past their backoff). */
  retryNotifications(): Promise<void>;
  /** Resolves when no notification work is in flight. */
  settled(): Promise<void>;
  /** Stops the retry timer. */
  close(): void;
}

function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message || e.name : String(e);
  return message.slice(0, 1000);
}

export function createNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { store, notify, clock, onError, baseMs, maxMs, intervalMs, leaseMs } = options;
  // By id: should a lease run out while this process is still sending, a retry joins that attempt.
  const inflight = new Map<string, Promise<void>>();
  let retrying: Promise<void> | undefined;

  /**
   * The id this message carries on every attempt: the one recorded by an earlier attempt (this
   * server's or a dead one's, even if the notifier's naming changed since), else a new one, stored
   * before anything is sent. A store error rejects here, and nothing is sent without its id.
   */
  async function recordedMessageId(notifier: Notifier, record: StoredEscalation): Promise<string | undefined> {
    if (record.notification.messageId !== undefined) return record.notification.messageId;
    if (!notifier.messageIdFor) return undefined;
    const messageId = notifier.messageIdFor(record, KIND);
    // The row as claimed (its lease included), plus the id.
    await store.setNotification(record.id, { ...record.notification, messageId });
    return messageId;
  }

  /** One attempt, and its outcome recorded: sent, or failed with the time of the next attempt. */
  async function attempt(notifier: Notifier, record: StoredEscalation): Promise<void> {
    const attempts = record.notification.attempts + 1;
    const recorded = await recordedMessageId(notifier, record);
    let messageId: string | undefined;
    try {
      ({ messageId = recorded } = await notifier.notify(record, { kind: KIND, ...(recorded !== undefined && { messageId: recorded }) }));
    } catch (e) {
      const delay = Math.min(maxMs, baseMs * 2 ** (attempts - 1));
      await store.setNotification(record.id, {
        state: 'failed',
        attempts,
        lastError: describeError(e),
        nextAttemptAt: new Date(clock().getTime() + delay).toISOString(),
        ...(recorded !== undefined && { messageId: recorded }),
      });
      return;
    }
    await store.setNotification(record.id, {
      state: 'sent',
      attempts,
      sentAt: clock().toISOString(),
      ...(messageId !== undefined && { messageId }),
    });
  }

  function deliver(record: StoredEscalation): Promise<void> {
    if (!notify) return Promise.resolve();
    const running = inflight.get(record.id);
    if (running) return running;
    // A store error here leaves the row pending or failed: a timer tries again once the lease ends.
    const work = attempt(notify, record)
      .catch(onError)
      .finally(() => inflight.delete(record.id));
    inflight.set(record.id, work);
    return work;
  }

  function retryNotifications(): Promise<void> {
    if (!notify) return Promise.resolve();
    // One run at a time: a slow SMTP server must not make runs pile up.
    retrying ??= (async () => {
      try {
        const attempted = new Set<string>();
        // Claimed one at a time, each just before it is sent: a lease then only has to outlast one
        // e-mail, however many are due, and servers sharing the database share the work. One after
        // another, too: a burst of parallel e-mails is what trips a mail server's limits.
        for (let i = 0; i < RETRY_BATCH; i++) {
          const [record] = await store.dueNotifications(clock().toISOString(), 1, leaseMs);
          if (!record) break;
          // Failed earlier in this run and due again already (a backoff shorter than the run):
          // it stays claimed, so the first run after the lease tries it.
          if (attempted.has(record.id)) continue;
          attempted.add(record.id);
          await deliver(record);
        }
      } finally {
        retrying = undefined;
      }
    })();
    return retrying;
  }

  const timer =
    notify && intervalMs > 0
      ? setInterval(() => {
          retryNotifications().catch(onError);
        }, intervalMs)
      : undefined;
  // A retry timer must not keep a process alive that has nothing else to do.
  timer?.unref?.();

  return {
    // The first attempt is this process's, right after the insert: other servers leave it alone unless it dies.
    firstClaim(escalation) {
      if (!notify) return {};
      const notificationLeaseUntil = new Date(Date.parse(escalation.receivedAt) + leaseMs).toISOString();
      const messageId = notify.messageIdFor?.(newRecord({ ...escalation, notificationLeaseUntil }), KIND);
      return { notificationLeaseUntil, ...(messageId !== undefined && { notificationMessageId: messageId }) };
    },
    deliver,
    retryNotifications,
    async settled() {
      while (inflight.size || retrying) await Promise.allSettled([...inflight.values(), retrying]);
    },
    close() {
      if (timer) clearInterval(timer);
    },
  };
}
