import { defaultClientConditions, defineConfig } from 'vite';

// One Vite config for the demo (`pnpm start`). `source` makes workspace packages resolve
// to their TypeScript sources, so the demo runs without building them first.
export default defineConfig({
  root: 'packages/demo',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5173 },
});
