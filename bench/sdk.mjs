/**
 * Section 4, SDK vs raw fetch: what `client.escalate()` (validation, ky, retries armed,
 * receipt check) costs over a bare `fetch` POST of the same body and headers, against the same
 * local endpoint (bench/serve.mjs answers a receipt at once), in Node and in Chromium. The
 * loop (fixtures/sdk-compare.mjs) alternates batches of sequential calls.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBuild } from './build.mjs';
import { holds, ms, ratio } from './format.mjs';
import { median, REPS } from './stats.mjs';

const ITERATIONS = Number(process.env.BENCH_SDK_ITERATIONS ?? 100);

/** Node: the loop in a process of its own, so the endpoint (in this process) does not share its event loop. */
async function inNode(pages, options) {
  const file = join(pages.dir, 'sdk-node.mjs');
  await nodeBuild({ entryPoints: [fileURLToPath(new URL('./fixtures/sdk-node.mjs', import.meta.url))], outfile: file });
  const child = spawn(process.execPath, [file, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const code = await new Promise((ok) => child.on('exit', ok));
  if (code !== 0) throw new Error(`the Node SDK loop exited ${code}`);
  return JSON.parse(out);
}

async function inChromium(browser, base, pages, options) {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${base}/sdk.html`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.bench);
    return await tab.evaluate((o) => window.bench.compare(o), options);
  } finally {
    await tab.close();
  }
}

export async function sdkVsFetch({ browser, server, pages }) {
  server.pages['/sdk.html'] =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sdk</title><script type="module" src="${pages.entry('sdk')}"></script></head><body></body></html>`;
  const options = { reps: REPS, iterations: ITERATIONS };
  const node = await inNode(pages, { ...options, endpoint: `${server.url}/api/escalations` });
  const chromium = await inChromium(browser, server.url, pages, { ...options, endpoint: '/api/escalations' });
  const row = (where, r) => {
    const sdk = median(r.sdk) / ITERATIONS;
    const raw = median(r.raw) / ITERATIONS;
    return [`${where}: one escalation, sequential`, ms(sdk), `raw fetch ${ms(raw)}`, ratio(sdk / raw), '≤ 1.05×', holds(sdk / raw <= 1.05)];
  };
  return {
    title: '4. SDK vs raw fetch',
    head: ['where', 'client.escalate()', 'baseline', 'ratio', 'target', 'holds'],
    rows: [row('Node', node), row('Chromium', chromium)],
    notes: [
      `Per call: the median over ${REPS} batches of ${ITERATIONS} sequential calls each, SDK and raw batches alternating, after one warm-up batch of each. The raw fetch sends the body the SDK sent (a fresh id and createdAt each time, JSON.stringify included) with Content-Type, Accept and Idempotency-Key, and reads the JSON answer; the client has its default outbox (IndexedDB in Chromium, memory in Node).`,
    ],
  };
}
