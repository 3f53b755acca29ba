import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const elementDir = fileURLToPath(new URL('../packages/element/', import.meta.url));

// Autodocs read packages/element/custom-elements.json. Regenerate it from the JSDoc on every
// start (about a second), so `pnpm storybook` on a fresh clone, or after an edit to the
// element's docs, never shows a missing or stale manifest. Same config as the package build.
const cem = createRequire(`${elementDir}package.json`).resolve('@custom-elements-manifest/analyzer/cem.js');
execFileSync(process.execPath, [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
  cwd: elementDir,
  stdio: 'inherit',
});

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // Storybook's own onboarding ("Get started 32%") is about Storybook, not about this project.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(config) {
    return {
      ...config,
      resolve: {
        ...config.resolve,
        // Workspace packages resolve to their TypeScript sources: no package build needed first.
        conditions: ['source', ...defaultClientConditions],
      },
      // Lit decorators need `experimentalDecorators` and `useDefineForClassFields: false`
      // (tsconfig.base.json). Vite's oxc transform reads them from the nearest tsconfig.json,
      // which for packages/*/src and stories/ is the root one (it extends the base); the
      // explicit options below make the build independent of that lookup.
      oxc: {
        ...(typeof config.oxc === 'object' ? config.oxc : {}),
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
      server: { ...config.server, fs: { ...config.server?.fs, allow: [...(config.server?.fs?.allow ?? []), root] } },
    };
  },
};

export default config;
