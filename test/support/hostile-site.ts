/**
 * The site the hostile-content suite renders in Chromium, on 127.0.0.1: the inbox and the API
 * with auth on (as they run by default), a page with `<escalate-button>` built as a host would
 * bundle it, posting to a handler of its own with auth off (`/element-api/…`), and no CSP on that
 * page: markup that became an element there would run, so the count of scripts run means
 * something without counting on the policy.
 */
import { build } from 'esbuild';
import {
  bundleInbox,
  createEscalationHandler,
  createLogger,
  createMemoryStore,
  inboxHtml,
  type EscalationHandler,
  type EscalationStore,
} from '../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../packages/server/src/node.ts';
import type { Browser, Page } from 'puppeteer-core';

const elementPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile content</title>
<link rel="icon" href="data:,"></head><body><main></main><script type="module" src="/assets/main.js"></script></body></html>`;

/** The element as an app bundles it: its lazy dialog a chunk of its own. */
async function bundleElement(): Promise<Map<string, Uint8Array>> {
  const result = await build({
    stdin: { contents: `import '@escalate-kit/element/define';`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: '/assets',
    entryNames: 'main',
    write: false,
    platform: 'browser',
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  return new Map(result.outputFiles.map((f) => [f.path, f.contents]));
}

export interface HostileSite {
  url: string;
  /** The store the inbox reads. */
  store: EscalationStore;
  /** The inbox's API, auth on. */
  handler: EscalationHandler;
  /** The same store, auth off: how the test posts escalations and notes. */
  open: EscalationHandler;
  /** What the element's page sent. */
  elementStore: EscalationStore;
  close(): Promise<void>;
}

export async function startHostileSite(): Promise<HostileSite> {
  const store = createMemoryStore();
  const elementStore = createMemoryStore();
  const quiet = { log: createLogger({ level: 'error' }), limits: { requestsPerMinute: 1e6 } };
  const [script, assets] = await Promise.all([bundleInbox(), bundleElement()]);
  const handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script }, ...quiet });
  const open = createEscalationHandler({ store, auth: false, ...quiet });
  const elementApi = createEscalationHandler({ store: elementStore, auth: false, ...quiet });
  const server: RunningServer = await serve({
    handler: async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/element') return new Response(elementPage, { headers: { 'content-type': 'text/html; charset=utf-8' } });
      const asset = assets.get(url.pathname);
      if (asset) return new Response(asset as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
      if (url.pathname.startsWith('/element-api/')) {
        const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
        return elementApi(
          new Request(`${url.origin}${url.pathname.slice('/element-api'.length)}${url.search}`, {
            method: request.method,
            headers: request.headers,
            body,
          }),
        );
      }
      return handler(request);
    },
  });
  return {
    url: server.url,
    store,
    handler,
    open,
    elementStore,
    async close() {
      await server.close();
      for (const h of [handler, open, elementApi]) h.close();
    },
  };
}

/** What a page did that it must not: script run by content, dialogs, CSP violations. */
export interface Watch {
  pwned: string[];
  dialogs: string[];
  violations(): Promise<string[]>;
}

/**
 * A fresh page that counts script run by content: `window.__pwned(tag)`, which every payload
 * calls, exposed through CDP (a CSP cannot stop the test's own binding); any dialog; and every
 * `securitypolicyviolation` (on the inbox, whose CSP would block an injected handler first).
 */
export async function watchedPage(browser: Browser): Promise<{ page: Page; watch: Watch }> {
  const page = await (await browser.createBrowserContext()).newPage();
  page.setDefaultTimeout(15_000);
  const watch: Watch = {
    pwned: [],
    dialogs: [],
    violations: () => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []),
  };
  await page.exposeFunction('__pwned', (tag: unknown) => void watch.pwned.push(String(tag)));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return { page, watch };
}
