/**
 * Who may call the API: the bearer token on every /api route, and CORS for the pages of
 * the configured origins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, errorOf, get, handlerHarness, patch, postRequest, receiptOf, storeKinds, wire } from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`handler on the ${kind.name} store`, () => {
    const { setup } = handlerHarness(kind);

    describe('auth', () => {
      const token = 'tok_3f9a7c1e5b2d48a6';
      const bearer = { authorization: `Bearer ${token}` };

      it('answers 401 with WWW-Authenticate without the right bearer token, and stores nothing', async () => {
        const { handler } = await setup({ auth: { token } });
        const body = wire();
        const attempts: Record<string, string>[] = [
          {},
          { authorization: 'Bearer wrong' },
          { authorization: `Bearer ${token.slice(0, -1)}` },
          { authorization: `Bearer ${token}x` },
          { authorization: `Basic ${btoa(`user:${token}`)}` },
          { authorization: token },
        ];
        for (const headers of attempts) {
          const response = await handler(postRequest(body, { headers }));
          await errorOf(response, 401, 'unauthorized');
          assert.equal(response.headers.get('www-authenticate'), 'Bearer');
        }
        await errorOf(await handler(get(`/api/escalations/${body.id}`, bearer)), 404, 'not_found');
      });

      it('answers 201 with the token, and guards every /api route', async () => {
        const { handler } = await setup({ auth: { token }, inbox: { html: '<!doctype html><title>Inbox</title>', script: 'export {};' } });
        const body = wire();
        await receiptOf(await handler(postRequest(body, { headers: { authorization: `bearer ${token}` } })), 201);
        for (const request of [
          get('/api/escalations'),
          get(`/api/escalations/${body.id}`),
          get('/api/stats'),
          patch(body.id, { status: 'contacted' }),
        ]) {
          await errorOf(await handler(request.clone()), 401, 'unauthorized');
          const withToken = new Request(request, { headers: { ...Object.fromEntries(request.headers), ...bearer } });
          assert.equal((await handler(withToken)).status, 200, `${request.method} ${request.url}`);
        }
        // Open without a token: the health check and the inbox page (its API calls send the token).
        assert.equal((await handler(get('/healthz'))).status, 200);
        assert.equal((await handler(get('/inbox'))).status, 200);
        assert.equal((await handler(get('/inbox/app.js'))).status, 200);
      });
    });

    describe('CORS', () => {
      const allowed = 'https://support.example.com';
      const preflight = (origin: string) =>
        new Request(`${BASE}/api/escalations`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, idempotency-key, authorization',
          },
        });

      it('answers a preflight from an allowed origin with 204 and the CORS headers', async () => {
        const { handler } = await setup({ cors: { origins: [allowed] } });
        const response = await handler(preflight(allowed));
        assert.equal(response.status, 204);
        assert.equal(response.headers.get('access-control-allow-origin'), allowed);
        assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
        assert.equal(response.headers.get('access-control-allow-headers'), 'content-type, idempotency-key, authorization');
        assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
        assert.equal(response.headers.get('vary'), 'Origin, Access-Control-Request-Headers');
      });

      it('allows the headers a host adds (a CSRF token), lower-cased; the fixed list when none or a malformed list is asked for', async () => {
        const { handler } = await setup({ cors: { origins: [allowed] } });
        const ask = (requestHeaders?: string) =>
          handler(
            new Request(`${BASE}/api/escalations`, {
              method: 'OPTIONS',
              headers: {
                origin: allowed,
                'access-control-request-method': 'POST',
                ...(requestHeaders !== undefined && { 'access-control-request-headers': requestHeaders }),
              },
            }),
          );
        const custom = await ask('Content-Type,Idempotency-Key, X-CSRF-Token,x-csrf-token');
        assert.equal(custom.status, 204);
        assert.equal(custom.headers.get('access-control-allow-headers'), 'content-type, idempotency-key, x-csrf-token');
        assert.equal(custom.headers.get('vary'), 'Origin, Access-Control-Request-Headers');
        for (const requested of [undefined, '', 'x-a, (not a header)', 'x-a,,x-b', 'x-a;x-b']) {
          const response = await ask(requested);
          assert.equal(response.status, 204);
          assert.equal(
            response.headers.get('access-control-allow-headers'),
            'content-type, authorization, idempotency-key',
            `for ${requested}`,
          );
        }
        // Another origin still gets nothing, whatever it asks for.
        const other = await handler(
          new Request(`${BASE}/api/escalations`, {
            method: 'OPTIONS',
            headers: {
              origin: 'https://evil.example',
              'access-control-request-method': 'POST',
              'access-control-request-headers': 'x-csrf-token',
            },
          }),
        );
        await errorOf(other, 403, 'forbidden');
        assert.equal(other.headers.get('access-control-allow-headers'), null);
      });

      it('answers a preflight from another origin with 403 and no CORS headers', async () => {
        const { handler } = await setup({ cors: { origins: [allowed] } });
        const response = await handler(preflight('https://evil.example'));
        await errorOf(response, 403, 'forbidden');
        assert.equal(response.headers.get('access-control-allow-origin'), null);
      });

      it('adds CORS headers to answers for allowed origins only', async () => {
        const { handler } = await setup({ cors: { origins: [allowed] } });
        const ok = await handler(postRequest(wire(), { headers: { origin: allowed } }));
        assert.equal(ok.status, 201);
        assert.equal(ok.headers.get('access-control-allow-origin'), allowed);
        assert.match(ok.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
        assert.match(ok.headers.get('vary') ?? '', /Origin/);
        const error = await handler(postRequest(wire({ notes: '' }), { headers: { origin: allowed } }));
        assert.equal(error.status, 400);
        assert.equal(error.headers.get('access-control-allow-origin'), allowed);
        const other = await handler(get('/api/stats', { origin: 'https://evil.example' }));
        assert.equal(other.headers.get('access-control-allow-origin'), null);
        assert.match(other.headers.get('vary') ?? '', /Origin/);
      });

      it('sends no CORS headers when no origins are configured', async () => {
        const { handler } = await setup();
        const response = await handler(preflight(allowed));
        assert.equal(response.status, 204);
        assert.equal(response.headers.get('access-control-allow-origin'), null);
        assert.equal((await handler(get('/api/stats', { origin: allowed }))).headers.get('access-control-allow-origin'), null);
      });
    });
  });
}
