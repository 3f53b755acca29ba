/**
 * E-mail exactly once as far as the receiver can tell: the Message-ID of each escalation's
 * message is recorded before the first attempt, and a resend (after an answer the SMTP peer never
 * gave, or a server that died between sending and recording) carries the same one, through a
 * real SMTP peer and the `.eml` outbox.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { createEmailNotifier } from '../../../packages/server/src/email.ts';
import type { EscalationStore, Notification, Notifier } from '../../../packages/server/src/index.ts';
import { handlerHarness, postRequest, receiptOf, storeKinds, wire } from '../../support/fixtures.ts';
import { startSmtpPeer } from '../../support/smtp-peer.ts';

const FROM = 'Escalations <escalations@acme.test>';
const idOf = (id: string) => `<${id}.new@acme.test>`;

/** The store as a server sees it that dies right after its notifier returned: the `sent` is never recorded. */
function diesBeforeRecordingSent(store: EscalationStore): EscalationStore {
  return {
    ...store,
    setNotification: async (id: string, n: Notification) => {
      if (n.state === 'sent') throw new Error('killed after sending, before recording');
      return store.setNotification(id, n);
    },
  };
}

for (const kind of storeKinds) {
  describe(`e-mail resends on the ${kind.name} store`, () => {
    const { setup, open } = handlerHarness(kind);
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'escalate-resend-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('records the Message-ID before the first attempt, and sends exactly that one', async () => {
      const store = await open();
      const inner = createEmailNotifier({ outboxDir: join(dir, `first-${kind.name}`), from: FROM });
      let seen: Notification | undefined;
      // What the row says while the message is being handed over.
      const notifier: Notifier = {
        messageIdFor: inner.messageIdFor,
        async notify(record, message) {
          seen = (await store.get(record.id))?.notification;
          return inner.notify(record, message);
        },
      };
      const { handler } = await setup({ store, notify: notifier, notifyRetry: { intervalMs: 0 } });
      const body = wire();
      await receiptOf(await handler(postRequest(body)), 201);
      await handler.settled();
      assert.equal(seen?.state, 'pending');
      assert.equal(seen?.messageId, idOf(body.id));
      const stored = (await store.get(body.id))?.notification;
      assert.equal(stored?.state, 'sent');
      assert.equal(stored?.messageId, idOf(body.id));
      const [file] = await readdir(inner.outboxDir!);
      assert.equal((await simpleParser(await readFile(join(inner.outboxDir!, file!)))).messageId, idOf(body.id));
    });

    it('stores the first Message-ID with the row itself: no write of its own before the e-mail goes', async () => {
      const store = await open();
      const inner = createEmailNotifier({ outboxDir: join(dir, `with-row-${kind.name}`), from: FROM });
      const writes: Notification[] = [];
      const counted: EscalationStore = { ...store, setNotification: (id, n) => (writes.push(n), store.setNotification(id, n)) };
      let writesBeforeSend = -1;
      const notifier: Notifier = {
        messageIdFor: inner.messageIdFor,
        async notify(record, message) {
          writesBeforeSend = writes.length;
          assert.equal((await store.get(record.id))?.notification.messageId, idOf(record.id));
          return inner.notify(record, message);
        },
      };
      const { handler } = await setup({ store: counted, notify: notifier, notifyRetry: { intervalMs: 0 } });
      const body = wire();
      await receiptOf(await handler(postRequest(body)), 201);
      await handler.settled();
      assert.equal(writesBeforeSend, 0);
      // One write in all: sent.
      assert.deepEqual(
        writes.map((n) => [n.state, n.messageId]),
        [['sent', idOf(body.id)]],
      );
    });

    it('sends nothing while the Message-ID cannot be recorded, and sends once it can', async () => {
      const store = await open();
      const peer = await startSmtpPeer();
      const notifier = createEmailNotifier({ smtpUrl: peer.url, from: FROM });
      const errors: unknown[] = [];
      try {
        // A row stored without its first Message-ID (by a server from before it was stored with
        // the row), and a store that cannot record one now.
        const full: EscalationStore = {
          ...store,
          insert: ({ notificationMessageId: _, ...escalation }) => store.insert(escalation),
          setNotification: () => Promise.reject(new Error('disk full')),
        };
        const broken = await setup({ store: full, notify: notifier, notifyRetry: { intervalMs: 0 }, onError: (e) => errors.push(e) });
        const body = wire();
        await receiptOf(await broken.handler(postRequest(body)), 201);
        await broken.handler.settled();
        assert.equal((errors[0] as Error).message, 'disk full');
        assert.equal(peer.received.length, 0, 'no e-mail without its recorded id');
        assert.deepEqual((await store.get(body.id))?.notification.messageId, undefined);

        const mended = await setup({ store, notify: notifier, notifyRetry: { intervalMs: 0 } });
        mended.clock.advance(120_000);
        await mended.handler.retryNotifications();
        assert.deepEqual(
          peer.received.map((m) => m.messageId),
          [idOf(body.id)],
        );
      } finally {
        notifier.close();
        await peer.close();
      }
    });

    it('resends under the same Message-ID when the SMTP peer took the message in but its answer was lost', async () => {
      const peer = await startSmtpPeer((_, n) => n === 1);
      const notifier = createEmailNotifier({ smtpUrl: peer.url, from: FROM });
      const errors: unknown[] = [];
      try {
        const { handler, store, clock } = await setup({
          fresh: true,
          notify: notifier,
          notifyRetry: { baseMs: 1000, intervalMs: 0 },
          onError: (e) => errors.push(e),
        });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        await handler.settled();
        const failed = (await store.get(body.id))?.notification;
        assert.equal(failed?.state, 'failed', 'the sender saw the connection drop');
        assert.equal(failed?.messageId, idOf(body.id), 'the id stays recorded for the retry');
        clock.advance(1000);
        await handler.retryNotifications();
        assert.deepEqual(
          peer.received.map((m) => [m.messageId, m.answerLost]),
          [
            [idOf(body.id), true],
            [idOf(body.id), false],
          ],
        );
        assert.deepEqual((await store.get(body.id))?.notification, {
          state: 'sent',
          attempts: 2,
          sentAt: clock.now().toISOString(),
          messageId: idOf(body.id),
        });
        assert.deepEqual(errors, []);
      } finally {
        notifier.close();
        await peer.close();
      }
    });

    it('a server that died between sending and recording: the next one resends the recorded Message-ID', async () => {
      const peer = await startSmtpPeer();
      // The second server names messages in another domain now: the recorded id still wins.
      const first = createEmailNotifier({ smtpUrl: peer.url, from: FROM });
      const second = createEmailNotifier({ smtpUrl: peer.url, from: FROM, messageIdDomain: 'mail.acme.test' });
      const errors: unknown[] = [];
      try {
        const store = await open();
        const dying = await setup({
          store: diesBeforeRecordingSent(store),
          notify: first,
          notifyRetry: { intervalMs: 0 },
          onError: (e) => errors.push(e),
        });
        const body = wire();
        await receiptOf(await dying.handler(postRequest(body)), 201);
        await dying.handler.settled();
        assert.equal((errors[0] as Error).message, 'killed after sending, before recording');
        assert.equal((await store.get(body.id))?.notification.state, 'pending');

        const restarted = await setup({ store, notify: second, notifyRetry: { intervalMs: 0 } });
        // Past the dead server's lease on its first attempt.
        restarted.clock.advance(120_000);
        await restarted.handler.retryNotifications();
        assert.deepEqual(
          peer.received.map((m) => m.messageId),
          [idOf(body.id), idOf(body.id)],
        );
        assert.equal((await store.get(body.id))?.notification.messageId, idOf(body.id));
        assert.equal((await store.get(body.id))?.notification.state, 'sent');
      } finally {
        first.close();
        second.close();
        await peer.close();
      }
    });

    it('the .eml outbox holds one file per escalation and kind, however often each was written', async () => {
      const outboxDir = join(dir, `outbox-${kind.name}`);
      const notifier = createEmailNotifier({ outboxDir, from: FROM });
      const errors: unknown[] = [];
      const store = await open();
      const dying = await setup({
        store: diesBeforeRecordingSent(store),
        notify: notifier,
        notifyRetry: { intervalMs: 0 },
        onError: (e) => errors.push(e),
      });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const body = wire();
        ids.push(body.id);
        await receiptOf(await dying.handler(postRequest(body)), 201);
      }
      await dying.handler.settled();
      assert.equal(errors.length, 3);
      // Two more servers, each dying the same way, then one that lives.
      for (let i = 1; i <= 3; i++) {
        const next = await setup({
          store: i < 3 ? diesBeforeRecordingSent(store) : store,
          notify: notifier,
          notifyRetry: { intervalMs: 0 },
          onError: (e) => errors.push(e),
        });
        next.clock.advance(120_000 * i);
        await next.handler.retryNotifications();
      }
      assert.equal(errors.length, 9, 'each escalation written three times');
      const files = (await readdir(outboxDir)).sort();
      assert.equal(files.length, 3);
      for (const id of ids) {
        const file = files.find((f) => f.endsWith(`-${id}.new.eml`));
        assert.ok(file, `one file for ${id}`);
        assert.equal((await simpleParser(await readFile(join(outboxDir, file)))).messageId, idOf(id));
        assert.equal((await store.get(id))?.notification.state, 'sent');
      }
    });
  });
}
