/** Listening for the demo: on the port asked for, or, when none was, the next free one after it. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListenOptions {
  port: number;
  host: string;
  /** The default port may be taken (a second demo): then try the next ones, as Vite would. */
  flexible: boolean;
}

/** Resolves with the server's URL (`http://127.0.0.1:5173`, `http://[::1]:5173`). */
export async function listen(server: Server, { port, host, flexible }: ListenOptions): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(port + attempt, host, () => {
          server.off('error', fail);
          ok();
        });
      });
      break;
    } catch (e) {
      if (!flexible || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw e;
    }
  }
  const address = server.address() as AddressInfo;
  return `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
}
