import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { before, describe, it } from 'node:test';
import { chromeArgs, findChrome } from '../support/find-chrome.mjs';

describe('@escalate-kit/element in Node (SSR)', () => {
  it('imports without touching window or registering elements', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    const mod = await import('@escalate-kit/element');
    assert.equal(typeof mod.EscalateButton, 'function');
    assert.equal(typeof mod.EscalateProvider, 'function');
    assert.equal(new mod.EscalateSuccessEvent('T-1', {} as never, {} as never).type, 'escalate-success');
    // Lit's Node build provides a customElements shim; importing the classes must not use it.
    const registry = (globalThis as { customElements?: { get(name: string): unknown } }).customElements;
    assert.equal(registry?.get('escalate-button'), undefined);
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  });

  it('exports strings and events that are plain data and classes', async () => {
    const { es } = await import('@escalate-kit/element/strings/es');
    assert.equal(es.submit, 'Escalar al equipo de cuentas');
    assert.equal(es.script.when.includes('{window}'), true);
  });
});

/**
 * Server render with @lit-labs/ssr, then hydration in Chromium (@lit-labs/ssr-client). The server
 * cannot know a provider's settings (context reaches a button only in the browser), so it must not
 * say "not available"; hydration adopts the server's DOM without writing it, so the button must
 * render again with what the browser knows, attributes and description alike.
 */
describe('@escalate-kit/element rendered on the server and hydrated in Chromium', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><title>SSR</title><link rel="icon" href="data:,"></head><body>${body}<script type="module" src="/client.js"></script></body></html>`;
  let ssrHtml = '';

  before(async () => {
    const { render } = await import('@lit-labs/ssr');
    const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
    const { html } = await import('lit');
    await import('@escalate-kit/element/define');
    ssrHtml = await collectResult(
      render(html`
        <escalate-provider endpoint="/api/escalations"><escalate-button task-id="T-1"></escalate-button></escalate-provider>
        <escalate-provider id="es" endpoint="/api/escalations"><escalate-button task-id="T-2"></escalate-button></escalate-provider>
        <escalate-button task-id="T-3"></escalate-button>
      `),
    );
  });

  it('renders without throwing and never says "not available" for a button under a provider', () => {
    const shadow = ssrHtml.match(/<escalate-button[^>]*task-id="T-1"[^>]*>([\s\S]*?)<\/escalate-button>/)?.[1] ?? '';
    assert.match(shadow, /<template shadowroot(mode)?="open"/, 'declarative shadow DOM');
    const button = shadow.match(/<button[^>]*part="button"[^>]*>/)?.[0] ?? '';
    assert.match(button, /aria-haspopup="dialog"/);
    assert.doesNotMatch(button, /aria-disabled|aria-describedby/);
    assert.doesNotMatch(ssrHtml, /not available/);
  });

  it('hydrates: enabled with no "not available" under a provider, the provider\'s strings, and unavailable without one', async () => {
    const { build } = await import('esbuild');
    const puppeteer = (await import('puppeteer-core')).default;
    const client = await build({
      // Hydration support must load before Lit's element class; the page sets the Spanish
      // strings on a provider before the elements are defined, as a host's script would.
      stdin: {
        contents: `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
          import { es } from '@escalate-kit/element/strings/es';
          document.querySelector('#es').strings = es;
          window.hydrated = import('@escalate-kit/element/define').then(async () => {
            await new Promise((r) => setTimeout(r, 100));
            for (const el of document.querySelectorAll('escalate-button')) await el.updateComplete;
          });`,
        resolveDir: process.cwd(),
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      conditions: ['source', 'browser', 'development'],
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
      logLevel: 'error',
    });
    const server = createServer((req, res) => {
      const js = req.url === '/client.js';
      res.writeHead(js || req.url === '/' ? 200 : 404, { 'content-type': js ? 'text/javascript' : 'text/html' });
      res.end(js ? client.outputFiles[0]!.contents : req.url === '/' ? page(ssrHtml) : '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    try {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await tab.evaluate(() => (window as unknown as { hydrated: Promise<void> }).hydrated);
      assert.deepEqual(errors, [], 'no hydration error');

      const cdp = await tab.createCDPSession();
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      /** What the accessibility tree says of the button inside `<escalate-button task-id=…>`. */
      const ax = async (taskId: string) => {
        const { result } = await cdp.send('Runtime.evaluate', {
          expression: `document.querySelector('escalate-button[task-id="${taskId}"]').shadowRoot.querySelector('button')`,
        });
        const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId! });
        const n = nodes.find((x) => x.backendDOMNodeId === node.backendNodeId && !x.ignored);
        assert.equal(n?.role?.value, 'button', `${taskId} is a button in the accessibility tree`);
        return {
          name: String(n?.name?.value ?? '').trim(),
          disabled: n?.properties?.find((p) => p.name === 'disabled')?.value?.value === true,
          description: String(n?.description?.value ?? ''),
        };
      };
      const buttons = [await ax('T-1'), await ax('T-2'), await ax('T-3')];
      assert.deepEqual(buttons[0], { name: 'Escalate', disabled: false, description: '' }, 'under a provider with an endpoint');
      assert.equal(buttons[1]!.name, 'Escalar', "the provider's strings, written after hydration");
      assert.equal(buttons[1]!.disabled, false);
      assert.doesNotMatch(buttons[1]!.description, /not available|no está disponible/i);
      // No provider, no endpoint: the server said nothing; the browser knows, and says it.
      assert.equal(buttons[2]!.disabled, true);
      assert.match(buttons[2]!.description, /not available/);
    } finally {
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

interface AxNode {
  ignored?: boolean;
  backendDOMNodeId?: number;
  role?: { value?: string };
  name?: { value?: unknown };
  description?: { value?: unknown };
  properties?: { name: string; value?: { value?: unknown } }[];
}
