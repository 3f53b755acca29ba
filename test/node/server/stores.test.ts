/**
 * The store contract (test/support/store-contract.ts) on the memory store and on PGlite, and
 * PGlite in a data folder on disk.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createEscalationHandler, createPgliteStore } from '../../../packages/server/src/index.ts';
import { FRIDAY, jsonOf, patch, postRequest, receiptOf, storeKinds, wire } from '../../support/fixtures.ts';
import { describeStoreContract } from '../../support/store-contract.ts';

for (const kind of storeKinds) describeStoreContract(kind.name, kind.open);

describe('PGlite in a data folder', () => {
  it('creates missing parent folders, and keeps escalations across a restart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'escalate-pglite-'));
    try {
      const dataDir = join(root, 'not', 'yet', 'there');
      const first = createPgliteStore({ dataDir });
      await first.migrate();
      const handler = createEscalationHandler({ store: first, auth: false, clock: () => new Date(FRIDAY) });
      const body = wire();
      const receipt = await receiptOf(await handler(postRequest(body)), 201);
      await jsonOf(await handler(patch(body.id, { status: 'contacted', note: 'Called' })));
      handler.close();
      await first.close();

      const second = createPgliteStore({ dataDir });
      await second.migrate();
      try {
        const again = createEscalationHandler({ store: second, auth: false });
        assert.deepEqual(await receiptOf(await again(postRequest(body)), 200), { ...receipt, duplicate: true });
        const stored = await second.get(body.id);
        assert.equal(stored?.status, 'contacted');
        assert.deepEqual(
          stored?.history.map((h) => h.note),
          ['Called'],
        );
        again.close();
      } finally {
        await second.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
