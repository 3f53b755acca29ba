import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createScenarioServer } from './scenario-server.ts';

/** Starts the scenario server on 127.0.0.1 and an ephemeral port. */
export async function startScenarioServer() {
  const scenario = createScenarioServer();
  const server = createServer(scenario.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let n = 0;
  return {
    ...scenario,
    origin,
    /** A fresh endpoint for a scenario; the tag keeps tests from sharing counters. */
    endpoint(name: string, tag = `t${++n}`) {
      return `${origin}/scenario/${name}~${tag}/escalations`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
