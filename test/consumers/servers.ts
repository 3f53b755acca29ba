/**
 * The two servers a packed-consumer run needs, both on 127.0.0.1 and a free port: the real
 * escalation server (the server package's handler on a memory store, from its source), and a
 * static server for one built host that proxies `/api` to it, as a host's own server would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createEscalationHandler, createMemoryStore } from '@escalate-kit/server';
import { serve } from '@escalate-kit/server/node';

/** The escalation server, open (no sign-in): the hosts under test post as a page with no session would. */
export async function startEscalationServer() {
  const handler = createEscalationHandler({ store: createMemoryStore(), auth: false });
  const running = await serve({ handler, port: 0 });
  return {
    url: running.url,
    /** The escalations stored for a task, as the server's list answers them. */
    async escalationsOf(taskId: string) {
      const r = await fetch(`${running.url}/api/escalations?taskId=${encodeURIComponent(taskId)}`);
      const body = (await r.json()) as { items: { request: { taskId: string; context?: Record<string, unknown>; agent?: unknown } }[] };
      return body.items;
    },
    async close() {
      await running.close();
      await handler.close();
    },
  };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` (a host's build output) and proxies `/api/…` to `api`. `mounts` maps URL prefixes
 * to other folders, e.g. `/npm/` to the project's node_modules, standing in for a CDN.
 */
export async function startHostServer(root: string, api: string, mounts: Record<string, string> = {}) {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname.startsWith('/api/')) {
      const upstream = new URL(url.pathname + url.search, api);
      const proxied = request(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      proxied.on('error', () => res.writeHead(502).end());
      req.pipe(proxied);
      return;
    }
    const [prefix, dir] = Object.entries(mounts).find(([p]) => url.pathname.startsWith(p)) ?? ['/', root];
    const file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html'));
    if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
    void stat(file)
      .then((s) => {
        const path = s.isDirectory() ? join(file, 'index.html') : file;
        res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
        createReadStream(path).pipe(res);
      })
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
