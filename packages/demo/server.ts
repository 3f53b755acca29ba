/**
 * The whole flow on one machine: the reference server (PGlite in a data folder, e-mails as
 * .eml files unless SMTP_URL is set, to each team's recipients when ESCALATE_TEAMS names them)
 * and the demo task queue, on one origin, in one `node:http` server, as production would serve
 * them: the escalation API and the inbox from the handler, `/demo/tasks` from the demo's own task
 * back end, and the page from a bundle built into memory at start (assets.ts), by exact path.
 * No file is ever served from disk, so the data folder cannot be reached whatever the URL says.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { bundleInbox, createEscalationHandler, inboxHtml } from '@escalate-kit/server';
import { createEmailNotifierFromEnv } from '@escalate-kit/server/email';
import { ensureDemoAccess, openDataStore, toNodeListener, type FetchHandler } from '@escalate-kit/server/node';
import { buildDemoAssets } from './assets.ts';
import { securityHeaders, withReportUri } from './headers.ts';
import { createHostCheck } from './hosts.ts';
import { listen } from './listen.ts';
import { oidcFromEnv } from './oidc-env.ts';
import { pagesListener } from './pages.ts';
import { escalationRelay } from './relay.ts';
import { taskQueueListener } from './task-queue.ts';

export interface DemoOptions {
  /** Default 5173 (PORT); 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where PGlite and the .eml outbox live. Default `./.data` (ESCALATE_DATA_DIR). Never served. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** The server's time source (tests pin it so respond-by times are the same on every run). Default: the real clock. */
  clock?: () => Date;
  /** Where browsers report Content-Security-Policy violations of the demo page and the inbox (`report-uri`). */
  cspReportUri?: string;
}

const apiPaths = /^\/(api|inbox|healthz)(\/|\?|$)/;
const tasksPath = /^\/demo\/tasks(\?|$)/;
const relayPath = /^\/demo\/api\/(escalations(\/[0-9a-fA-F-]{36})?|handled)(\?|$)/;

export async function startDemo(options: DemoOptions = {}) {
  const env = options.env ?? process.env;
  // PostgreSQL with DATABASE_URL, else PGlite in the data folder: the same choice as `pnpm escalate`.
  const { store, dataDir } = await openDataStore({ dataDir: options.dataDir, env });
  const outboxDir = join(dataDir, 'outbox');
  // esbuild bundles in its own process while PGlite starts in this one. On the first run the
  // bootstrap makes the lead and the host's API key; on every run it gives them back to print.
  const [access, assets, inboxScript] = await Promise.all([
    store.migrate().then(() => ensureDemoAccess({ store, dataDir, ...(options.clock && { clock: options.clock }) })),
    buildDemoAssets(),
    bundleInbox(),
  ]);
  const port = options.port ?? Number(env.PORT ?? 5173);
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const hostAllowed = createHostCheck(env.ALLOWED_HOSTS?.split(','));
  const headers = securityHeaders(options.cspReportUri);
  const pages = pagesListener(assets);
  const tasks = taskQueueListener(store);
  // The handler is made once the URL is known (the e-mails link to the inbox, and the port may
  // be picked at random): until then the API answers 503.
  let api: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let relay: typeof api;
  const server = createHttpServer((req, res) => {
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(403, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Unknown host');
      return;
    }
    const path = req.url ?? '/';
    // What the handler answers carries the handler's own headers (and CORS, which it alone decides).
    const to = apiPaths.test(path) ? api : relayPath.test(path) ? relay : false;
    if (to !== false) {
      if (to) return to(req, res);
      res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (tasksPath.test(path)) return tasks(req, res);
    pages(req, res);
  });
  const stopStore = () => store.close();
  const url = await listen(server, { port, host, flexible: options.port === undefined && env.PORT === undefined }).catch(async (e) => {
    await stopStore();
    throw e;
  });
  // SMTP_URL, ESCALATE_MAIL_TO, ESCALATE_MAIL_FROM, ESCALATE_TEAMS (recipients per team: JSON,
  // or the path of a JSON file) and ESCALATE_LEVELS (per level, told to chase at a breach); the
  // .eml outbox in the data folder without SMTP_URL.
  let notify: ReturnType<typeof createEmailNotifierFromEnv>;
  try {
    notify = createEmailNotifierFromEnv(env, { inboxUrl: `${url}/inbox`, outboxDir });
  } catch (e) {
    await new Promise<void>((ok) => server.close(() => ok()));
    await stopStore();
    throw e;
  }
  const handler = createEscalationHandler({
    store,
    notify,
    ...(options.clock && { clock: options.clock }),
    // Auth is on: the inbox signs people in, hosts send with API keys. ESCALATE_TOKEN adds a service
    // key; ESCALATE_OIDC_* add sign-in through a provider.
    auth: { token: env.ESCALATE_TOKEN || undefined, oidc: oidcFromEnv(env) },
    ...(env.ALLOWED_ORIGINS && { cors: { origins: env.ALLOWED_ORIGINS.split(',').map((o) => o.trim()) } }),
    // Bundled from source on every start: a development server must never serve a stale build.
    inbox: { html: inboxHtml, script: inboxScript },
    // The SLA clock (docs/architecture.md#sla-clock): a reminder at 75% of the way to a deadline,
    // a level up at the breach, the agent told of contact and resolution; looked at every minute.
    sla: { warnAt: 0.75, intervalMs: 60_000 },
  });
  const served: FetchHandler = options.cspReportUri ? withReportUri(handler, options.cspReportUri) : handler;
  api = toNodeListener(served);
  // The agent's page posts here; the demo's back end adds its key (the browser never holds it).
  relay = toNodeListener(escalationRelay(handler, access.key));
  return {
    url,
    inboxUrl: `${url}/inbox`,
    dataDir,
    outboxDir: notify.outboxDir,
    /** Where mail goes, for the start-up lines: never an SMTP password nor an address. */
    mail: notify.describe(),
    /** The paths the demo page is served from (every other non-API path is a 404). */
    assetPaths: [...assets.keys()],
    /** The bootstrap's lead and host key, for the start-up lines (and the file they are kept in, mode 0600). */
    access,
    handler,
    store,
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      handler.close();
      await handler.settled();
      notify.close();
      await store.close();
    },
  };
}
