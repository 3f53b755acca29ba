/**
 * `cem analyze --config custom-elements-manifest.config.mjs` (run by `pnpm build`, and by
 * Storybook on start): reads the class JSDoc (`@summary`, `@fires`, `@csspart`, `@cssprop`,
 * `@slot`) and the Lit `@property` declarations, and writes `custom-elements.json` here.
 * Storybook's autodocs and controls, and editors, read that file.
 */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest ("customElements"); the analyzer must not rewrite it.
  packagejson: false,
  plugins: [hidePrivateApi()],
};

/**
 * Keeps the manifest to the public API: Lit's `@state() private` fields, `#private` members
 * and `protected`/`static` lifecycle overrides are implementation, not something a host sets.
 */
function hidePrivateApi() {
  return {
    name: 'escalate-kit/hide-private-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.members) continue;
          decl.members = decl.members.filter(
            (m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
          );
        }
      }
    },
  };
}
