/**
 * The data folder cannot be fetched. The demo keeps its data where a developer's would be, in
 * `.data` under the repository, and every file in it (PGlite's, the .eml outbox, the credentials
 * file) is asked for by every route a development server offers: Vite's `/@fs/<absolute path>`,
 * `/@id/…`, the path under the project root, through `/node_modules/…` and `/packages/…`, with
 * `..` plain, percent-encoded and double-encoded, backslashes, and Vite's `?raw`/`?url` suffixes.
 * Requests go out byte for byte (node:http, not fetch, which would normalise the `..` away).
 */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../../packages/demo/server.ts';
import { typedNotes } from '../../support/fixtures.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Every way a development server could be asked for the file at `absolute`. */
function routesTo(absolute: string): string[] {
  const rel = relative(root, absolute);
  const fromDemo = relative(join(root, 'packages/demo'), absolute);
  const encoded = (path: string) => path.replaceAll('..', '%2e%2e');
  return [
    `/@fs${absolute}`,
    `/@fs${absolute}?raw`,
    `/@fs${absolute}?import&url`,
    `/@fs${absolute.replaceAll('/', '%2F')}`,
    `/@id${absolute}`,
    `/@id/@fs${absolute}`,
    `/${rel}`,
    `/${rel}?raw`,
    `/${fromDemo}`,
    `/assets/../${fromDemo}`,
    `/node_modules/../${rel}`,
    `/node_modules/.vite/deps/../../../${rel}`,
    `/packages/demo/../../${rel}`,
    `/packages/${relative(join(root, 'packages'), absolute)}`,
    `/${encoded(fromDemo)}`,
    `/assets/${encoded(`../${fromDemo}`)}`,
    `/${fromDemo.replaceAll('..', '%252e%252e')}`,
    `/${fromDemo.replaceAll('/', '%5c')}`,
    `/..%2f..%2f${rel.replaceAll('/', '%2f')}`,
  ];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the data folder is never served', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  // Under the repository, where `.data` is by default: the place a dev server would reach.
  const dataDir = join(root, '.data', `security-test-${crypto.randomUUID()}`);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });

  before(async () => {
    demo = await startDemo({ port: 0, dataDir, env: {} });
    // One escalation, so the outbox holds an .eml file.
    const id = crypto.randomUUID();
    const sent = await fetch(`${demo.url}/demo/api/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': id },
      body: JSON.stringify({
        id,
        taskId: 'T-DATA',
        category: 'billing',
        notes: typedNotes,
        contactMethod: 'email',
        contact: { email: 'ana@example.com' },
        createdAt: new Date().toISOString(),
      }),
    });
    assert.equal(sent.status, 201);
    await demo.handler.settled();
  });

  after(async () => {
    agent.destroy();
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** GET with the path exactly as given: status and body. */
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((ok, fail) => {
      const { hostname, port } = new URL(demo.url);
      const req = request({ host: hostname, port, path, agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      req.end();
    });

  it('has every kind of data file to ask for', async () => {
    const files = await filesUnder(dataDir);
    assert.ok(
      files.some((f) => f.startsWith(join(dataDir, 'pglite'))),
      'PGlite files',
    );
    assert.ok(
      files.some((f) => f.endsWith('.eml')),
      'an e-mail',
    );
    assert.ok(files.includes(demo.access.file), 'the credentials file');
  });

  it('answers 403 or 404 for every data file by every route, and never with its bytes', async () => {
    const secrets = [demo.access.password, demo.access.key];
    const paths = (await filesUnder(dataDir)).flatMap(routesTo);
    const served: string[] = [];
    // In batches, over 16 kept-alive sockets: some thousands of requests in a few seconds.
    for (let i = 0; i < paths.length; i += 64) {
      await Promise.all(
        paths.slice(i, i + 64).map(async (path) => {
          const { status, body } = await get(path);
          if (status !== 403 && status !== 404) served.push(`${status} ${path}`);
          if (secrets.some((s) => body.includes(s))) served.push(`a secret in the answer to ${path}`);
        }),
      );
    }
    assert.deepEqual(served, [], `${served.length} of ${paths.length} requests were answered with something`);
    assert.ok(paths.length > 1000, `${paths.length} requests`);
  });

  it('serves only its fixed list of paths, and nothing else of the repository', async () => {
    for (const path of demo.assetPaths) assert.equal((await get(path)).status, 200, path);
    for (const path of [
      '/main.ts',
      '/packages/demo/main.ts',
      '/package.json',
      '/@vite/client',
      '/@fs/etc/passwd',
      '/assets/',
      '/assets/main.js/',
      '/%61ssets/main.js',
      '/index.html/..',
    ]) {
      assert.equal((await get(path)).status, 404, path);
    }
    const credentials = JSON.parse(await readFile(demo.access.file, 'utf8')) as { key: string };
    assert.equal(credentials.key, demo.access.key, 'the file read here is the one the routes asked for');
  });
});
