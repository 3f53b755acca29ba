/**
 * Section 2, render scaling: N rows of <escalate-button> in a provider against N plain
 * <button>s and N of a trivial Lit element (fixtures/trivial-element.mjs), in Chromium. Each
 * measurement is a fresh page: heap and DOM counters after GC before and after, the rows
 * inserted at once and timed to the end of a forced layout (Lit renders in microtasks, so
 * every row's updateComplete is awaited inside the timing, for both Lit variants).
 */
import { metrics, memory } from './browser.mjs';
import { holds, holdsEach, kB, ms, num, ratio } from './format.mjs';
import { interleave, medianOf } from './stats.mjs';

const SIZES = [100, 1000, 5000];
const rows = {
  plain: (i) => `<li><button type="button" data-task-id="T-${i}">Escalate</button></li>`,
  trivial: (i) => `<li><trivial-button task-id="T-${i}"></trivial-button></li>`,
  element: (i) =>
    `<li><escalate-button task-id="T-${i}" task-title="Task ${i}" customer-name="Customer ${i}" customer-email="c${i}@example.com"></escalate-button></li>`,
};

function page(variant, pages) {
  const script = variant === 'plain' ? '' : `<script type="module" src="${pages.entry(variant)}"></script>`;
  const list =
    variant === 'element' ? '<escalate-provider endpoint="/api/escalations" agent-id="agent-7"><ul></ul></escalate-provider>' : '<ul></ul>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${variant}</title>${script}</head><body>${list}</body></html>`;
}

/** In the page: insert the rows, wait for every Lit update, force style and layout. */
async function renderRows(markup) {
  const ul = document.querySelector('ul');
  const t0 = performance.now();
  ul.innerHTML = markup;
  await Promise.all([...ul.querySelectorAll('li > *')].map((el) => el.updateComplete));
  void document.body.offsetHeight;
  return performance.now() - t0;
}

/** In the page: until idle twice, so that idle work a row scheduled (the dialog's preload) is done. */
const settle = () =>
  new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => setTimeout(done, 50), { timeout: 2000 }), { timeout: 2000 }));

async function measure(browser, base, pages, variant, n) {
  const tab = await browser.newPage();
  try {
    const cdp = await tab.createCDPSession();
    await cdp.send('Performance.enable');
    await tab.goto(`${base}/render-${variant}.html`, { waitUntil: 'load' });
    // The dialog chunk loads once per page whatever the number of rows: load it before the
    // "before" snapshot so that per-row heap is per row. Nothing is rendered by it.
    if (variant === 'element') await tab.evaluate((url) => import(url), pages.chunk('element', 'escalate-dialog.ts'));
    await tab.evaluate(settle);
    const before = { ...(await memory(cdp)), ...(await metrics(cdp)) };
    const markup = Array.from({ length: n }, (_, i) => rows[variant](i)).join('');
    const time = await tab.evaluate(renderRows, markup);
    const cpu = await metrics(cdp);
    await tab.evaluate(settle);
    const after = await memory(cdp);
    return {
      time,
      script: (cpu.script - before.script) * 1000,
      layout: (cpu.layout - before.layout) * 1000,
      heap: (after.heap - before.heap) / n,
      nodes: (after.nodes - before.nodes) / n,
      listeners: (after.listeners - before.listeners) / n,
    };
  } finally {
    await tab.close();
  }
}

export async function render({ browser, server, pages }) {
  for (const v of Object.keys(rows)) server.pages[`/render-${v}.html`] = page(v, pages);
  const variants = SIZES.flatMap((n) => Object.keys(rows).map((v) => `${v}:${n}`));
  const samples = await interleave(variants, (key) => {
    const [v, n] = key.split(':');
    return measure(browser, server.url, pages, v, Number(n));
  });
  const m = (v, n, field) => medianOf(samples.get(`${v}:${n}`), field);
  const table = [];
  for (const n of SIZES) {
    const [t, p, l] = ['element', 'plain', 'trivial'].map((v) => m(v, n, 'time'));
    const at1000 = n === 1000;
    table.push([
      `${num(n)} rows: CPU time, render + layout`,
      `${ms(t)} (script ${ms(m('element', n, 'script'))}, style + layout ${ms(m('element', n, 'layout'))})`,
      `plain ${ms(p)} · trivial Lit ${ms(l)}`,
      `${ratio(t / p)} · ${ratio(t / l)}`,
      at1000 ? '≤ 2.5× · ≤ 1.25×' : '',
      at1000 ? holdsEach(t / p <= 2.5, t / l <= 1.25) : '',
    ]);
  }
  for (const n of SIZES) {
    const heap = m('element', n, 'heap');
    table.push([
      `${num(n)} rows: per row, heap · DOM nodes · listeners`,
      `${kB(heap)} · ${num(m('element', n, 'nodes'), 1)} · ${num(m('element', n, 'listeners'), 1)}`,
      `plain ${kB(m('plain', n, 'heap'))} · ${num(m('plain', n, 'nodes'), 1)} · ${num(m('plain', n, 'listeners'), 1)}; trivial Lit ${kB(m('trivial', n, 'heap'))} · ${num(m('trivial', n, 'nodes'), 1)} · ${num(m('trivial', n, 'listeners'), 1)}`,
      `${ratio(heap / m('trivial', n, 'heap'))} of trivial Lit heap`,
      n === 1000 ? '≤ 0.8 kB heap per row' : '',
      n === 1000 ? holds(heap <= 0.8 * 1024) : '',
    ]);
  }
  const growth = (v) => m(v, 5000, 'time') / m(v, 1000, 'time');
  table.push([
    'growth of CPU time, 1,000 → 5,000 rows (linear ≈ 5×)',
    ratio(growth('element')),
    `plain ${ratio(growth('plain'))} · trivial Lit ${ratio(growth('trivial'))}`,
    '',
    'reported',
    '',
  ]);
  return {
    title: '2. Render scaling (Chromium)',
    head: ['measure', 'escalate-button', 'baselines', 'ratio', 'target', 'holds'],
    rows: table,
    notes: [
      'CPU time is `performance.now()` around inserting the rows, awaiting every Lit update and a forced layout (one task, so wall time is main-thread time); script and style + layout come from `Performance.getMetrics` deltas.',
      'Heap is `JSHeapUsedSize` after `HeapProfiler.collectGarbage`, nodes and listeners from `Memory.getDOMCounters`, each as (after − before) / rows, after the page went idle twice; the dialog chunk is loaded before "before" (it loads once per page, not per row).',
    ],
  };
}
