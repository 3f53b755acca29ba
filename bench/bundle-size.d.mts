/** Types of bench/bundle-size.mjs, for test/node/budgets.test.ts. */
export interface BundleSize {
  /** gzip -9 bytes of the entry and its static imports: what loads before any dialog opens. */
  eager: number;
  /** gzip -9 bytes of what a submit needs: the eager part, the lazy chunks it loads (the dialog) and their static imports. */
  all: number;
  /** gzip -9 bytes of every chunk reachable from the entry, on-demand ones (reading escalations back) included. */
  everything: number;
  chunks: number;
  /** Minified bytes per package or source folder, largest first. */
  contributors: [string, number][];
}
export function measureBundle(contents: string): Promise<BundleSize>;
export const entries: Record<'element' | 'sdkClient' | 'sentryFeedback' | 'sentrySend', string>;
