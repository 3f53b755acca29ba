/**
 * Headless Chromium for the browser sections: the system one (test/support/find-chrome.mjs,
 * with its flags), never a downloaded build; and the DevTools-protocol reads they share.
 */
import puppeteer from 'puppeteer-core';
import { chromeArgs, findChrome } from '../test/support/find-chrome.mjs';

export function launch() {
  return puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
}

/** Main-thread time Chromium spent so far (s), and what it spent on script and on style + layout. */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map(({ name, value }) => [name, value]));
  return { task: m.TaskDuration, script: m.ScriptDuration, layout: m.LayoutDuration + m.RecalcStyleDuration, heap: m.JSHeapUsedSize };
}

/** JS heap in use after a full GC, and the live DOM nodes and event listeners. */
export async function memory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { heap } = await metrics(cdp);
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { heap, nodes, listeners: jsEventListeners };
}
