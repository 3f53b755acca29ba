#!/usr/bin/env node
/**
 * `pnpm test`: lint, typecheck, then Node tests, then browser tests (real Chromium), then one
 * line `N passed, N failed` counting every test that ran. `node test/run.mjs node|browser`
 * runs one stage; `node test/run.mjs visual` only the visual tests (stories, demo, inbox), which
 * with `UPDATE_SNAPSHOTS=1` (`pnpm test:update-snapshots`) write new baselines instead;
 * `node test/run.mjs soak` (`pnpm test:soak`) only the reliability suites, at their large sizes.
 * The figures the reliability suites report are repeated together before the last line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'test/.results');
const only = process.argv[2];
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  // One time zone for every run, so "the end of the business day" means the same instant on every
  // machine (the policy counts business days in the server's zone unless told otherwise).
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...env } });
  return r.status ?? 1;
}

function testFiles(dir, suffix) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(suffix)) out.push(relative(root, p));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (file, stageFailed) => {
  const f = join(results, file);
  if (!existsSync(f)) {
    // The runner died before it could count: that is a failure, not zero tests.
    if (stageFailed) totals.failed++;
    return;
  }
  const c = JSON.parse(readFileSync(f, 'utf8'));
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  if (stageFailed && c.failed === 0) totals.failed++;
};

let failed = false;
if (!only) {
  if (run('lint (ESLint, Prettier, lit-analyzer, import cycles)', process.execPath, [join(root, 'tools/lint/run.mjs')]) !== 0) {
    failed = true;
    totals.failed++;
  }
}
if (!only) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  if (run('typecheck (tsc)', process.execPath, [tsc, '-p', 'tsconfig.json']) !== 0) {
    failed = true;
    totals.failed++;
  }
}

const visualNode = 'test/node/visual-app.test.ts';
const reliability = 'test/node/reliability';
const visualBrowser = 'test/browser/visual.test.ts';

if (!only || only === 'node' || only === 'visual' || only === 'soak') {
  const files =
    only === 'visual' ? [visualNode] : only === 'soak' ? testFiles(reliability, '.test.ts') : testFiles('test/node', '.test.ts');
  const code = run(
    'Node tests',
    process.execPath,
    [
      // `source` resolves workspace packages to their TypeScript sources (see package exports).
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'test/support/node-count-reporter.mjs')}`,
      `--test-reporter-destination=${join(results, 'node.json')}`,
      ...files,
    ],
    only === 'soak' ? { SOAK: '1' } : {},
  );
  add('node.json', code !== 0);
  failed ||= code !== 0;
}

if (!only || only === 'browser' || only === 'visual') {
  const wtr = join(root, 'node_modules/@web/test-runner/dist/bin.js');
  const code = run(
    'Browser tests (Chromium)',
    process.execPath,
    ['--conditions=source', '--import', 'tsx', wtr, '--config', 'test/wtr.config.mjs'],
    {
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      PUPPETEER_SKIP_DOWNLOAD: '1',
      ...(only === 'visual' && { WTR_FILES: visualBrowser }),
    },
  );
  add('browser.json', code !== 0);
  failed ||= code !== 0;
}

const figures = join(results, 'figures.jsonl');
if (existsSync(figures)) {
  console.log('\n▶ Figures');
  for (const row of readFileSync(figures, 'utf8').trim().split('\n')) {
    const { suite, line } = JSON.parse(row);
    console.log(`  ${suite}: ${line}`);
  }
}

const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(join(results, 'summary.txt'), `${line}\n`);
console.log(`\n${line}`);
process.exit(failed || totals.failed ? 1 : 0);
