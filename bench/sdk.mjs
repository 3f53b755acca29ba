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
/** Spaced calls: a pause after each (outside the time measured), fewer per batch to keep the section short. */
const SPACED = { gap: 10, iterations: Math.max(10, Math.round(ITERATIONS / 2)) };

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
  const node = { endpoint: `${server.url}/api/escalations` };
  const chromium = { endpoint: '/api/escalations' };
  const runs = {
    node: await inNode(pages, { ...options, ...node }),
    chromium: await inChromium(browser, server.url, pages, { ...options, ...chromium }),
    nodeSpaced: await inNode(pages, { reps: REPS, ...SPACED, ...node }),
    chromiumSpaced: await inChromium(browser, server.url, pages, { reps: REPS, ...SPACED, ...chromium }),
  };
  const row = (what, r) => {
    // The ratio of each pair of neighbouring batches, then the median: load that drifts over the
    // section's seconds cancels out of each pair.
    const ratios = r.sdk.map((sdk, i) => sdk / r.raw[i]);
    const m = median(ratios);
    return [what, ms(median(r.sdk)), `raw fetch ${ms(median(r.raw))}`, ratio(m), '≤ 1.05×', holds(m <= 1.05)];
  };
  return {
    title: '4. SDK vs raw fetch',
    head: ['where', 'client.escalate()', 'baseline', 'ratio', 'target', 'holds'],
    rows: [
      row('Node: one escalation, sequential', runs.node),
      row('Chromium: one escalation, sequential', runs.chromium),
      row('Node: one escalation, spaced', runs.nodeSpaced),
      row('Chromium: one escalation, spaced', runs.chromiumSpaced),
    ],
    notes: [
      `Per call: ${REPS} × ${ITERATIONS} calls of each in batches of a tenth, SDK and raw batches in turn, after one warm-up batch of each; the ms are the medians of the batches' ms per call, the ratio the median of each neighbouring pair's ratio. The raw fetch sends the body the SDK sent (a fresh id and createdAt each time, JSON.stringify included) with Content-Type, Accept and Idempotency-Key, and reads the JSON answer; the client has its default outbox (IndexedDB in Chromium, memory in Node).`,
      `Sequential: each call starts when the previous one resolved, so the SDK's outbox delete of the previous escalation (not awaited: it is reported first) runs beside the next request. Spaced: ${REPS} × ${SPACED.iterations} calls of each, every call followed by a ${SPACED.gap} ms pause that is not timed, as an agent sends them: what one call costs.`,
    ],
  };
}
