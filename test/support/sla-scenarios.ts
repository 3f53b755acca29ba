/**
 * The SLA clock's behaviour on one store flavour (docs/policy.md#follow-up), run by
 * sla-clock.test.ts (memory, PGlite) and sla-postgres.test.ts: reminder at 75%, level-up at the
 * breach, the clock stopped while waiting, the agent's e-mails, two servers racing, a restart.
 * Every e-mail is checked as the SMTP peer received it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it as test } from 'node:test';
import type { EscalationStore, StoredEscalation } from '../../packages/server/src/index.ts';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer.ts';
import { AGENT, INBOX, mailsOf, slaHandler, SUPERVISORS, TEAM } from './sla.ts';

export interface SlaDatabase {
  store: EscalationStore;
  /** Another server's store on the same database (the same object where one process owns it). */
  another(): Promise<EscalationStore>;
  /** The store after a restart: closed and opened again on the same data (the same object in memory). */
  restart(): Promise<EscalationStore>;
  close(): Promise<void>;
}

export interface SlaFlavour {
  name: string;
  skip?: string | false;
  /** A fresh database; `durable`: one that `restart()` can open again (on disk). */
  open(durable?: boolean): Promise<SlaDatabase>;
}

const HOUR = 3_600_000;

export function describeSlaClock(flavour: SlaFlavour): void {
  describe(`SLA clock on ${flavour.name}`, () => {
    // Skipped test by test, so each shows in the skipped count.
    const it = (title: string, fn: () => Promise<void>) => test(title, { skip: flavour.skip ?? false }, fn);
    let peer: SmtpPeer;
    const opened: SlaDatabase[] = [];
    const closers: (() => Promise<void>)[] = [];
    const open = async (durable = false) => {
      const db = await flavour.open(durable);
      opened.push(db);
      return db;
    };
    const server = (store: EscalationStore, options: Parameters<typeof slaHandler>[2] = {}) => {
      const s = slaHandler(store, peer, options);
      closers.push(() => s.close());
      return s;
    };
    const mailsFor = async (e: StoredEscalation, kind?: string) =>
      (await mailsOf(peer)).filter((m) => m.escalationId === e.id && (kind === undefined || m.kind === kind));

    before(async () => {
      peer = await startSmtpPeer();
    });
    after(async () => {
      for (const close of closers) await close();
      for (const db of opened) await db.close();
      await peer.close();
    });

    it('reminds the team at 75% of the time to respond, once, with the facts and a link', async () => {
      const { store } = await open();
      const s = server(store);
      const e = await s.escalate();
      await s.runAt(e, e.respondBy, 0.75, -1000);
      assert.deepEqual(await mailsFor(e, 'respond-reminder'), [], 'not before 75%');
      await s.runAt(e, e.respondBy, 0.75);
      await s.runAt(e, e.respondBy, 0.8);
      const [reminder, ...more] = await mailsFor(e, 'respond-reminder');
      assert.ok(reminder, 'a reminder at 75%');
      assert.equal(more.length, 0, 'sent once');
      assert.deepEqual(reminder.to, [TEAM], 'to the team: nobody owns it');
      assert.equal(reminder.messageId, `<${e.id}.respond-reminder@acme.test>`);
      assert.equal(reminder.subject, `[Reminder] Respond by Wed, 19 Nov 2025, 23:59 UTC · Task ${e.request.taskId}`);
      for (const part of [reminder.text, reminder.html]) {
        for (const fact of [
          e.request.taskId,
          'Billing Team',
          'Level 1 (Team Leader / Senior Agent)',
          e.respondBy,
          `${INBOX}#${e.id}`,
          'Open',
        ]) {
          assert.ok(part.includes(fact), `has ${fact}`);
        }
      }
      assert.match(reminder.text, /^Customer reference:\s+\S+/m);
      assert.ok(reminder.html.includes(`href="${INBOX}#${e.id}"`));
    });

    it('reminds the owner when someone owns it', async () => {
      const { store } = await open();
      const s = server(store);
      const e = await s.escalate();
      const owner = { id: 'u-ana', name: 'Ana <b>Owner</b>', email: 'ana@acme.test' };
      await store.assign(e.id, { from: null, to: owner, at: e.receivedAt, actor: { type: 'anonymous', name: 'test' } });
      await s.runAt(e, e.respondBy, 0.75);
      const [reminder] = await mailsFor(e, 'respond-reminder');
      assert.deepEqual(reminder?.to, ['ana@acme.test']);
      assert.ok(reminder.html.includes('Ana &lt;b&gt;Owner&lt;/b&gt;'), 'the owner, escaped');
      assert.match(reminder.text, /^Owner:\s+Ana <b>Owner<\/b>$/m);
    });

    it('raises the level at the breach, records it in the history as the SLA clock, and tells that level to chase', async () => {
      const { store } = await open();
      const s = server(store);
      const e = await s.escalate();
      assert.equal(e.decision?.level, 1);
      await s.runAt(e, e.respondBy, 1, -1);
      assert.deepEqual(await mailsFor(e, 'respond-breach'), [], 'not before the deadline');
      assert.equal((await s.read(e.id)).level, undefined);
      await s.runAt(e, e.respondBy, 1);
      await s.runAt(e, e.respondBy, 1, HOUR);
      const breaches = await mailsFor(e, 'respond-breach');
      assert.equal(breaches.length, 1, 'one level-up e-mail');
      assert.deepEqual(breaches[0]!.to, [SUPERVISORS], 'to level 2');
      assert.match(
        breaches[0]!.subject,
        /^\[Overdue · level 2 \(Supervisor \/ Manager\)\] No answer by Wed, 19 Nov 2025, 23:59 UTC · Task /,
      );
      assert.match(breaches[0]!.text, /Chase if no update/);
      assert.match(breaches[0]!.text, /went up to level 2 \(Supervisor \/ Manager\)/);
      const after = await s.read(e.id);
      assert.equal(after.level, 2);
      const system = after.history.filter((h) => h.actor.type === 'system');
      assert.equal(system.length, 1, 'one history row');
      assert.deepEqual(system[0], {
        from: 'open',
        to: 'open',
        status: 'open',
        note: 'Respond-by passed: raised from level 1 to level 2 (Supervisor / Manager), told to chase if no update',
        at: new Date(Date.parse(e.respondBy)).toISOString(),
        actor: { type: 'system', name: 'SLA clock' },
      });
      // The reminder went out on the run just before the deadline, and only then.
      assert.equal((await mailsFor(e, 'respond-reminder')).length, 1);
    });

    it('stops the clock while waiting on the customer: the deadline moves later by the time waited', async () => {
      const { store } = await open();
      const s = server(store);
      const e = await s.escalate();
      const resolveBy = Date.parse(e.resolveBy!);
      s.clock.advance(60_000);
      await s.status(e.id, 'contacted');
      s.clock.advance(60_000);
      await s.status(e.id, 'waiting');
      // Past the deadline while waiting: nothing is due.
      s.clock.set(new Date(resolveBy + HOUR).toISOString());
      await s.handler.runSla();
      await s.handler.settled();
      assert.deepEqual(await mailsFor(e, 'resolve-reminder'), []);
      assert.deepEqual(await mailsFor(e, 'resolve-breach'), []);
      const waitedFrom = Date.parse(e.receivedAt) + 120_000;
      const waited = resolveBy + HOUR - waitedFrom;
      await s.status(e.id, 'contacted');
      const moved = new Date(resolveBy + waited).toISOString();
      await s.runAt(e, moved, 1, -1);
      assert.deepEqual(await mailsFor(e, 'resolve-breach'), [], 'not before the moved deadline');
      assert.equal((await mailsFor(e, 'resolve-reminder')).length, 1, 'the reminder, at 75% of the running time');
      await s.runAt(e, moved, 1);
      const [breach] = await mailsFor(e, 'resolve-breach');
      assert.ok(breach, 'the breach at the moved deadline');
      assert.ok(breach.text.includes(moved), `names the moved deadline ${moved}`);
      assert.equal((await s.read(e.id)).level, 2);
    });

    it('tells the agent when the customer is contacted and when it is resolved, once each', async () => {
      const { store } = await open();
      const s = server(store);
      const e = await s.escalate();
      await s.status(e.id, 'contacted');
      const [contacted] = await mailsFor(e, 'agent-contacted');
      assert.ok(contacted, 'told on contact, without waiting for the timer');
      assert.deepEqual(contacted.to, [AGENT]);
      assert.equal(contacted.subject, `[Update] Your escalation: the customer was contacted · Task ${e.request.taskId}`);
      assert.ok(contacted.text.includes(`${INBOX}#${e.id}`));
      await s.status(e.id, 'resolved');
      const [resolved] = await mailsFor(e, 'agent-resolved');
      assert.deepEqual(resolved?.to, [AGENT]);
      assert.match(resolved.text, /The loop is closed/);
      await s.handler.runSla();
      await s.handler.settled();
      assert.deepEqual(
        (await mailsFor(e)).map((m) => m.kind),
        ['new', 'agent-contacted', 'agent-resolved'],
      );
    });

    it('tells no agent who gave no e-mail', async () => {
      const { store } = await open();
      const s = server(store);
      const e = await s.escalate({ agent: { id: 'agent-8', name: 'No Mail' } });
      await s.status(e.id, 'contacted');
      await s.status(e.id, 'resolved');
      await s.handler.runSla();
      await s.handler.settled();
      assert.deepEqual(
        (await mailsFor(e)).map((m) => m.kind),
        ['new'],
      );
    });

    it('sends one reminder and one level-up when two servers race on the same database', async () => {
      const db = await open();
      const a = server(db.store);
      const b = server(await db.another());
      const e = await a.escalate();
      for (const [fraction, kind] of [
        [0.75, 'respond-reminder'],
        [1, 'respond-breach'],
      ] as const) {
        const at = new Date(Date.parse(e.receivedAt) + (Date.parse(e.respondBy) - Date.parse(e.receivedAt)) * fraction).toISOString();
        a.clock.set(at);
        b.clock.set(at);
        await Promise.all([a.handler.runSla(), b.handler.runSla(), a.handler.runSla(), b.handler.runSla()]);
        await Promise.all([a.handler.settled(), b.handler.settled()]);
        assert.equal((await mailsFor(e, kind)).length, 1, `one ${kind}`);
      }
      const stored = await a.read(e.id);
      assert.equal(stored.level, 2, 'raised once');
      assert.equal(stored.history.filter((h) => h.actor.type === 'system').length, 1);
    });

    it('loses and repeats nothing across a restart, a level-up claimed but not yet e-mailed included', async () => {
      const db = await open(true);
      // The first server: its reminder goes out.
      const first = server(db.store);
      const e = await first.escalate();
      await first.runAt(e, e.respondBy, 0.75);
      assert.equal((await mailsFor(e, 'respond-reminder')).length, 1);
      await first.close();
      const down = server(db.store, { notify: undefined, start: e.receivedAt });
      const breachAt = Date.parse(e.respondBy);
      // No notifier: the level goes up and the e-mail waits, pending, in the database.
      await down.runAt(e, e.respondBy, 1);
      await down.close();
      assert.equal((await mailsFor(e, 'respond-breach')).length, 0);

      const store = await db.restart();
      const second = server(store);
      second.clock.set(new Date(breachAt + 60_000).toISOString());
      await second.handler.runSla();
      await second.handler.settled();
      assert.equal((await mailsFor(e, 'respond-reminder')).length, 1, 'the reminder is not sent again');
      const breaches = await mailsFor(e, 'respond-breach');
      assert.equal(breaches.length, 1, 'the pending level-up e-mail is sent');
      assert.deepEqual(breaches[0]!.to, [SUPERVISORS]);
      const stored = await second.read(e.id);
      assert.equal(stored.level, 2, 'raised once, not again after the restart');
      await second.runAt(e, e.respondBy, 1, HOUR);
      assert.equal((await mailsFor(e, 'respond-breach')).length, 1);
    });
  });
}
