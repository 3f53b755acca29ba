/**
 * The behaviour every `EscalationStore` must have, as one suite run against each flavour
 * (memory, PGlite, PostgreSQL), so the flavours cannot drift apart. The tests are in
 * `store-contract/`, one file per feature.
 */
import { after, describe, it as test } from 'node:test';
import type { EscalationStore } from '../../packages/server/src/types.ts';
import type { ContractContext } from './store-contract/context.ts';
import { decisionContract } from './store-contract/decision.ts';
import { listContract } from './store-contract/list.ts';
import { notificationsContract } from './store-contract/notifications.ts';
import { ownershipContract } from './store-contract/ownership.ts';
import { rowsContract } from './store-contract/rows.ts';
import { statusContract } from './store-contract/status.ts';

/**
 * Registers the contract suite. `open` returns a fresh, migrated, empty store; the suite
 * closes every store it opened.
 */
export function describeStoreContract(name: string, open: () => Promise<EscalationStore>, options: { skip?: string | false } = {}) {
  // Skipped test by test rather than as a suite, so every skipped test shows in the counts.
  const it = (title: string, fn: () => Promise<void>) => test(title, { skip: options.skip || false }, fn);
  describe(`EscalationStore contract: ${name}`, () => {
    const opened: EscalationStore[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    // One shared store for tests that only look at their own rows (by id or by a category of their own).
    let sharedStore: Promise<EscalationStore> | undefined;
    const shared = () => (sharedStore ??= fresh());
    after(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

    const context: ContractContext = { it, shared, fresh };
    rowsContract(context);
    listContract(context);
    statusContract(context);
    notificationsContract(context);
    decisionContract(context);
    ownershipContract(context);
  });
}
