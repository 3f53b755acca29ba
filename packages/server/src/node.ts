/**
 * `node:http` ↔ Fetch: serve a Fetch-standard handler from Node without a framework, or mount
 * it in anything that takes `(req, res)` (Express, Connect, Vite's dev server).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener, type FetchHandler, type NodeListenerOptions } from './node/listener.ts';
import { answerParserErrors } from './node/server-events.ts';
import { trackUnusedSockets } from './node/unused-sockets.ts';

// What only Node can do: the demo's way in keeps its plain values in a file.
export { ensureDemoAccess, DEMO_LEAD_EMAIL, type DemoAccess, type DemoAccessOptions } from './auth/demo-access.ts';

// The store of this machine's data folder, as `pnpm start` and `pnpm escalate` open it.
export { openDataStore, DataStoreBusy, type DataStoreOptions } from './node/data-store.ts';

export { toNodeListener, type FetchHandler, type NodeListener, type NodeListenerOptions } from './node/listener.ts';

export interface ServeOptions extends NodeListenerOptions {
  /**
   * What answers the requests.
   * @example serve({ handler: createEscalationHandler({ store }) })
   */
  handler: FetchHandler;
  /**
   * The TCP port; 0 picks a free one (read it from `url`).
   * @default 0
   * @example serve({ handler, port: 8787 })
   */
  port?: number;
  /**
   * The interface to listen on. Loopback by default, so nothing is exposed to the network by accident.
   * @default '127.0.0.1'
   * @example serve({ handler, host: '0.0.0.0' })
   */
  host?: string;
}

export interface RunningServer {
  /** E.g. `http://127.0.0.1:8787`, without a trailing slash. */
  url: string;
  server: Server;
  /** Stops accepting connections, ends event streams, closes idle and unused connections and resolves when the server has stopped. */
  close(): Promise<void>;
}

/**
 * Starts a `node:http` server for a handler.
 *
 * @example
 * ```ts
 * const { url, close } = await serve({ handler, port: 8787 });
 * console.log(`Escalations at ${url}/api/escalations`);
 * process.on('SIGINT', () => close().then(() => handler.close()));
 * ```
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const listener = toNodeListener(options.handler, options);
  const server = createServer(listener);
  // `100 Continue` only once the handler reads the body: a body it refuses from the headers (413) is never sent.
  server.on('checkContinue', listener.checkContinue);
  answerParserErrors(server, options.handler);
  const endUnused = trackUnusedSockets(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${shown}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // An event stream never ends by itself: it would hold close() open for good.
        listener.closeStreams();
        // Keep-alive sockets would hold close() open until they time out.
        server.closeIdleConnections();
        // And so would a connection that never sent a request, for as long as its client keeps it.
        endUnused();
      }),
  };
}
