/**
 * esbuild, configured once for every bundle the bench measures or serves, so a size in the table
 * and a page in Chromium are the same bytes an app would ship.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The element's sources use legacy decorators (tsconfig.base.json), esbuild must be told. */
const tsconfigRaw = { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } };

/**
 * A browser bundle as an app's production build makes it: production conditions and
 * NODE_ENV (Lit drops its dev warnings), minified ESM, code split at dynamic imports. `source`
 * resolves workspace packages to their TypeScript, so nothing needs building first.
 */
export function appBuild(options) {
  return build({
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    target: 'es2022',
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'error',
    tsconfigRaw,
    ...options,
  });
}

// Loaded from where pnpm installed them, not bundled: PGlite finds its WebAssembly next to its
// own module, esbuild and Vite ship binaries and files of their own, pg and nodemailer are CJS.
const keepExternal = /^(@electric-sql\/pglite|pg|nodemailer|vite|esbuild)(\/|$)/;

/**
 * Server code as production would run it: one JavaScript file for Node, no TypeScript loader.
 * Two things keep the sources working when moved into a bundle: `import.meta.url` keeps
 * meaning the source file (the migrations and the inbox are found next to it), and the
 * packages above are imported by absolute path from the bundle, wherever it is written.
 */
export function nodeBuild(options) {
  return build({
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['source'],
    logLevel: 'error',
    tsconfigRaw,
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    plugins: [
      {
        name: 'bench-node',
        setup(b) {
          b.onResolve({ filter: keepExternal }, async (args) => {
            if (args.pluginData === 'bench') return undefined;
            const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'bench' });
            return r.errors.length ? { errors: r.errors } : { path: r.path, external: true };
          });
          b.onLoad({ filter: /\.ts$/ }, async (args) => {
            if (!args.path.startsWith(join(root, 'packages')) || args.path.includes('/node_modules/')) return undefined;
            const source = await readFile(args.path, 'utf8');
            return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
          });
        },
      },
    ],
    ...options,
  });
}
