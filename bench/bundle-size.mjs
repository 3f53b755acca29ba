/**
 * Gzip sizes of one production bundle (bench/build.mjs), split into what a page loads up front
 * and what it loads later: shared by `pnpm bench` and the byte budgets in `pnpm test`
 * (test/node/budgets.test.ts), so both measure the same thing the same way.
 */
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appBuild, root } from './build.mjs';

/** Every output reachable from `start` through imports of the given kinds. */
function reachable(outputs, start, kinds) {
  const seen = new Set([start]);
  for (const file of seen) for (const imp of outputs[file]?.imports ?? []) if (kinds.includes(imp.kind)) seen.add(imp.path);
  return seen;
}

/** `node_modules/.pnpm/…/node_modules/zod/v4/…` → `zod`; `packages/sdk/src/schemas/x.ts` → `sdk: schemas/`. */
function owner(input) {
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1];
  const own = /^packages\/([^/]+)\/src\/(?:([^/]+)\/)?/.exec(input);
  if (own) return `${own[1]}: ${own[2] ? `${own[2]}/` : '(top level)'}`;
  return input;
}

/**
 * Builds `contents` (an ES module importing what an app would) and returns gzip -9 bytes of the
 * eager part (the entry and its static imports, i.e. what loads before any dialog opens), of all
 * a submit needs (the lazy chunks and what they import too), of everything (on-demand chunks
 * too), and the minified bytes each package or source folder puts into all a submit needs.
 */
export async function measureBundle(contents) {
  const result = await appBuild({ stdin: { contents, resolveDir: root, loader: 'js' }, absWorkingDir: root, outdir: 'out', write: false });
  const gz = new Map(result.outputFiles.map((f) => [relative(root, f.path), gzipSync(f.contents, { level: 9 }).length]));
  const outputs = result.metafile.outputs;
  const sum = (files) => [...files].reduce((a, f) => a + (gz.get(f) ?? 0), 0);
  const eager = reachable(outputs, 'out/stdin.js', ['import-statement']);
  // What a submit needs: the eager part, the chunks it loads lazily (the dialog) and their static
  // imports. A lazy chunk's own dynamic imports (reading an escalation back: client.get/list) load
  // only when a page asks for them, so they are counted in `everything`, not here.
  const all = new Set(eager);
  for (const file of eager)
    for (const imp of outputs[file]?.imports ?? [])
      if (imp.kind === 'dynamic-import') for (const f of reachable(outputs, imp.path, ['import-statement'])) all.add(f);
  const everything = reachable(outputs, 'out/stdin.js', ['import-statement', 'dynamic-import']);
  const contributors = new Map();
  for (const file of all)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]?.inputs ?? {}))
      contributors.set(owner(input), (contributors.get(owner(input)) ?? 0) + bytesInOutput);
  return {
    eager: sum(eager),
    all: sum(all),
    everything: sum(everything),
    chunks: all.size,
    contributors: [...contributors].sort((a, b) => b[1] - a[1]),
  };
}

/** The bundles the brief names: (a) and (b) are both in `measureBundle(elementEntry)`. */
export const entries = {
  element: "import '@escalate-kit/element/define';",
  sdkClient: "export { createEscalationClient } from '@escalate-kit/sdk';",
  // A real DSN shape that goes nowhere: the bench builds, it never sends.
  sentryFeedback:
    "import { init, feedbackIntegration } from '@sentry/browser';\ninit({ dsn: 'https://key@o0.ingest.example.invalid/0', integrations: [feedbackIntegration()] });",
  sentrySend:
    "import { init, sendFeedback } from '@sentry/browser';\ninit({ dsn: 'https://key@o0.ingest.example.invalid/0' });\nexport const send = (message) => sendFeedback({ message });",
};
