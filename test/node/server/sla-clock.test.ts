/**
 * The SLA clock (docs/policy.md#follow-up) on the memory store and on PGlite, with a fake clock
 * and a real SMTP peer: the scenarios are in test/support/sla-scenarios.ts, PostgreSQL's run in
 * sla-postgres.test.ts. On PGlite a restart closes the database and opens its folder again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, createPgliteStore, type EscalationStore } from '../../../packages/server/src/index.ts';
import { describeSlaClock } from '../../support/sla-scenarios.ts';

describeSlaClock({
  name: 'the memory store',
  async open() {
    const store = createMemoryStore();
    // One process holds the data: another server and a restart are the same store.
    return { store, another: async () => store, restart: async () => store, close: () => store.close() };
  },
});

describeSlaClock({
  name: 'PGlite',
  async open(durable) {
    // In memory unless the test restarts it: a folder on disk is slower to create.
    const dir = durable ? await mkdtemp(join(tmpdir(), 'escalate-sla-')) : 'memory://';
    let store: EscalationStore = createPgliteStore({ dataDir: dir });
    await store.migrate();
    return {
      store,
      // PGlite is one process's database: servers sharing it share the store.
      another: async () => store,
      async restart() {
        await store.close();
        store = createPgliteStore({ dataDir: dir });
        await store.migrate();
        return store;
      },
      async close() {
        await store.close();
        if (durable) await rm(dir, { recursive: true, force: true });
      },
    };
  },
});
