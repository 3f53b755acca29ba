/**
 * Suite 6, load (issue 12): the real server (its own process, e-mailing each escalation to the
 * `.eml` outbox as a fresh install does) under 50 concurrent clients on keep-alive connections,
 * each posting escalations of fresh tasks as fast as it is answered, on PGlite and on PostgreSQL.
 * Zero errors (every answer a 201), zero lost (every 201 in the database after a clean stop), and
 * memory flat: the server's RSS just after a warm-up and at the end, its growth reported and bounded.
 *
 * Durations: 60 s on PGlite and 30 s on PostgreSQL in `pnpm test` (PostgreSQL shortened to keep
 * the whole run in bounds; it is the faster store and shows less in the longer run), 10 minutes
 * each under `pnpm test:soak`. The timings are figures, never assertions.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createPgliteDatabase } from '../../../packages/server/src/store/pglite.ts';
import { createPostgresDatabase } from '../../../packages/server/src/postgres.ts';
import type { SqlDatabase } from '../../../packages/server/src/store/sql.ts';
import { reportFigures, size } from '../../support/figures.ts';
import { escalation, keepAlive, postgresTarget, postJson, rssOf, startServer } from '../../support/reliability-process.ts';

const clients = 50;
/** RSS counts from after this much of the run: the start-up allocations (JIT, caches, pools) are not growth. */
const warmUpMs = size(10_000, 60_000);
/**
 * RSS swings by tens of MB with each garbage collection under this load, so one reading says
 * little: the server's RSS is read every second, and start and end are the medians of the window
 * right after the warm-up and of the run's last window.
 */
const windowMs = 10_000;
/** Generous: a leak of a few kB per request would pass 150 MB within a minute, a flat server stays far below. */
const maxGrowthMb = 150;

interface Tally {
  requests: number;
  byStatus: Map<string, number>;
  created: string[];
  latencies: number[];
}

/** `clients` loops, each on its own connection, posting until `until` (performance.now()). */
async function drive(url: string, until: number, tally: Tally): Promise<void> {
  const agent = keepAlive(clients);
  const client = async () => {
    while (performance.now() < until) {
      const body = escalation();
      tally.requests++;
      try {
        const answer = await postJson(agent, `${url}/api/escalations`, body);
        tally.latencies.push(answer.ms);
        const key = String(answer.status);
        tally.byStatus.set(key, (tally.byStatus.get(key) ?? 0) + 1);
        if (answer.status === 201) tally.created.push(body.id);
      } catch (e) {
        const key = (e as NodeJS.ErrnoException).code ?? 'network error';
        tally.byStatus.set(key, (tally.byStatus.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
}

/** Reads the server's RSS every second until `until`, as [ms since start, bytes]. */
async function sampleRss(url: string, started: number, until: number): Promise<[number, number][]> {
  const samples: [number, number][] = [];
  while (performance.now() < until) {
    samples.push([performance.now() - started, await rssOf(url)]);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return samples;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const mb = (bytes: number) => bytes / 2 ** 20;

async function run(label: string, seconds: number, env: Record<string, string>, open: () => SqlDatabase): Promise<void> {
  const server = await startServer({
    ...env,
    // 50 clients on one address: the per-address limit (limits.test.ts) would answer most with
    // 429 and measure the limiter. A deployment behind a proxy counts real clients apart.
    RELIABILITY_REQUESTS_PER_MINUTE: '1000000000',
  });
  const tally: Tally = { requests: 0, byStatus: new Map(), created: [], latencies: [] };
  const started = performance.now();
  const until = started + seconds * 1000;
  let samples: [number, number][], elapsed: number, exitCode: number | null;
  try {
    [samples] = await Promise.all([sampleRss(server.url, started, until), drive(server.url, until, tally)]);
    elapsed = (performance.now() - started) / 1000;
    exitCode = await server.stop();
  } finally {
    // A failure above must not leave the server behind.
    await server.kill();
  }
  const rssStart = median(samples.filter(([t]) => t >= warmUpMs && t < warmUpMs + windowMs).map(([, rss]) => rss));
  const rssEnd = median(samples.filter(([t]) => t >= seconds * 1000 - windowMs).map(([, rss]) => rss));
  const rssPeak = Math.max(...samples.filter(([t]) => t >= warmUpMs).map(([, rss]) => rss));
  assert.equal(exitCode, 0, 'the server stops cleanly after the run');
  assert.deepEqual(server.errors, [], 'the server logged no error');

  // Every 201 is in the database, read directly once the server has stopped.
  const db = open();
  let lost: number;
  try {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM escalations');
    const stored = new Set(rows.map((r) => r.id));
    lost = tally.created.filter((id) => !stored.has(id)).length;
  } finally {
    await db.close();
  }

  const errors = tally.requests - (tally.byStatus.get('201') ?? 0);
  const sorted = tally.latencies.sort((a, b) => a - b);
  const growth = mb(rssEnd - rssStart);
  reportFigures(
    `load (${label})`,
    `requests ${tally.requests}, errors ${errors}, lost ${lost}, ${Math.round(tally.requests / elapsed)} req/s, ` +
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
      `RSS ${mb(rssStart).toFixed(0)}→${mb(rssEnd).toFixed(0)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB, peak after warm-up ${mb(rssPeak).toFixed(0)} MB); ` +
      `${clients} clients for ${seconds} s`,
  );
  assert.deepEqual(Object.fromEntries(tally.byStatus), { 201: tally.requests }, 'every answer a 201');
  assert.equal(lost, 0, 'every 201 stored');
  assert.ok(growth < maxGrowthMb, `RSS grew ${growth.toFixed(1)} MB after the warm-up (bound ${maxGrowthMb} MB)`);
}

describe(`load: ${clients} concurrent clients`, () => {
  const pgliteSeconds = size(60, 600);
  it(`PGlite for ${pgliteSeconds} s`, { timeout: (pgliteSeconds + 300) * 1000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'escalate-load-'));
    try {
      await run('PGlite', pgliteSeconds, { ESCALATE_DATA_DIR: dataDir, DATABASE_URL: '' }, () =>
        createPgliteDatabase({ dataDir: join(dataDir, 'pglite') }),
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  describe('PostgreSQL', async () => {
    const target = await postgresTarget('load');
    const skip = typeof target === 'string' ? target : false;
    if (skip) console.log(`# PostgreSQL load skipped: ${skip}`);
    after(() => (typeof target === 'string' ? undefined : target.drop()));
    const seconds = size(30, 600);

    it(`PostgreSQL for ${seconds} s`, { skip, timeout: (seconds + 300) * 1000 }, async () => {
      if (typeof target === 'string') return;
      const dataDir = await mkdtemp(join(tmpdir(), 'escalate-load-'));
      try {
        await run('PostgreSQL', seconds, { ESCALATE_DATA_DIR: dataDir, DATABASE_URL: target.url }, () =>
          createPostgresDatabase({ connectionString: target.url, max: 1 }),
        );
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
});
