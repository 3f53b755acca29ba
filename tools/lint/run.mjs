#!/usr/bin/env node
/**
 * `pnpm lint`: ESLint, Prettier (check), lit-analyzer and the import-cycle check, each on the
 * whole repository; `pnpm format` (`--write`) lets Prettier fix what it reports. Prints one line
 * per check and exits non-zero when any fails. The tools live in this workspace package, with
 * the TypeScript 6 JavaScript API they need.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const bin = (name) => join(here, 'node_modules/.bin', name);
const write = process.argv.includes('--write');

const checks = write
  ? [['prettier', bin('prettier'), ['--write', '--log-level', 'warn', '.']]]
  : [
      ['eslint', bin('eslint'), ['--config', join(here, 'eslint.config.js'), '--max-warnings', '0', '.']],
      ['prettier', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
      // Reads its settings (strict, the `closedby` attribute its HTML data predates) from tsconfig.json.
      [
        'lit-analyzer',
        bin('lit-analyzer'),
        ['packages/element/src/**/*.ts', 'packages/server/src/inbox/**/*.ts', 'stories/**/*.ts', '--quiet'],
      ],
      ['import cycles', process.execPath, [join(here, 'cycles.mjs'), 'packages', 'stories', 'test', 'tools']],
    ];

let failed = 0;
for (const [name, cmd, args] of checks) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? '✔' : '✖'} ${name}`);
}
process.exit(failed ? 1 : 0);
