/**
 * The store contract: the state of each e-mail, and the leases that let servers sharing a database
 * send each one once.
 */
import assert from 'node:assert/strict';
import { makeNew } from '../fixtures.ts';
import type { ContractContext } from './context.ts';

export function notificationsContract({ it, fresh }: ContractContext) {
  it('setNotification replaces the notification; dueNotifications claims pending and failed-and-due rows only', async () => {
    const store = await fresh();
    const pending = await store.insert(makeNew({ receivedAt: '2025-11-14T10:00:00.000Z' }));
    const failedDue = await store.insert(makeNew({ receivedAt: '2025-11-14T10:01:00.000Z' }));
    const failedLater = await store.insert(makeNew({ receivedAt: '2025-11-14T10:02:00.000Z' }));
    const sent = await store.insert(makeNew({ receivedAt: '2025-11-14T10:03:00.000Z' }));

    await store.setNotification(failedDue.record.id, {
      state: 'failed',
      attempts: 1,
      lastError: 'SMTP 421',
      nextAttemptAt: '2025-11-14T10:05:00.000Z',
    });
    await store.setNotification(failedLater.record.id, {
      state: 'failed',
      attempts: 3,
      lastError: 'timeout',
      nextAttemptAt: '2025-11-14T11:00:00.000Z',
    });
    await store.setNotification(sent.record.id, {
      state: 'failed',
      attempts: 1,
      lastError: 'x',
      nextAttemptAt: '2025-11-14T10:05:00.000Z',
    });
    await store.setNotification(sent.record.id, {
      state: 'sent',
      attempts: 2,
      sentAt: '2025-11-14T10:06:00.000Z',
      messageId: '<m1@example.com>',
    });

    // Replacing drops what the new state does not have (no stale lastError on a sent e-mail).
    assert.deepEqual((await store.get(sent.record.id))?.notification, {
      state: 'sent',
      attempts: 2,
      sentAt: '2025-11-14T10:06:00.000Z',
      messageId: '<m1@example.com>',
    });
    assert.deepEqual((await store.get(failedDue.record.id))?.notification, {
      state: 'failed',
      attempts: 1,
      lastError: 'SMTP 421',
      nextAttemptAt: '2025-11-14T10:05:00.000Z',
    });

    // Each call claims what it returns for the lease (2 minutes by default): no call returns it again before then.
    const claim = async (now: string, limit = 10, leaseMs?: number) => (await store.dueNotifications(now, limit, leaseMs)).map((r) => r.id);
    assert.deepEqual(await claim('2025-11-14T10:04:59.999Z'), [pending.record.id]);
    assert.deepEqual(await claim('2025-11-14T10:05:00.000Z'), [failedDue.record.id]);
    assert.deepEqual(await claim('2025-11-14T10:06:59.998Z'), []);
    // The claim moved nextAttemptAt to the end of the lease and kept the rest.
    assert.deepEqual((await store.get(failedDue.record.id))?.notification, {
      state: 'failed',
      attempts: 1,
      lastError: 'SMTP 421',
      nextAttemptAt: '2025-11-14T10:07:00.000Z',
    });
    // A lease that ran out (the server that claimed died) frees the row; oldest first, at most `limit`.
    const [due] = await store.dueNotifications('2025-11-14T12:00:00.000Z', 1);
    assert.deepEqual(due, {
      ...pending.record,
      notification: { state: 'pending', attempts: 0, nextAttemptAt: '2025-11-14T12:02:00.000Z' },
    });
    assert.deepEqual(await store.get(pending.record.id), due);
    assert.deepEqual(await claim('2025-11-14T12:00:00.000Z'), [failedDue.record.id, failedLater.record.id]);
    assert.deepEqual(await claim('2025-11-14T12:00:00.000Z'), []);
    // A lease of the caller's length.
    assert.deepEqual(await claim('2025-11-14T13:00:00.000Z', 10, 1000), [pending.record.id, failedDue.record.id, failedLater.record.id]);
    assert.deepEqual(await claim('2025-11-14T13:00:00.999Z', 10, 1000), []);
    assert.deepEqual(await claim('2025-11-14T13:00:01.000Z', 10, 1000), [pending.record.id, failedDue.record.id, failedLater.record.id]);
    // setNotification ends the lease: a failure's backoff decides again.
    await store.setNotification(failedDue.record.id, {
      state: 'failed',
      attempts: 2,
      lastError: 'SMTP 421',
      nextAttemptAt: '2025-11-14T13:00:01.500Z',
    });
    assert.deepEqual(await claim('2025-11-14T13:00:01.500Z'), [failedDue.record.id]);
  });

  it('a failure recorded after a success (a lease that ran out mid-send) makes the e-mail due again', async () => {
    const store = await fresh();
    const { record } = await store.insert(makeNew({ receivedAt: '2025-11-14T10:00:00.000Z' }));
    await store.setNotification(record.id, { state: 'sent', attempts: 1, sentAt: '2025-11-14T10:00:01.000Z' });
    assert.deepEqual(await store.dueNotifications('2025-11-14T12:00:00.000Z', 10), []);
    await store.setNotification(record.id, {
      state: 'failed',
      attempts: 1,
      lastError: 'timeout',
      nextAttemptAt: '2025-11-14T10:05:00.000Z',
    });
    assert.deepEqual(
      (await store.dueNotifications('2025-11-14T12:00:00.000Z', 10)).map((r) => r.id),
      [record.id],
    );
    await store.setNotification(record.id, { state: 'sent', attempts: 2, sentAt: '2025-11-14T12:00:01.000Z' });
    assert.deepEqual(await store.dueNotifications('2025-11-14T13:00:00.000Z', 10), []);
  });

  it('insert with notificationLeaseUntil leaves the first attempt to the inserting server until then', async () => {
    const store = await fresh();
    const { record } = await store.insert({
      ...makeNew({ receivedAt: '2025-11-14T10:00:00.000Z' }),
      notificationLeaseUntil: '2025-11-14T11:02:00+01:00',
    });
    assert.deepEqual(record.notification, { state: 'pending', attempts: 0, nextAttemptAt: '2025-11-14T10:02:00.000Z' });
    assert.deepEqual(await store.get(record.id), record);
    assert.deepEqual(await store.dueNotifications('2025-11-14T10:01:59.999Z', 10), []);
    assert.deepEqual(
      (await store.dueNotifications('2025-11-14T10:02:00.000Z', 10)).map((r) => r.id),
      [record.id],
    );
  });

  it('concurrent dueNotifications calls never return the same escalation', async () => {
    const store = await fresh();
    const base = Date.parse('2025-11-14T10:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push((await store.insert(makeNew({ receivedAt: new Date(base + i * 1000).toISOString() }))).record.id);
    const now = '2025-11-14T11:00:00.000Z';
    const batches = await Promise.all(Array.from({ length: 8 }, () => store.dueNotifications(now, 5)));
    const claimed = batches.flat().map((r) => r.id);
    assert.equal(new Set(claimed).size, claimed.length, 'an escalation was claimed twice');
    // What the racing calls left is still there for the next one, and nothing else.
    const rest = (await store.dueNotifications(now, 100)).map((r) => r.id);
    assert.deepEqual([...claimed, ...rest].sort(), [...ids].sort());
  });
}
