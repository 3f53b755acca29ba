/** What each part of the store contract gets from \`describeStoreContract\`. */
import type { EscalationStore } from '../../../packages/server/src/types.ts';

export interface ContractContext {
  /** \`it\`, skipped test by test when the store flavour is unavailable (so each shows in the counts). */
  it(title: string, fn: () => Promise<void>): void;
  /** One store for tests that only look at their own rows (by id or by a category of their own). */
  shared(): Promise<EscalationStore>;
  /** A fresh, migrated, empty store. */
  fresh(): Promise<EscalationStore>;
}
