/** What the client tests share: a valid input, a real scenario server for the whole file, fast retries, an event recorder. */
import { after, before } from 'node:test';
import type { EscalationClientEventMap, EscalationClientOptions, EscalationInput } from '@escalate-kit/sdk';
import { startScenarioServer } from '../../support/node-server.ts';

export const input: EscalationInput = {
  taskId: 'T-1042',
  category: 'billing',
  notes:
    'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.',
  contactMethod: 'email',
  contact: { email: 'pat@example.com' },
  customer: { name: 'Pat Doe', accountId: 'A-77' },
};

type ScenarioServer = Awaited<ReturnType<typeof startScenarioServer>>;

/** A real HTTP scenario server (test/support/scenario-server.ts), started before the calling file's tests and closed after. */
export function scenarioServer(): ScenarioServer {
  let server: ScenarioServer | undefined;
  before(async () => {
    server = await startScenarioServer();
  });
  after(() => server?.close());
  // Read at call time: the server exists once `before` has run.
  return new Proxy({} as ScenarioServer, { get: (_target, key) => Reflect.get(server!, key) });
}

export const fast = { retry: { limit: 3, delay: 5, backoffLimit: 20 }, flushInterval: 0 } satisfies Partial<EscalationClientOptions>;

export function record<K extends keyof EscalationClientEventMap>(client: EventTarget, ...types: K[]) {
  const seen: { type: K; event: EscalationClientEventMap[K] }[] = [];
  for (const type of types) client.addEventListener(type, (event) => seen.push({ type, event: event as EscalationClientEventMap[K] }));
  return seen;
}
