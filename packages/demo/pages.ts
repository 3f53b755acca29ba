/**
 * Serves the demo page's bundle (assets.ts) by exact path. The path is looked up as the browser
 * sent it, never decoded nor normalised: `/%61ssets/main.js` or `/assets/../index.html` is not in
 * the list, so it is a 404 like `/@fs/…` or `/.data/…`, and nothing here can reach the disk.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Asset } from './assets.ts';

export function pagesListener(assets: ReadonlyMap<string, Asset>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const asset = assets.get(path);
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
      return;
    }
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': asset.body.byteLength,
      'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };
}
