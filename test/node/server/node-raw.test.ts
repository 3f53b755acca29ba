/**
 * The Node adapter under what a browser never sends: 10 MB bodies written at full speed, with
 * and without `Expect: 100-continue`, chunked or not (always a 413, never a broken pipe or a
 * reset), the methods Fetch cannot carry (TRACE, CONNECT) and ones no one knows, malformed
 * requests, and HEAD answered like GET. Real sockets on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { lastBody, rawExchange } from '../../support/raw-http.ts';
import { wire } from '../../support/fixtures.ts';

const TEN_MB = 10 * 1024 * 1024;

describe('Node adapter over raw sockets', () => {
  let handler: EscalationHandler;
  let server: RunningServer;
  let host: string;
  before(async () => {
    handler = createEscalationHandler({ store: createMemoryStore(), auth: false, limits: { requestsPerMinute: Infinity } });
    server = await serve({ handler });
    host = new URL(server.url).host;
  });
  after(async () => {
    await server.close();
    handler.close();
  });

  const post = (headers: string[]) =>
    [
      `POST /api/escalations HTTP/1.1`,
      `Host: ${host}`,
      'Content-Type: application/json',
      `Idempotency-Key: ${crypto.randomUUID()}`,
      ...headers,
    ].join('\r\n');

  for (const waitForContinue of [false, true]) {
    it(`answers 413 to a 10 MB body with Content-Length${waitForContinue ? ', Expect: 100-continue: no 100, no body sent' : ', read to the end: no broken pipe'}`, async () => {
      const exchange = await rawExchange(server.url, {
        head: post([`Content-Length: ${TEN_MB}`, ...(waitForContinue ? ['Expect: 100-continue'] : [])]),
        bodyBytes: TEN_MB,
        waitForContinue,
      });
      assert.deepEqual(exchange.errors, []);
      assert.deepEqual(exchange.statuses, [413]);
      assert.deepEqual(lastBody(exchange), { error: 'payload_too_large', message: 'The body must be at most 65536 bytes' });
      assert.equal(exchange.written, waitForContinue ? 0 : TEN_MB);
    });
  }

  it('answers 413 to a 10 MB chunked body once it passes the limit, and the client finishes writing', async () => {
    const exchange = await rawExchange(server.url, { head: post(['Transfer-Encoding: chunked']), bodyBytes: TEN_MB, chunked: true });
    assert.deepEqual(exchange.errors, []);
    assert.deepEqual(exchange.statuses, [413]);
  });

  it('sends 100 Continue to a body within the limit, when the handler reads it, and stores it', async () => {
    const body = JSON.stringify(wire());
    const id = (JSON.parse(body) as { id: string }).id;
    const head = [`POST /api/escalations HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json', `Idempotency-Key: ${id}`];
    const exchange = await new Promise<Awaited<ReturnType<typeof rawExchange>>>((resolve) => {
      // The body is the escalation itself: written by hand after the 100.
      void import('node:net').then(({ connect }) => {
        const { port, hostname } = new URL(server.url);
        const socket = connect(Number(port), hostname);
        const result = { text: '', statuses: [] as number[], errors: [] as string[], written: 0 };
        socket.on('data', (c) => {
          result.text += c.toString();
          result.statuses = [...result.text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
          if (result.statuses.length === 1 && result.statuses[0] === 100 && result.written === 0) {
            result.written = Buffer.byteLength(body);
            socket.write(body);
          }
          if (result.statuses.some((s) => s >= 200)) socket.end();
        });
        socket.on('error', (e: NodeJS.ErrnoException) => result.errors.push(e.code ?? e.message));
        socket.on('close', () => resolve(result));
        socket.write(
          `${[...head, `Content-Length: ${Buffer.byteLength(body)}`, 'Expect: 100-continue', 'Connection: close'].join('\r\n')}\r\n\r\n`,
        );
      });
    });
    assert.deepEqual(exchange.errors, []);
    assert.deepEqual(exchange.statuses, [100, 201]);
  });

  it('answers TRACE and CONNECT with 405 and the Allow of the path, and an unknown path with 404', async () => {
    const exchange = await rawExchange(server.url, { head: `TRACE /api/escalations HTTP/1.1\r\nHost: ${host}\r\nConnection: close` });
    assert.deepEqual(exchange.statuses, [405]);
    assert.match(exchange.text, /\r\nallow: GET, HEAD, POST, OPTIONS\r\n/i);
    assert.equal((lastBody(exchange) as { error: string }).error, 'method_not_allowed');
    const connect = await rawExchange(server.url, { head: `CONNECT /healthz HTTP/1.1\r\nHost: ${host}` });
    assert.deepEqual(connect.statuses, [405]);
    assert.match(connect.text, /\r\nAllow: GET, HEAD, OPTIONS\r\n/);
    const unknown = await rawExchange(server.url, { head: `TRACE /nope HTTP/1.1\r\nHost: ${host}\r\nConnection: close` });
    assert.deepEqual(unknown.statuses, [404]);
  });

  it('answers a method no one knows (FROB, TRACK: refused by the parser of Node) with 405 JSON, and a malformed request with 400 JSON', async () => {
    for (const method of ['FROB', 'TRACK']) {
      const unknown = await rawExchange(server.url, { head: `${method} /api/escalations HTTP/1.1\r\nHost: ${host}` });
      assert.deepEqual(unknown.statuses, [405], method);
      assert.equal((lastBody(unknown) as { error: string }).error, 'method_not_allowed');
      assert.match(unknown.text, /\r\nAllow: GET, HEAD, POST, PATCH, DELETE, OPTIONS\r\n/);
    }
    const malformed = await rawExchange(server.url, { head: `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nBad Header Line` });
    assert.deepEqual(malformed.statuses, [400]);
    assert.deepEqual(lastBody(malformed), { error: 'bad_request', message: 'The request is not well-formed HTTP' });
  });

  it('answers HEAD like GET: the same status and headers, no body', async () => {
    for (const path of [
      '/healthz',
      '/api/escalations',
      '/api/stats',
      `/api/escalations/${crypto.randomUUID()}`,
      '/api/escalations?limit=0',
    ]) {
      const [got, head] = [await fetch(`${server.url}${path}`), await fetch(`${server.url}${path}`, { method: 'HEAD' })];
      assert.equal(head.status, got.status, path);
      // undici sends HEAD with Connection: close (it never reuses that socket), so the server says close too.
      const headers = (r: Response) => [...r.headers].filter(([name]) => !['date', 'keep-alive', 'connection'].includes(name));
      assert.deepEqual(headers(head), headers(got), path);
      assert.equal(await head.text(), '');
      assert.notEqual(await got.text(), '');
    }
  });
});
