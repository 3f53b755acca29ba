/**
 * The demo page as production serves a page: bundled once at start by esbuild into memory and
 * served from a fixed list of paths. Nothing is ever read from disk per request, so no URL
 * (`/@fs/…`, `/.data/…`, `/node_modules/…`, `..` however encoded) can reach a file: a path that
 * is not in the list is a 404, whatever it names.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Uint8Array;
  type: string;
  /** Hashed chunk names never change content, so browsers may keep them; the rest is revalidated. */
  immutable: boolean;
}

const here = fileURLToPath(new URL('.', import.meta.url));
// Where the bundle would be written; only the paths relative to it are used (nothing is written).
const outdir = join(here, '.bundle');
const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Bundles `main.ts` (the element's lazy dialog stays a chunk of its own, loaded on first intent)
 * and returns every servable path with its bytes: `/`, `/index.html`, `/demo.css` and
 * `/assets/*.js`.
 */
export async function buildDemoAssets(): Promise<ReadonlyMap<string, Asset>> {
  const [{ build }, html, css] = await Promise.all([
    import('esbuild'),
    readFile(join(here, 'index.html'), 'utf8'),
    readFile(join(here, 'demo.css')),
  ]);
  const result = await build({
    entryPoints: { main: join(here, 'main.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    target: 'es2022',
    // `source`: workspace packages from their TypeScript; `production`: Lit without its dev warnings.
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outdir,
    write: false,
    legalComments: 'none',
    logLevel: 'error',
    // The element's sources use legacy decorators (tsconfig.base.json); esbuild must be told.
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  const assets = new Map<string, Asset>();
  const page: Asset = { body: utf8(html), type: 'text/html; charset=utf-8', immutable: false };
  assets.set('/', page);
  assets.set('/index.html', page);
  assets.set('/demo.css', { body: css, type: 'text/css; charset=utf-8', immutable: false });
  for (const file of result.outputFiles) {
    const name = relative(outdir, file.path);
    // Flat names only: a chunk is never served from a path with a folder in it.
    if (name !== basename(name) || !name.endsWith('.js')) throw new Error(`Unexpected bundle output ${name}`);
    assets.set(`/assets/${name}`, { body: file.contents, type: 'text/javascript; charset=utf-8', immutable: name !== 'main.js' });
  }
  return assets;
}
