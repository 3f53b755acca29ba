/**
 * Section 3, click to dialog: from a real click (DevTools `Input.dispatchMouseEvent`: the
 * pointer moves onto the button, presses, releases) to focus in the dialog's first field, the
 * category <select>; against the least a lazy dialog can be (fixtures/lazy-button.mjs).
 * Cold: a fresh browser context (no HTTP or module cache) with the button's idle-time preload
 * switched off, i.e. a click before the page went idle; warm: the second open in that page.
 */
import { holds, ms, ratio } from './format.mjs';
import { interleave, medianOf } from './stats.mjs';

function page(variant, pages) {
  const rows = Array.from({ length: 20 }, (_, i) =>
    variant === 'element'
      ? `<li><escalate-button task-id="T-${i}" task-title="Task ${i}" customer-name="Customer ${i}"></escalate-button></li>`
      : `<li><button type="button" data-open>Escalate</button></li>`,
  ).join('');
  const list =
    variant === 'element'
      ? `<escalate-provider endpoint="/api/escalations" agent-id="agent-7"><ul>${rows}</ul></escalate-provider>`
      : `<ul>${rows}</ul>`;
  const script = `<script type="module" src="${pages.entry(variant)}"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${variant}</title></head><body>${list}${script}</body></html>`;
}

/**
 * Runs in the page before its scripts. Starts the clock at the first pointer event of a click
 * and stops it when focus, followed through shadow roots, lands on a <select>. Idle callbacks
 * never run: the cold click must find nothing preloaded.
 */
function instrument() {
  window.requestIdleCallback = () => 0;
  const clock = (window.__click = { reset() {}, done: undefined });
  clock.reset = () => {
    clock.t0 = undefined;
    clock.done = new Promise((resolve) => (clock.resolve = resolve));
  };
  clock.reset();
  for (const type of ['pointerover', 'pointerdown']) addEventListener(type, () => (clock.t0 ??= performance.now()), { capture: true });
  const onFocus = () => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active?.tagName === 'SELECT' && clock.t0 !== undefined) clock.resolve(performance.now() - clock.t0);
  };
  document.addEventListener('focusin', onFocus, { capture: true });
  // Focus moving inside one shadow root (the button → its dialog's select) never reaches the
  // document: the event stops at the root when the host keeps focus. So every root listens too.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    root.addEventListener('focusin', onFocus, { capture: true });
    return root;
  };
}

async function click(cdp, tab, selector) {
  const { x, y } = await tab.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 0, y: 0 });
  await tab.evaluate(() => window.__click.reset());
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
  return tab.evaluate(() => window.__click.done);
}

async function measure(browser, base, variant) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    const cdp = await tab.createCDPSession();
    await tab.evaluateOnNewDocument(instrument);
    await tab.goto(`${base}/click-${variant}.html`, { waitUntil: 'load' });
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    const selector = variant === 'element' ? 'escalate-button' : 'button[data-open]';
    const cold = await click(cdp, tab, selector);
    await tab.evaluate(() => {
      const host = document.querySelector('escalate-button');
      if (host) host.close();
      else document.querySelector('dialog').close();
      return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
    });
    const warm = await click(cdp, tab, selector);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

export async function clickToDialog({ browser, server, pages }) {
  for (const v of ['element', 'lazy']) server.pages[`/click-${v}.html`] = page(v, pages);
  const samples = await interleave(['element', 'lazy'], (v) => measure(browser, server.url, v));
  const row = (kind, target) => {
    const e = medianOf(samples.get('element'), kind);
    const b = medianOf(samples.get('lazy'), kind);
    return [
      `${kind}: click → focus in the category select`,
      ms(e),
      `minimal lazy dialog ${ms(b)}`,
      ratio(e / b),
      `≤ ${target}×`,
      holds(e / b <= target),
    ];
  };
  return {
    title: '3. Click to dialog (Chromium)',
    head: ['measure', 'escalate-button', 'baseline', 'ratio', 'target', 'holds'],
    rows: [row('cold', 1.5), row('warm', 1.2)],
    notes: [
      'The clock starts at the first pointer event the page sees (the pointer entering the button, which is when escalate-button starts loading its dialog) and stops when focus, followed through shadow roots, lands on the select. Both pages are 20 rows, served by the bench on 127.0.0.1 with no caching; each cold measurement is a new browser context.',
    ],
  };
}
