/**
 * The e-mail to the account team in the background: retries with backoff, the timer, and
 * leases so that servers sharing a database send each e-mail once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EscalationStore, type Notifier, type StoredEscalation } from '../../../packages/server/src/index.ts';
import {
  flakyNotifier,
  FRIDAY,
  get,
  handlerHarness,
  jsonOf,
  makeNew,
  postRequest,
  receiptOf,
  storeKinds,
  wire,
} from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`handler on the ${kind.name} store`, () => {
    const { setup, open } = handlerHarness(kind);

    describe('notifications', () => {
      it('retries a failing notifier with backoff until it is sent, never losing the escalation', async () => {
        const { notifier, calls } = flakyNotifier(2);
        // A fresh store: retryNotifications() sends whatever is due, other tests' escalations too.
        const { handler, clock } = await setup({
          fresh: true,
          notify: notifier,
          notifyRetry: { baseMs: 1000, maxMs: 60_000, intervalMs: 0 },
        });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        await handler.settled();
        const read = async () => (await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)))).notification;

        assert.equal(calls.length, 1);
        assert.deepEqual(calls[0]!.request, { ...body, urgency: 'standard' });
        assert.deepEqual(await read(), {
          state: 'failed',
          attempts: 1,
          lastError: 'SMTP 451 try again later (1)',
          nextAttemptAt: '2025-11-14T10:00:01.000Z',
        });

        // Not due yet: nothing is sent.
        await handler.retryNotifications();
        assert.equal(calls.length, 1);

        clock.advance(1000);
        await handler.retryNotifications();
        assert.equal(calls.length, 2);
        // The backoff doubles.
        assert.deepEqual(await read(), {
          state: 'failed',
          attempts: 2,
          lastError: 'SMTP 451 try again later (2)',
          nextAttemptAt: '2025-11-14T10:00:03.000Z',
        });

        clock.advance(1999);
        await handler.retryNotifications();
        assert.equal(calls.length, 2);
        clock.advance(1);
        await handler.retryNotifications();
        assert.equal(calls.length, 3);
        assert.deepEqual(await read(), {
          state: 'sent',
          attempts: 3,
          sentAt: '2025-11-14T10:00:03.000Z',
          messageId: `<${body.id}@mail.test>`,
        });

        // Sent is final.
        clock.advance(3_600_000);
        await handler.retryNotifications();
        assert.equal(calls.length, 3);
        const stored = await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)));
        assert.equal(stored.request.notes, body.notes);
      });

      it('answers before the notifier finishes', async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let calls = 0;
        const notifier: Notifier = {
          async notify() {
            calls++;
            await gate;
            return { messageId: '<late@mail.test>' };
          },
        };
        const { handler } = await setup({ fresh: true, notify: notifier, notifyRetry: { intervalMs: 0 } });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        const read = async () => (await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)))).notification;
        assert.equal((await read()).state, 'pending');
        // Retry runs while the first attempt is in flight, and one that read the row as pending
        // just before that attempt finished, must not send a second e-mail.
        await handler.retryNotifications();
        const racing = handler.retryNotifications();
        release();
        await racing;
        await handler.settled();
        await handler.retryNotifications();
        assert.equal(calls, 1);
        assert.deepEqual(await read(), { state: 'sent', attempts: 1, sentAt: FRIDAY, messageId: '<late@mail.test>' });
      });

      it('sends due notifications on its timer', async () => {
        const { notifier, calls } = flakyNotifier(1);
        const { handler } = await setup({ fresh: true, notify: notifier, notifyRetry: { baseMs: 0, intervalMs: 15 } });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        const deadline = Date.now() + 5000;
        let state = '';
        while (Date.now() < deadline) {
          state = (await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)))).notification.state;
          if (state === 'sent') break;
          await new Promise((r) => setTimeout(r, 10));
        }
        handler.close();
        await handler.settled();
        assert.equal(state, 'sent');
        assert.equal(calls.length, 2);
      });

      it('leaves notifications pending without a notifier, and a later notifier sends them', async () => {
        const { handler, store } = await setup({ fresh: true });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        await handler.retryNotifications();
        await handler.settled();
        assert.equal((await store.get(body.id))?.notification.state, 'pending');

        const { notifier, calls } = flakyNotifier(0);
        const restarted = await setup({ store, notify: notifier, notifyRetry: { intervalMs: 0 } });
        await restarted.handler.retryNotifications();
        assert.deepEqual(
          calls.map((c) => c.id),
          [body.id],
        );
        assert.equal((await store.get(body.id))?.notification.state, 'sent');
      });

      it('keeps the escalation when recording the notification fails', async () => {
        const errors: unknown[] = [];
        const store = await open();
        const broken: EscalationStore = { ...store, setNotification: async () => Promise.reject(new Error('disk full')) };
        const { handler } = await setup({
          store: broken,
          notify: flakyNotifier(0).notifier,
          notifyRetry: { intervalMs: 0 },
          onError: (e) => errors.push(e),
        });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        await handler.settled();
        assert.equal((errors[0] as Error).message, 'disk full');
        const stored = await store.get(body.id);
        assert.equal(stored?.request.taskId, body.taskId);
        // Still pending, so the timer tries again.
        assert.equal(stored?.notification.state, 'pending');
      });

      it('two servers on one database e-mail each due escalation once', async () => {
        const store = await open();
        const { handler: intake } = await setup({ store });
        const ids: string[] = [];
        for (let i = 0; i < 6; i++) {
          const body = wire();
          ids.push(body.id);
          await receiptOf(await intake(postRequest(body)), 201);
        }
        // Two servers, each with its own mail connection, whose timers fire at the same time.
        const sent: string[] = [];
        const slowNotifier = (): Notifier => ({
          async notify(record) {
            await new Promise((r) => setTimeout(r, 5));
            sent.push(record.id);
            return { messageId: `<${record.id}@mail.test>` };
          },
        });
        const a = await setup({ store, notify: slowNotifier(), notifyRetry: { intervalMs: 0 } });
        const b = await setup({ store, notify: slowNotifier(), notifyRetry: { intervalMs: 0 } });
        await Promise.all([a.handler.retryNotifications(), b.handler.retryNotifications(), a.handler.retryNotifications()]);
        await Promise.all([a.handler.retryNotifications(), b.handler.retryNotifications()]);
        assert.deepEqual([...sent].sort(), [...ids].sort());
        for (const id of ids) assert.equal((await store.get(id))?.notification.state, 'sent');
      });

      it('another server leaves a first attempt in flight alone, and takes over only when its lease has passed', async () => {
        const store = await open();
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const first: string[] = [];
        const a = await setup({
          store,
          notify: { notify: async (record) => (first.push(record.id), await gate, {}) },
          notifyRetry: { intervalMs: 0, leaseMs: 60_000 },
        });
        const { notifier, calls } = flakyNotifier(0);
        const b = await setup({ store, notify: notifier, notifyRetry: { intervalMs: 0 } });
        const body = wire();
        try {
          await receiptOf(await a.handler(postRequest(body)), 201);
          assert.deepEqual(first, [body.id]);
          // B's timer, while A is sending: not B's to send.
          await b.handler.retryNotifications();
          b.clock.advance(59_999);
          await b.handler.retryNotifications();
          assert.equal(calls.length, 0);
        } finally {
          release();
        }
        await a.handler.settled();
        b.clock.advance(3_600_000);
        await b.handler.retryNotifications();
        assert.equal(calls.length, 0);
        assert.equal((await store.get(body.id))?.notification.state, 'sent');

        // A server that stored an escalation, with its lease, and died before it could send: B takes over when the lease is over.
        const orphan = await store.insert({
          ...makeNew({ receivedAt: FRIDAY }),
          notificationLeaseUntil: new Date(Date.parse(FRIDAY) + 120_000).toISOString(),
        });
        b.clock.set(FRIDAY);
        b.clock.advance(119_999);
        await b.handler.retryNotifications();
        assert.equal(calls.length, 0);
        b.clock.advance(1);
        await b.handler.retryNotifications();
        assert.deepEqual(
          calls.map((c) => c.id),
          [orphan.record.id],
        );
      });
    });
  });
}
