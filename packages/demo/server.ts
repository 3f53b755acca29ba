/**
 * The whole flow on one machine: the reference server (PGlite in a data folder, e-mails as
 * .eml files unless SMTP_URL is set, to each team's recipients when ESCALATE_TEAMS names them)
 * and the demo task queue, on one origin. One `node:http` server routes: the escalation API and
 * inbox to the handler, `/demo/tasks` to the demo's own task back end, the rest to Vite in
 * middleware mode (so the process, not Vite, decides how it stops: Vite's own server would exit
 * 143 on SIGTERM before the store is closed).
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { bundleInbox, createEscalationHandler, createPgliteStore, inboxHtml, type EscalationStore } from '@escalate-kit/server';
import { createEmailNotifierFromEnv } from '@escalate-kit/server/email';
import { toNodeListener } from '@escalate-kit/server/node';
import { createPostgresStore } from '@escalate-kit/server/postgres';
import { taskQueueListener } from './task-queue.ts';

export interface DemoOptions {
  /** Default 5173 (PORT); 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where PGlite and the .eml outbox live. Default `./.data` (ESCALATE_DATA_DIR). */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** The server's time source (tests pin it so respond-by times are the same on every run). Default: the real clock. */
  clock?: () => Date;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const apiPaths = /^\/(api|inbox|healthz)(\/|\?|$)/;

export async function startDemo(options: DemoOptions = {}) {
  const env = options.env ?? process.env;
  const dataDir = resolve(options.dataDir ?? env.ESCALATE_DATA_DIR ?? '.data');
  const outboxDir = join(dataDir, 'outbox');
  const store: EscalationStore = env.DATABASE_URL
    ? createPostgresStore({ connectionString: env.DATABASE_URL })
    : createPgliteStore({ dataDir: join(dataDir, 'pglite') });
  await store.migrate();
  const port = options.port ?? Number(env.PORT ?? 5173);
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const vite = await createServer({
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'packages/demo'),
    server: { middlewareMode: true, hmr: false },
    appType: 'mpa',
    logLevel: 'warn',
    clearScreen: false,
  });
  const tasks = taskQueueListener(store);
  // The handler is made once the URL is known (the e-mails link to the inbox, and the port may
  // be picked at random): until then the API answers 503.
  let api: ReturnType<typeof toNodeListener> | undefined;
  const server = createHttpServer((req, res) => {
    const path = req.url ?? '/';
    if (apiPaths.test(path)) {
      if (api) return api(req, res);
      res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    if (/^\/demo\/tasks(\?|$)/.test(path)) return tasks(req, res);
    vite.middlewares(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    });
  });
  // The default port may be taken (a second demo): then the next free one, as Vite would.
  const flexible = options.port === undefined && env.PORT === undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(port + attempt, host, () => {
          server.off('error', fail);
          ok();
        });
      });
      break;
    } catch (e) {
      if (!flexible || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) {
        await vite.close();
        await store.close();
        throw e;
      }
    }
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  // SMTP_URL, ESCALATE_MAIL_TO, ESCALATE_MAIL_FROM and ESCALATE_TEAMS (recipients per team: JSON,
  // or the path of a JSON file); the .eml outbox in the data folder without SMTP_URL.
  let notify: ReturnType<typeof createEmailNotifierFromEnv>;
  try {
    notify = createEmailNotifierFromEnv(env, { inboxUrl: `${url}/inbox`, outboxDir });
  } catch (e) {
    await new Promise<void>((ok) => server.close(() => ok()));
    await vite.close();
    await store.close();
    throw e;
  }
  const handler = createEscalationHandler({
    store,
    notify,
    ...(options.clock && { clock: options.clock }),
    ...(env.ESCALATE_TOKEN && { auth: { token: env.ESCALATE_TOKEN } }),
    ...(env.ALLOWED_ORIGINS && { cors: { origins: env.ALLOWED_ORIGINS.split(',').map((o) => o.trim()) } }),
    // Bundled from source on every start: a development server must never serve a stale build.
    inbox: { html: inboxHtml, script: await bundleInbox() },
  });
  api = toNodeListener(handler);
  return {
    url,
    inboxUrl: `${url}/inbox`,
    dataDir,
    outboxDir: notify.outboxDir,
    /** Where mail goes, for the start-up lines: never an SMTP password nor an address. */
    mail: notify.describe(),
    handler,
    store,
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await vite.close();
      handler.close();
      await handler.settled();
      notify.close();
      await store.close();
    },
  };
}
