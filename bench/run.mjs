#!/usr/bin/env node
/**
 * `pnpm bench`: measures escalate-kit as the working tree is now (sizes, render scaling, click
 * to dialog, SDK vs fetch, server throughput, server start) and writes bench/results.md. One
 * section or a few: `pnpm bench sizes click` (printed only: results.md always has them all). Reports, never fails on a target: the byte
 * budgets that stop regressions are in `pnpm test` (test/node/budgets.test.ts).
 */
import { launch } from './browser.mjs';
import { clickToDialog } from './click.mjs';
import { holds } from './format.mjs';
import { load, machine } from './machine.mjs';
import { buildPages } from './pages.mjs';
import { render } from './render.mjs';
import { writeReport } from './report.mjs';
import { sdkVsFetch } from './sdk.mjs';
import { serverThroughput } from './server.mjs';
import { serveStatic } from './serve.mjs';
import { sizes } from './sizes.mjs';
import { serverStart } from './start.mjs';

// In this order: the browser sections first, then the ones that load every CPU.
const sections = { sizes, render, click: clickToDialog, sdk: sdkVsFetch, server: serverThroughput, start: serverStart };
const browserSections = new Set(['render', 'click', 'sdk']);
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(sections);
const unknown = chosen.filter((name) => !sections[name]);
if (unknown.length) {
  console.error(`Unknown section ${unknown.join(', ')}: choose from ${Object.keys(sections).join(', ')}.`);
  process.exit(2);
}

const t0 = performance.now();
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const loadStart = load();
const pages = await buildPages();
const pageMap = {};
const server = { ...(await serveStatic(pages.dir, pageMap)), pages: pageMap };
const browser = chosen.some((name) => browserSections.has(name)) ? await launch() : undefined;
const results = [];
try {
  for (const name of chosen) {
    const started = performance.now();
    process.stdout.write(`▶ ${name}… `);
    try {
      results.push(await sections[name]({ browser, server, pages }));
    } catch (error) {
      // One broken section (the code under test may be mid-change) must not hide the others.
      console.error(error);
      results.push({
        title: name,
        head: ['section', 'holds'],
        rows: [[`could not be measured: ${error.message.split('\n')[0]}`, holds()]],
      });
    }
    console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  await browser?.close();
  await server.close();
  await pages.remove();
}
const text = await writeReport(chosen.length === Object.keys(sections).length, {
  date,
  seconds: (performance.now() - t0) / 1000,
  machine: machine(),
  loadStart,
  loadEnd: load(),
  sections: results,
});
console.log(`\n${text}`);
