/**
 * What each entry point of @escalate-kit/server loads, read from the sources: the main entry
 * runs in any Fetch runtime and pulls in neither `pg` nor `nodemailer` (they have entry points of
 * their own), and the handler uses Web Crypto, not Node's (docs/architecture.md#server).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const pkg = fileURLToPath(new URL('../../../packages/server/', import.meta.url));
const src = (path: string) => resolve(pkg, 'src', path);

// `import … from 'x'`, `export … from 'x'`, `import('x')`, `import 'x'`.
// (`from` not inside a string: `daySchema('from')` and `['from']` are no imports.)
const specifier = /(?:(?<!['"\w])from\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** Every module specifier that is not a relative path, in the files reachable from `entry` by relative imports. */
function packagesImported(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(specifier)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!));
      else found.set(spec!, [...(found.get(spec!) ?? []), relative(pkg, file)]);
    }
  };
  visit(entry);
  return found;
}

describe('@escalate-kit/server entry points', () => {
  it('the main entry imports neither pg, nodemailer nor node:crypto, even through other files', () => {
    const imported = packagesImported(src('index.ts'));
    for (const name of ['pg', 'nodemailer', 'node:crypto', 'crypto']) {
      assert.equal(imported.get(name), undefined, `${name} is imported by ${imported.get(name)?.join(', ')}`);
    }
    // The walk does find packages: the SDK and PGlite are in the main entry.
    assert.ok(imported.has('@escalate-kit/sdk'));
    assert.ok(imported.has('@electric-sql/pglite'));
  });

  it('the handler needs nothing of Node: no node: module, no Buffer', () => {
    const imported = [...packagesImported(src('handler.ts')).keys()];
    assert.deepEqual(
      imported.filter((name) => name.startsWith('node:')),
      [],
    );
    // pino is the default log sink (src/log.ts); it has a build without Node for browsers and
    // workers (its `browser` field), and a handler there can be given a `log` of its own.
    // openid-client (loaded only with `auth.oidc`) is built on Web APIs, for any runtime.
    assert.deepEqual(imported.sort(), ['@escalate-kit/sdk', 'openid-client', 'pino', 'zod/mini']);
    for (const file of ['handler.ts', 'store/common.ts']) assert.doesNotMatch(readFileSync(src(file), 'utf8'), /\bBuffer\./, file);
  });

  it('pg and nodemailer have entry points of their own', () => {
    assert.ok(packagesImported(src('postgres.ts')).has('pg'));
    assert.ok(packagesImported(src('email.ts')).has('nodemailer'));
  });

  it('every export has source → src/*.ts, and types and default in dist', () => {
    const { exports } = JSON.parse(readFileSync(resolve(pkg, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
    };
    assert.deepEqual(Object.keys(exports).sort(), ['.', './email', './node', './package.json', './postgres']);
    for (const [name, target] of Object.entries(exports)) {
      if (typeof target === 'string') continue;
      const file = target.source!.replace(/^\.\/src\//, '').replace(/\.ts$/, '');
      assert.ok(existsSync(src(`${file}.ts`)), `${name}: ${target.source}`);
      assert.deepEqual(target, { source: `./src/${file}.ts`, types: `./dist/${file}.d.ts`, default: `./dist/${file}.js` }, name);
    }
  });
});
