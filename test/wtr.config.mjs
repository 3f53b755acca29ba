import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { axTreePlugin } from './support/ax-tree-plugin.mjs';
import { visualOptions } from './support/visual.mjs';
import { fileURLToPath } from 'node:url';
import { chromeArgs, findChrome } from './support/find-chrome.mjs';
import { countReporter } from './support/wtr-count-reporter.mjs';
import { createScenarioServer } from './support/scenario-server.ts';
import { receiptMiddleware } from './browser/support/receipts.ts';

const scenario = createScenarioServer();
const root = fileURLToPath(new URL('..', import.meta.url));

export default {
  rootDir: root,
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  // The visual test plays each story once and takes four screenshots of it.
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: chromeArgs },
    }),
  ],
  plugins: [
    // The accessibility tree as Chromium exposes it (CDP), for tests of required/invalid states.
    axTreePlugin(),
    visualRegressionPlugin(visualOptions),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // Read raw (no `extends`): the base holds the decorator settings.
      tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)),
    }),
  ],
  middleware: [
    // Receipts that carry `notification`, for what the success panel says about the team's e-mail.
    receiptMiddleware(),
    async (ctx, next) => {
      if (!/^\/scenario/.test(ctx.path)) return next();
      // The scenario server writes the raw response; status 200 only keeps wtr from listing it as a 404.
      ctx.status = 200;
      ctx.respond = false;
      scenario.handler(ctx.req, ctx.res);
    },
  ],
  reporters: [defaultReporter(), countReporter(fileURLToPath(new URL('.results/browser.json', import.meta.url)))],
};
