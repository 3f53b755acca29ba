/**
 * The whole flow on one machine: the reference server (PGlite in a data folder, e-mails as
 * .eml files unless SMTP_URL is set) and the demo task queue, on one origin through Vite.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import {
  createEmailNotifier,
  createEscalationHandler,
  createPgliteStore,
  bundleInbox,
  createPostgresStore,
  inboxHtml,
  type EscalationStore,
} from '@escalate-kit/server';
import { toNodeListener } from '@escalate-kit/server/node';

export interface DemoOptions {
  /** Default 5173 (PORT); 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where PGlite and the .eml outbox live. Default `./.data` (ESCALATE_DATA_DIR). */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
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
  // The API is mounted before the handler exists: the e-mails link to the inbox, whose URL
  // (the port may be picked at random) is only known once Vite listens.
  let api: ReturnType<typeof toNodeListener> | undefined;
  const mountApi: Plugin = {
    name: 'escalate-kit:api',
    configureServer(server) {
      server.middlewares.use((req, res, next) => (api && apiPaths.test(req.url ?? '') ? api(req, res) : next()));
    },
  };
  const vite = await createServer({
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'packages/demo'),
    server: { port, host, strictPort: options.port !== undefined && options.port !== 0 },
    plugins: [mountApi],
    logLevel: 'warn',
    clearScreen: false,
  });
  await vite.listen();
  const url = (vite.resolvedUrls?.local[0] ?? `http://${host}:${port}/`).replace(/\/$/, '');
  const to = env.ESCALATE_MAIL_TO ?? 'account-team@example.com';
  const notify = createEmailNotifier({
    to,
    inboxUrl: `${url}/inbox`,
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : { outboxDir }),
    ...(env.ESCALATE_MAIL_FROM && { from: env.ESCALATE_MAIL_FROM }),
  });
  const handler = createEscalationHandler({
    store,
    notify,
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
    outboxDir: env.SMTP_URL ? undefined : outboxDir,
    handler,
    store,
    async close() {
      await vite.close();
      handler.close();
      await handler.settled();
      await store.close();
    },
  };
}
