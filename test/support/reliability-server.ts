/**
 * The real server as a process of its own, for the reliability suites to `kill -9`, restart and
 * load (test/support/reliability-process.ts starts it): `createEscalationHandler` + `serve` on
 * 127.0.0.1, on the store `pnpm start` would open (PGlite in `ESCALATE_DATA_DIR`, or PostgreSQL at
 * `DATABASE_URL`), e-mailing to `SMTP_URL` (else `.eml` files in the data folder's `outbox`).
 *
 * Prints `{"ready":"http://127.0.0.1:<port>"}` once it listens; pino's JSON log lines go to stdout
 * too, so the suites can count errors. SIGTERM stops it cleanly (exit 0); SIGKILL is the point;
 * the end of its stdin (the test process is gone) stops it at once.
 *
 * Besides the API it answers `GET /__reliability/memory` with its `process.memoryUsage()`, so the
 * load suite reads the server's own RSS on any platform.
 */
import { join } from 'node:path';
import { createEscalationHandler } from '../../packages/server/src/index.ts';
import { createEmailNotifierFromEnv } from '../../packages/server/src/email.ts';
import { openDataStore, serve } from '../../packages/server/src/node.ts';

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

const { store, dataDir } = await openDataStore({ env });
await store.migrate();
const notify = createEmailNotifierFromEnv(env, {
  outboxDir: join(dataDir, 'outbox'),
  from: 'Escalations <escalations@reliability.test>',
  to: 'account-team@reliability.test',
});
const handler = createEscalationHandler({
  store,
  notify,
  // Auth is not what these suites measure (test/node/security/ does): open, as with auth: false
  // in the handler tests, so every request is the intake path and nothing else.
  auth: false,
  // Every client of a suite is 127.0.0.1, one address: the per-address limit (60 a minute,
  // tested in limits.test.ts) would turn a burst into 429s and measure the limiter, not the store.
  limits: { requestsPerMinute: number('RELIABILITY_REQUESTS_PER_MINUTE', 60) },
  notifyRetry: {
    // A server killed mid-send holds its claim until the lease ends; the default two minutes
    // would only make the suite wait. Still far longer than one e-mail to a peer on 127.0.0.1.
    leaseMs: number('RELIABILITY_LEASE_MS', 120_000),
    baseMs: number('RELIABILITY_RETRY_BASE_MS', 30_000),
    intervalMs: number('RELIABILITY_RETRY_INTERVAL_MS', 30_000),
  },
});

const running = await serve({
  handler: async (request) => {
    if (new URL(request.url).pathname === '/__reliability/memory') return Response.json(process.memoryUsage());
    return handler(request);
  },
});
console.log(JSON.stringify({ ready: running.url }));

// The suite holds this pipe: should the test process die without stopping the server, the pipe
// closes and the server goes too, rather than living on and holding a port and a data folder.
process.stdin.on('end', () => process.exit(1)).resume();

process.once('SIGTERM', () => {
  void (async () => {
    await running.close();
    handler.close();
    await handler.settled();
    notify.close();
    await store.close();
    console.log(JSON.stringify({ stopped: true }));
    process.exit(0);
  })();
});
