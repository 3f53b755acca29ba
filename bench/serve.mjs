/**
 * The tiny static server the browser sections load their pages from (on 127.0.0.1, a free
 * port), plus the "local endpoint" of the SDK section: POST answers 201 with a valid receipt
 * at once, so what is timed is the client, not a database.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8' };

/** A receipt the SDK accepts (escalationReceiptSchema) for a request body. */
export function receiptFor(body) {
  const { id, taskId } = JSON.parse(body);
  return JSON.stringify({ id, taskId, status: 'received', team: 'billing', respondBy: '2030-01-01T17:00:00.000Z', duplicate: false });
}

/** Reads a request body to the end (both the receipt endpoint and the floor server do). */
export async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves `dir` (the bundles written for this run) and `pages` (path → HTML) with no caching,
 * so a fresh browser context loads everything again; any POST gets a receipt.
 */
export async function serveStatic(dir, pages = {}) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST') {
      const body = receiptFor(await readBody(req));
      res.writeHead(201, { 'content-type': 'application/json' }).end(body);
      return;
    }
    const headers = { 'cache-control': 'no-store' };
    if (pages[path]) return res.writeHead(200, { ...headers, 'content-type': types['.html'] }).end(pages[path]);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      const data = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(data);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
