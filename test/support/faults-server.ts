/**
 * The real side of the faults suite: the reference handler (auth off: the proxy in front is what
 * is under test, not who may send) on PGlite, with a notifier that counts its calls per
 * escalation, and the suite's host page (faults-page.ts bundled by esbuild, as the demo bundles
 * its own), on one origin on 127.0.0.1. The page is loaded through the fault proxy, so the
 * element posts same-origin through it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createEscalationHandler, createPgliteStore, type StoredEscalation } from '../../packages/server/src/index.ts';
import { toNodeListener } from '../../packages/server/src/node.ts';

const page = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>faults</title></head>
  <body>
    <escalate-provider><ul id="tasks"></ul></escalate-provider>
    <script type="module" src="/assets/page.js"></script>
  </body>
</html>`;

async function bundlePage(): Promise<Map<string, Uint8Array>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { page: fileURLToPath(new URL('./faults-page.ts', import.meta.url)) },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outdir: '/assets',
    write: false,
    logLevel: 'error',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  return new Map(result.outputFiles.map((f) => [f.path, f.contents]));
}

export async function startFaultsServer() {
  const store = createPgliteStore({ dataDir: 'memory://' });
  const [assets] = await Promise.all([bundlePage(), store.migrate()]);
  /** Calls of the notifier per escalation id: one e-mail each is the claim. */
  const emails = new Map<string, number>();
  const handler = createEscalationHandler({
    store,
    auth: false,
    // The proxy injects its own 429s; the server's limit per client would refuse the suite's pace.
    limits: { requestsPerMinute: Infinity },
    notify: {
      async notify(escalation: StoredEscalation) {
        emails.set(escalation.id, (emails.get(escalation.id) ?? 0) + 1);
        return {};
      },
    },
  });
  const api = toNodeListener(handler);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/')) return api(req, res);
    const body = path === '/' ? page : assets.get(path);
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': path === '/' ? 'text/html; charset=utf-8' : 'text/javascript', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    store,
    handler,
    emails,
    /** Every stored escalation, page by page. */
    async all(): Promise<StoredEscalation[]> {
      const rows: StoredEscalation[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({ limit: 200, ...(cursor && { cursor }) });
        rows.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return rows;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      handler.close();
      await handler.settled();
      await store.close();
    },
  };
}
