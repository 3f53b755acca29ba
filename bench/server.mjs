/**
 * Section 5, server throughput: autocannon POSTing valid escalations (each its own id,
 * Idempotency-Key and task: the server refuses a second open escalation of a task) at 1, 10 and
 * 50 connections, against the server bundled to JavaScript (fixtures/server-app.mjs) on PGlite
 * and on PostgreSQL, and against a bare node:http floor (fixtures/floor-server.mjs). After every
 * run the rows of that run are counted: each 201 must be in the store, and e-mailed once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { nodeBuild } from './build.mjs';
import { holds, holdsEach, num, ratio } from './format.mjs';
import { startPostgres } from './postgres.mjs';
import { nextMessage, startChild, stopChild } from './proc.mjs';
import { interleave, medianOf } from './stats.mjs';

const CONNECTIONS = [1, 10, 50];
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 2);
const targets = { pglite: { rps: 1000, p99: 50, name: 'PGlite' }, postgres: { rps: 3000, p99: 30, name: 'PostgreSQL' } };
/** autocannon's latencies are whole milliseconds. */
const ms = (v) => `${num(v, 1)} ms`;
const notes = 'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager.';

/** A host sends with its API key (the floor takes none). */
const auth = (key) => (key ? { authorization: `Bearer ${key}` } : {});

/** One autocannon run; every request a new escalation whose task id starts with `prefix`. */
async function load({ url, key }, connections, prefix, duration = SECONDS) {
  let n = 0;
  const result = await autocannon({
    url: `${url}/api/escalations`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest(req) {
          const id = randomUUID();
          const escalation = { id, taskId: `${prefix}${n++}`, category: 'billing', notes, contactMethod: 'email' };
          Object.assign(escalation, {
            contact: { email: 'pat@example.com' },
            customer: { name: 'Pat Doe' },
            createdAt: new Date().toISOString(),
          });
          return {
            ...req,
            body: JSON.stringify(escalation),
            headers: { ...auth(key), 'content-type': 'application/json', 'idempotency-key': id },
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    created: result.statusCodeStats['201']?.count ?? 0,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

export async function serverThroughput({ pages }) {
  const app = join(pages.dir, 'server-app.mjs');
  await nodeBuild({ entryPoints: [fileURLToPath(new URL('./fixtures/server-app.mjs', import.meta.url))], outfile: app });
  const dataDir = await mkdtemp(join(tmpdir(), 'escalate-bench-pglite-'));
  const pg = startPostgres();
  const servers = {};
  const stored = {};
  try {
    servers.floor = await startChild(fileURLToPath(new URL('./fixtures/floor-server.mjs', import.meta.url)));
    servers.pglite = await startChild(app, { BENCH_DATA_DIR: dataDir, DATABASE_URL: '' });
    if (pg.url) servers.postgres = await startChild(app, { DATABASE_URL: pg.url });
    for (const name of ['pglite', 'postgres'].filter((n) => servers[n])) {
      servers[name].child.send({ type: 'key' });
      servers[name].key = (await nextMessage(servers[name].child)).key;
    }
    for (const server of Object.values(servers)) await load(server, 10, `W-${randomUUID().slice(0, 8)}-`, 1); // warm-up, not counted
    let run = 0;
    const keys = CONNECTIONS.flatMap((c) => Object.keys(servers).map((s) => `${s}:${c}`));
    const samples = await interleave(keys, async (key) => {
      const [name, c] = key.split(':');
      const prefix = `B${++run}-${randomUUID().slice(0, 8)}-`;
      const r = await load(servers[name], Number(c), prefix);
      if (name !== 'floor') {
        await new Promise((ok) => setTimeout(ok, 200)); // requests still in flight when autocannon stopped
        servers[name].child.send({ type: 'count', prefix });
        const { count, mailed, twice } = await nextMessage(servers[name].child);
        const s = (stored[name] ??= { created: 0, rows: 0, bad: 0, mailed: 0, twice: 0 });
        s.created += r.created;
        s.rows += count;
        s.mailed += mailed;
        s.twice += twice;
        // Each connection may have had one request in flight when the run stopped: stored, unanswered.
        if (count < r.created || count > r.created + Number(c)) s.bad++;
        if (mailed !== count) s.bad++;
      }
      return r;
    });
    return report(samples, stored, pg);
  } finally {
    await Promise.all(Object.values(servers).map(({ child }) => stopChild(child)));
    pg.stop?.();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report(samples, stored, pg) {
  const m = (key, field) => medianOf(samples.get(key), field);
  const rows = [];
  for (const name of ['pglite', 'postgres']) {
    if (!samples.has(`${name}:1`)) {
      rows.push([`${targets[name].name}`, 'not measured', '', '', `≥ ${num(targets[name].rps)}/s, p99 ≤ ${targets[name].p99} ms`, holds()]);
      continue;
    }
    for (const c of CONNECTIONS) {
      const key = `${name}:${c}`;
      const [rps, p99] = [m(key, 'rps'), m(key, 'p99')];
      const t = targets[name];
      const failed = samples.get(key).reduce((a, s) => a + s.failed, 0);
      rows.push([
        `${t.name}, ${c} connection${c > 1 ? 's' : ''}`,
        `${num(rps)} req/s · p50 ${ms(m(key, 'p50'))} · p99 ${ms(p99)}${failed ? ` · ${num(failed)} non-2xx/errors` : ''}`,
        `floor ${num(m(`floor:${c}`, 'rps'))} req/s · p99 ${ms(m(`floor:${c}`, 'p99'))}`,
        ratio(rps / m(`floor:${c}`, 'rps')),
        c === 10 ? `≥ ${num(t.rps)}/s, p99 ≤ ${t.p99} ms` : '',
        c === 10 ? holdsEach(rps >= t.rps, p99 <= t.p99) : '',
      ]);
    }
    const s = stored[name];
    rows.push([
      `${targets[name].name}: every 201 stored and e-mailed once`,
      `${num(s.rows)} rows for ${num(s.created)} 201s · ${num(s.mailed)} e-mailed · ${num(s.twice)} twice`,
      '',
      '',
      '201s ≤ rows ≤ 201s + connections, every row e-mailed once, every run',
      holds(s.bad === 0 && s.twice === 0),
    ]);
  }
  return {
    title: '5. Server throughput (autocannon)',
    head: ['server', 'measured', 'floor (bare node:http)', 'req/s ratio', 'target', 'holds'],
    rows,
    notes: [
      `Each run ${SECONDS} s; medians of the runs (latencies in autocannon's whole milliseconds). The server is packages/server's handler and Node adapter bundled to JavaScript by esbuild, auth on (a host's API key in \`Authorization: Bearer\`), the rate limit off, a notifier that records the messages it is handed instead of sending them. PGlite keeps its data in a temporary folder on disk.`,
      pg.url ? `PostgreSQL: ${pg.how}, database escalate_bench.` : `PostgreSQL not measured: ${pg.skipped}.`,
      'After each run its rows are counted (its task ids share a prefix): every 201 must be there, and at most one more row per connection (a request still in flight when autocannon stopped, stored but never counted as answered); once the notification work has settled, every row must have been handed to the notifier exactly once.',
    ],
  };
}
