/**
 * Suite 2, durability (issue 12): `kill -9` the real server (its own process) during a burst of
 * escalations, again and again on the same data (a PGlite data folder, and PostgreSQL), then
 * start it once more. Every escalation it acknowledged is there, it starts cleanly each time, and
 * the account team gets one message per escalation as a receiver counts them: delivery is at
 * least once (a server killed between handing an e-mail over and recording it sends it again),
 * so a resend must carry the same Message-ID, which a receiver drops. A duplicate e-mail is an
 * escalation that reached the team under two Message-IDs, or a message about no escalation.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { StoredEscalation } from '../../../packages/server/src/index.ts';
import { reportFigures, size } from '../../support/figures.ts';
import {
  escalation,
  keepAlive,
  listAll,
  postJson,
  postgresTarget,
  startServer,
  type ServerProcess,
} from '../../support/reliability-process.ts';
import { startSmtpPeer, type SmtpPeer } from '../../support/smtp-peer.ts';

const kills = size(3, 10);
const burst = size(100, 1000);
const clients = 20;
/** A server that never drains fails the test rather than holding the run. */
const timeout = size(600_000, 3_600_000);

/** What the server process needs besides its store: the test's SMTP peer, and no limit in the way. */
const serverEnv = (peer: SmtpPeer) => ({
  SMTP_URL: peer.url,
  RELIABILITY_REQUESTS_PER_MINUTE: '1000000000',
  // A claim left by a killed server is free again after a second, so the restart drains soon.
  RELIABILITY_LEASE_MS: '1000',
  RELIABILITY_RETRY_BASE_MS: '200',
  RELIABILITY_RETRY_INTERVAL_MS: '100',
});

interface Sent {
  acknowledged: Set<string>;
  /** Posted, and no answer came (the server died first): a client would send these again. */
  unanswered: Map<string, { id: string }>;
}

/** Posts `burst` escalations from `clients` connections, and kills the server once half are acknowledged. */
async function burstAndKill(server: ServerProcess, sent: Sent): Promise<void> {
  const agent = keepAlive(clients);
  const bodies = Array.from({ length: burst }, escalation);
  let next = 0;
  let acknowledged = 0;
  let killing: Promise<void> | undefined;
  const client = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      try {
        const answer = await postJson(agent, `${server.url}/api/escalations`, body);
        assert.equal(answer.status, 201, answer.body);
        sent.acknowledged.add(body.id);
        // Mid-burst, by count: whatever is in flight now is cut off.
        if (++acknowledged === burst / 2) killing = server.kill();
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        sent.unanswered.set(body.id, body);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  await killing;
  agent.destroy();
}

/**
 * Waits for the worker to record every e-mail as sent, resends after the kills included: first
 * until the peer has as many Message-IDs as there are escalations (cheap to ask), then until every
 * row says sent (a resend may still be waiting for a killed server's lease to pass).
 */
async function drained(server: ServerProcess, peer: SmtpPeer): Promise<StoredEscalation[]> {
  const pause = () => new Promise((r) => setTimeout(r, 250));
  for (;;) {
    const { total } = (await (await fetch(`${server.url}/api/stats`)).json()) as { total: number };
    if (peer.countsById().size >= total) break;
    await pause();
  }
  for (;;) {
    const items = await listAll(server.url);
    if (items.every((e) => e.notification.state === 'sent')) return items;
    await pause();
  }
}

async function run(label: string, store: Record<string, string>): Promise<void> {
  const peer = await startSmtpPeer();
  const env = { ...store, ...serverEnv(peer) };
  const sent: Sent = { acknowledged: new Set(), unanswered: new Map() };
  const restarts: ServerProcess[] = [];
  try {
    for (let k = 0; k < kills; k++) {
      const server = await startServer(env);
      restarts.push(server);
      await burstAndKill(server, sent);
    }
    const server = await startServer(env);
    restarts.push(server);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);

    // A client sends what got no answer again, under the same key: stored once either way.
    const agent = keepAlive(clients);
    const again = [...sent.unanswered.values()];
    let alreadyStored = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let body = again.pop(); body; body = again.pop()) {
          const answer = await postJson(agent, `${server.url}/api/escalations`, body);
          assert.ok(answer.status === 201 || answer.status === 200, `${answer.status} ${answer.body}`);
          if (answer.status === 200) alreadyStored++;
        }
      }),
    );
    agent.destroy();

    const stored = await drained(server, peer);
    const exitCode = await server.stop();

    const ids = new Set(stored.map((e) => e.id));
    const present = [...sent.acknowledged].filter((id) => ids.has(id)).length;
    // The receiver's view: Message-IDs per escalation, and messages about no escalation.
    const byEscalation = new Map<string, Set<string>>();
    let strangers = 0;
    for (const m of peer.received) {
      const id = /^<([0-9a-f-]{36})\.new@reliability\.test>$/.exec(m.messageId)?.[1];
      if (id === undefined || !ids.has(id)) strangers++;
      else byEscalation.set(id, (byEscalation.get(id) ?? new Set()).add(m.messageId));
    }
    const duplicates = [...byEscalation.values()].filter((s) => s.size > 1).length + strangers;
    const distinct = peer.countsById().size;
    reportFigures(
      `durability (${label})`,
      `acknowledged ${sent.acknowledged.size}, present ${present}, e-mails ${distinct} (distinct Message-IDs), ` +
        `resends after crash ${peer.received.length - distinct} (same Message-ID), duplicate e-mails ${duplicates}; ` +
        `${kills} kill -9 during bursts of ${burst}, ${sent.unanswered.size} unanswered sent again (${alreadyStored} already stored)`,
    );

    assert.equal(exitCode, 0, 'the last server stops cleanly');
    for (const [i, s] of restarts.entries()) assert.deepEqual(s.errors, [], `start ${i + 1} logged no error`);
    assert.equal(present, sent.acknowledged.size, 'every acknowledged escalation is stored');
    assert.equal(stored.length, ids.size, 'each stored once');
    assert.equal(stored.length, sent.acknowledged.size + sent.unanswered.size, 'and nothing else');
    for (const e of stored) {
      assert.ok(byEscalation.has(e.id), `the team got an e-mail about ${e.id}`);
      assert.deepEqual([...byEscalation.get(e.id)!], [e.notification.messageId], 'under the Message-ID recorded for it');
    }
    assert.equal(duplicates, 0, 'no escalation reached the team under two Message-IDs, no e-mail about none');
  } finally {
    // A failed assertion must not leave a server behind.
    await Promise.all(restarts.map((s) => s.kill()));
    await peer.close();
  }
}

describe('durability: kill -9 during a burst, then restart', () => {
  it(`PGlite data folder: ${kills} kills during bursts of ${burst}`, { timeout }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'escalate-durability-'));
    try {
      await run('PGlite', { ESCALATE_DATA_DIR: dataDir, DATABASE_URL: '' });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  describe('PostgreSQL', async () => {
    const target = await postgresTarget('durability');
    const skip = typeof target === 'string' ? target : false;
    if (skip) console.log(`# PostgreSQL durability skipped: ${skip}`);
    after(() => (typeof target === 'string' ? undefined : target.drop()));

    it(`PostgreSQL: ${kills} kills during bursts of ${burst}`, { skip, timeout }, async () => {
      if (typeof target === 'string') return;
      const dataDir = await mkdtemp(join(tmpdir(), 'escalate-durability-'));
      try {
        await run('PostgreSQL', { ESCALATE_DATA_DIR: dataDir, DATABASE_URL: target.url });
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
});
