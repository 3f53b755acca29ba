/**
 * The requests the Node adapter gives a handler that takes whole bodies (the handler of
 * `createEscalationHandler`): the body read whole with a limit, and every other way to it
 * (`json()`, `text()`, `body`, `clone()`) still there, for code that does not know the shortcut.
 * Real HTTP on 127.0.0.1, `fetch` as the client.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { READ_WHOLE, TAKES_WHOLE_BODIES, readsWhole } from '../../../packages/server/src/http/plain-bodies.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';

type Probe = (request: Request) => Promise<unknown>;

describe('Node adapter: whole bodies for a handler that takes them', () => {
  let server: RunningServer;
  let probe: Probe = async () => null;
  before(async () => {
    const handler = async (request: Request) => Response.json(await probe(request));
    server = await serve({ handler: Object.assign(handler, { [TAKES_WHOLE_BODIES]: true }) });
  });
  after(() => server.close());

  const post = async (body: string, run: Probe): Promise<unknown> => {
    probe = run;
    const response = await fetch(`${server.url}/x`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.equal(response.status, 200);
    return response.json();
  };

  it('reads the body whole, and no further than the limit', async () => {
    const read = (limit: number) => async (request: Request) => {
      assert.ok(readsWhole(request));
      const bytes = await request[READ_WHOLE](limit);
      return {
        text: bytes ? new TextDecoder().decode(bytes) : 'over the limit',
        used: request.bodyUsed,
        again: await request[READ_WHOLE](limit).catch(String),
      };
    };
    assert.deepEqual(await post('{"a":1}', read(100)), {
      text: '{"a":1}',
      used: true,
      again: 'TypeError: Body is unusable: it has already been read',
    });
    assert.deepEqual(await post('x'.repeat(200_000), read(100)), {
      text: 'over the limit',
      used: true,
      again: 'TypeError: Body is unusable: it has already been read',
    });
  });

  it('keeps json(), text() and the body stream working', async () => {
    assert.deepEqual(await post('{"a":1}', (r) => r.json()), { a: 1 });
    assert.equal(await post('{"a":2}', (r) => r.text()), '{"a":2}');
    assert.equal(await post('{"a":3}', (r) => new Response(r.body).text()), '{"a":3}');
  });

  it('clones with the body on both', async () => {
    assert.deepEqual(
      await post('{"a":4}', async (r) => {
        const copy = r.clone();
        return [await copy.text(), await r.text(), copy.headers.get('content-type'), r.signal.aborted];
      }),
      ['{"a":4}', '{"a":4}', 'application/json', false],
    );
  });
});
