/**
 * `cem analyze --config custom-elements-manifest.config.mjs` (run by `pnpm build`, and by
 * Storybook on start): reads the class JSDoc (`@summary`, `@fires`, `@csspart`, `@cssprop`,
 * `@slot`) and the Lit `@property` declarations, and writes `custom-elements.json` here.
 * Storybook's autodocs and controls, editors, and the generated framework types
 * (scripts/framework-types.mjs) read that file.
 */
import { hidePrivateApi, publishedManifest } from './scripts/manifest-plugins.mjs';

export default {
  // The public modules only: what the package's entry points export, and the modules they
  // re-export from. The dialog's internals are not API and would name types no host can import.
  globs: [
    'src/index.ts',
    'src/define.ts',
    'src/context.ts',
    'src/escalate-button/escalate-button.ts',
    'src/escalate-button/events.ts',
    'src/escalate-provider/escalate-provider.ts',
    'src/outbox-events.ts',
    'src/strings/shell.ts',
    'src/strings/es.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest ("customElements"); the analyzer must not rewrite it.
  packagejson: false,
  plugins: [hidePrivateApi(), publishedManifest()],
};
