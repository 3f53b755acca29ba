/**
 * The limits of the handler: the body size (413, however the body arrives) and the per-client
 * rate of POSTs (429 with Retry-After).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, errorOf, get, handlerHarness, patch, postRequest, receiptOf, storeKinds, wire } from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`handler on the ${kind.name} store`, () => {
    const { setup } = handlerHarness(kind);

    describe('limits', () => {
      it('answers 413 when Content-Length is over the limit', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 2000 } });
        const body = wire({ notes: 'x'.repeat(2500) });
        const error = await errorOf(await handler(postRequest(body)), 413, 'payload_too_large');
        assert.match(error.message ?? '', /2000 bytes/);
        await errorOf(await handler(get(`/api/escalations/${body.id}`)), 404, 'not_found');
      });

      it('accepts a body of exactly the limit and refuses one byte more', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 2000 } });
        const exact = (body: Record<string, unknown>, size: number) => {
          const json = JSON.stringify(body);
          return json.slice(0, -1) + ' '.repeat(size - json.length) + '}';
        };
        const ok = wire();
        const tooBig = wire();
        assert.equal(new TextEncoder().encode(exact(ok, 2000)).length, 2000);
        await receiptOf(await handler(postRequest(exact(ok, 2000), { key: ok.id })), 201);
        await errorOf(await handler(postRequest(exact(tooBig, 2001), { key: tooBig.id })), 413, 'payload_too_large');
      });

      it('answers 413 to a chunked body without Content-Length, reading no more than the limit', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 4096 } });
        let pulled = 0;
        const chunk = new TextEncoder().encode(' '.repeat(1024));
        // 1 MiB of whitespace if anyone read it all.
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled >= 1024 * 1024) return controller.close();
            pulled += chunk.length;
            controller.enqueue(chunk);
          },
        });
        const id = crypto.randomUUID();
        const request = new Request(`${BASE}/api/escalations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': id },
          body: stream,
          duplex: 'half',
        } as RequestInit);
        assert.equal(request.headers.get('content-length'), null);
        await errorOf(await handler(request), 413, 'payload_too_large');
        assert.ok(pulled <= 4096 + 2 * 1024, `read ${pulled} bytes`);
      });

      it('does not trust a Content-Length smaller than the body', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 1000 } });
        const body = wire({ notes: 'y'.repeat(3000) });
        const request = postRequest(body, { headers: { 'content-length': '10' } });
        await errorOf(await handler(request), 413, 'payload_too_large');
      });

      it('answers 413 to a PATCH over the limit', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 500 } });
        const body = wire({ notes: 'short' });
        await receiptOf(await handler(postRequest(body)), 201);
        await errorOf(await handler(patch(body.id, { status: 'contacted', note: 'n'.repeat(600) })), 413, 'payload_too_large');
      });

      it('behind a trusted proxy, takes the first X-Forwarded-For hop as the client', async () => {
        const { handler } = await setup({ limits: { requestsPerMinute: 1 }, trustProxy: true });
        const via = (client: string) => ({ headers: { 'x-forwarded-for': `${client}, 10.0.0.1`, 'x-client-ip': '10.0.0.1' } });
        await receiptOf(await handler(postRequest(wire(), via('203.0.113.9'))), 201);
        await receiptOf(await handler(postRequest(wire(), via('203.0.113.10'))), 201);
        await errorOf(await handler(postRequest(wire(), via('203.0.113.9'))), 429, 'rate_limited');
      });

      it('answers 429 with Retry-After over the per-client rate, per client, and recovers', async () => {
        const { handler, clock } = await setup({ limits: { requestsPerMinute: 3 } });
        const from = (ip: string) => ({ headers: { 'x-client-ip': ip } });
        for (let i = 0; i < 3; i++) {
          await receiptOf(await handler(postRequest(wire(), from('10.0.0.1'))), 201);
          clock.advance(10_000);
        }
        // 4th request at +30 s: the oldest of the window leaves it at +60 s.
        const limited = await handler(postRequest(wire(), from('10.0.0.1')));
        const error = await errorOf(limited, 429, 'rate_limited');
        assert.equal(limited.headers.get('retry-after'), '30');
        assert.match(error.message ?? '', /30 s/);
        // Another client is not affected. X-Forwarded-For is not trusted by default: a client
        // could otherwise name itself anew on every request and escape the limit.
        await receiptOf(await handler(postRequest(wire(), from('10.0.0.2'))), 201);
        const spoofed = { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1', 'x-client-ip': '10.0.0.1' } };
        await errorOf(await handler(postRequest(wire(), spoofed)), 429, 'rate_limited');
        // Reads are not limited.
        for (let i = 0; i < 5; i++) assert.equal((await handler(get('/api/stats'))).status, 200);
        clock.advance(20_000);
        // +50 s: still two requests of the client in the window.
        assert.equal((await handler(postRequest(wire(), from('10.0.0.1')))).headers.get('retry-after'), '10');
        clock.advance(10_001);
        await receiptOf(await handler(postRequest(wire(), from('10.0.0.1'))), 201);
      });
    });
  });
}
