/**
 * The build for a page with no bundler: `dist/escalate-kit.min.js` registers the elements and holds
 * everything a page of closed buttons needs (Lit, @lit/context, the shell); the dialog, the SDK,
 * ky and zod are `dist/escalate-kit.dialog.min.js` beside it, which the first file imports on first
 * intent, as an app's build of the package does. Two files and no third: a page links one, and a
 * CDN serves both from the same folder.
 *
 * esbuild splits the code (entry, dialog, the Lit they share, and what the dialog loads later);
 * the shared chunk is then folded into the entry, which re-exports it for the dialog: the entry is
 * always loaded before the dialog, so the dialog imports Lit from it rather than from a third
 * file. What the dialog loads later (client.watch) is bundled into the dialog's file.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/** The file names a page links to; the test and the README use these. */
export const browserFiles = { main: 'escalate-kit.min.js', dialog: 'escalate-kit.dialog.min.js' };

/** As an app's production build: production conditions (no Lit dev mode), minified ES2022. */
const common = {
  bundle: true,
  format: 'esm',
  minify: true,
  platform: 'browser',
  target: 'es2022',
  conditions: ['source', 'browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'error',
  // The sources use legacy decorators (tsconfig.base.json); esbuild must be told.
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
};

/**
 * Builds the two files into `outDir` and fails if the split is ever other than entry, dialog and
 * one chunk they share (a new lazy import of the entry would need a name here and a line in the
 * README).
 *
 * @param {string} packageDir the element package's folder
 * @param {string} [outDir] @default `${packageDir}/dist`
 */
export async function buildBrowserBundle(packageDir, outDir = join(packageDir, 'dist')) {
  const tmp = await mkdtemp(join(tmpdir(), 'escalate-kit-browser-'));
  try {
    const { metafile } = await build({
      ...common,
      absWorkingDir: packageDir,
      entryPoints: { entry: 'src/define.ts' },
      splitting: true,
      outdir: tmp,
      chunkNames: '[name]-[hash]',
      metafile: true,
    });
    const files = (await readdir(tmp)).filter((f) => f.endsWith('.js'));
    const dialog = files.filter((f) => f.startsWith('escalate-dialog-'));
    // The chunk the entry shares with the dialog: the one the entry imports statically. Chunks the
    // dialog itself loads later (client.watch's) are folded into the dialog's file below.
    const entryImports = Object.entries(metafile.outputs).find(([out]) => basename(out) === 'entry.js')?.[1].imports ?? [];
    const shared = entryImports.filter((i) => i.kind === 'import-statement').map((i) => basename(i.path));
    if (dialog.length !== 1 || shared.length !== 1 || !shared[0].startsWith('chunk-'))
      throw new Error(`browser build: expected entry, dialog and one chunk they share, got ${files.join(', ')}`);
    const [dialogFile, sharedFile] = [dialog[0], shared[0]];

    // The entry with the shared chunk inside it, exporting the shared chunk's names for the dialog.
    await build({
      ...common,
      stdin: { contents: `export * from './${sharedFile}';\nimport './entry.js';\n`, resolveDir: tmp, loader: 'js' },
      outfile: join(outDir, browserFiles.main),
      plugins: [renameImport(dialogFile, browserFiles.dialog)],
    });
    // The dialog, importing the shared code from the entry.
    await build({
      ...common,
      entryPoints: [join(tmp, dialogFile)],
      outfile: join(outDir, browserFiles.dialog),
      plugins: [renameImport(sharedFile, browserFiles.main)],
    });
    for (const f of Object.values(browserFiles)) {
      const text = await readFile(join(outDir, f), 'utf8');
      if (/\bchunk-|escalate-dialog-/.test(text)) throw new Error(`browser build: ${f} still names an intermediate chunk`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Leaves imports of the intermediate file `from` out of the bundle, importing `to` (beside it) instead. */
function renameImport(from, to) {
  return {
    name: 'escalate-kit/rename-import',
    setup(b) {
      b.onResolve({ filter: /^\.\/[^/]+\.js$/ }, (args) =>
        basename(args.path) === from ? { path: `./${to}`, external: true } : undefined,
      );
    },
  };
}
