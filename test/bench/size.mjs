#!/usr/bin/env node
/**
 * `pnpm bench`: what escalate-kit costs a host page, in gzip bytes, against the budgets of
 * DESIGN.md. Bundled the way an app would (esbuild, minified, ESM, code splitting), so the
 * lazily loaded dialog chunk is measured apart from the button shell. Sizes are
 * deterministic for a given lockfile; this reports, it does not fail.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

async function measure(name, contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: 'out',
    conditions: ['source'],
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    metafile: true,
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  const files = result.outputFiles.map((f) => ({ path: f.path.replace(/.*\/out\//, ''), gz: gzipSync(f.contents, { level: 9 }).length }));
  const entry = files.find((f) => f.path === 'stdin.js');
  const meta = result.metafile.outputs;
  // What loads before any dialog: the entry and the chunks it imports statically.
  const eager = new Set(['stdin.js']);
  for (const [out, info] of Object.entries(meta)) {
    if (out.endsWith('stdin.js'))
      for (const imp of info.imports) if (imp.kind === 'import-statement') eager.add(imp.path.replace(/.*\/?out\//, ''));
  }
  const eagerGz = files.filter((f) => eager.has(f.path)).reduce((a, f) => a + f.gz, 0);
  const totalGz = files.reduce((a, f) => a + f.gz, 0);
  return { name, entry: entry?.gz ?? 0, eagerGz, totalGz };
}

const rows = [
  [await measure('SDK (client, schemas, outbox)', "export { createEscalationClient } from '@escalate-kit/sdk';"), { total: 12 * 1024 }],
  [await measure('SDK, everything incl. policy', "export * from '@escalate-kit/sdk';"), { total: 12 * 1024 }],
  [
    await measure('Element: define (shell + lazy dialog)', "import '@escalate-kit/element/define';"),
    { eager: 10 * 1024, total: 24 * 1024 },
  ],
];

console.log('bundle'.padEnd(40), 'before intent'.padStart(14), 'all'.padStart(10), '  budget');
for (const [r, budget] of rows) {
  const verdict = [
    budget.eager ? `${kb(r.eagerGz)} of ${kb(budget.eager)} before intent ${r.eagerGz <= budget.eager ? 'ok' : 'OVER'}` : '',
    `${kb(r.totalGz)} of ${kb(budget.total)} ${r.totalGz <= budget.total ? 'ok' : 'OVER'}`,
  ]
    .filter(Boolean)
    .join('; ');
  console.log(r.name.padEnd(40), kb(r.eagerGz).padStart(14), kb(r.totalGz).padStart(10), ' ', verdict);
}
