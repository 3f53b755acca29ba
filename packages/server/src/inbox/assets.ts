/**
 * The inbox page: an HTML shell and one script. `pnpm build` writes the script to
 * `dist/inbox/app.js`; without a build (development, `pnpm start`) it is bundled on
 * start-up with esbuild, which takes well under a second.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface InboxAssets {
  html: string;
  script: string;
}

export const inboxHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Account team inbox · escalate-kit</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <main><escalation-inbox></escalation-inbox></main>
    <script type="module" src="/inbox/app.js"></script>
  </body>
</html>
`;

const built = new URL('../../dist/inbox/app.js', import.meta.url);
const entry = fileURLToPath(new URL('./inbox-app.ts', import.meta.url));

/** Bundles the inbox script (minified ESM). */
export async function bundleInbox(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    platform: 'browser',
    target: 'es2022',
    // `source`: workspace packages from their TypeScript; `production`: Lit without its dev warnings.
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  return result.outputFiles[0]!.text;
}

/** Writes `dist/inbox/app.js` (called by the package's build). */
export async function writeInboxBundle(): Promise<void> {
  await mkdir(new URL('.', built), { recursive: true });
  await writeFile(built, await bundleInbox());
}

/** The built inbox when there is one, else a fresh bundle. */
export async function loadInboxAssets(): Promise<InboxAssets> {
  const script = existsSync(built) ? await readFile(built, 'utf8') : await bundleInbox();
  return { html: inboxHtml, script };
}
