#!/usr/bin/env node
/**
 * `pnpm build` of @escalate-kit/element, in order, each step reading what the one before wrote:
 * 1. `tsc -p tsconfig.build.json`: ESM and `.d.ts` in `dist/`;
 * 2. the custom-elements manifest (`custom-elements.json`, schema 2.1.0, `dist/*.js` paths);
 * 3. the framework typings generated from it (`dist/jsx.d.ts`, `dist/vue.d.ts`);
 * 4. the one-file browser build (`dist/escalate-kit.min.js` and its lazy dialog).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowserBundle } from './browser-bundle.mjs';
import { writeFrameworkTypes } from './framework-types.mjs';

const dir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(dir, 'package.json'));
/** A file of an installed package (through its package.json: not every package exports its bin). */
const fileOf = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const node = (script, ...args) => execFileSync(process.execPath, [script, ...args], { cwd: dir, stdio: 'inherit' });

rmSync(join(dir, 'dist'), { recursive: true, force: true });
node(fileOf('typescript', 'bin/tsc'), '-p', 'tsconfig.build.json');
node(fileOf('@custom-elements-manifest/analyzer', 'cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet');
writeFrameworkTypes(join(dir, 'custom-elements.json'), join(dir, 'dist'));
await buildBrowserBundle(dir);
