/**
 * Section 6, server start and memory: from spawning the demo server (packages/demo/start.ts,
 * what `pnpm start` runs) to its first 200 on GET /healthz, and its resident memory once idle.
 * Three ways to start it: bundled to JavaScript by esbuild (as production would run it), the
 * way `pnpm start` does today (`node --import tsx`, TypeScript compiled on the fly) and
 * `pnpm start` itself; against a Node process that only answers HTTP (fixtures/floor-server.mjs).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBuild, root } from './build.mjs';
import { holdsEach, ms, num, ratio } from './format.mjs';
import { rss } from './proc.mjs';
import { interleave, medianOf } from './stats.mjs';

const IDLE_MS = 1000;
const MB = 2 ** 20;

/** The node process doing the work: `pnpm start` execs node under pnpm, so it is pnpm's child. */
async function nodePid(pid, viaPnpm) {
  if (!viaPnpm) return pid;
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/);
  return Number(children[0]);
}

async function startOnce(command, args, dataDir, viaPnpm = false) {
  const t0 = performance.now();
  // Its own process group, so that stopping it stops pnpm's child too.
  const child = spawn(command, args, { cwd: root, detached: true, env: { ...process.env, PORT: '0', ESCALATE_DATA_DIR: dataDir } });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  try {
    let url;
    for (;;) {
      url ??= /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited:\n${out}`);
      if (performance.now() - t0 > 60_000) throw new Error(`${args.join(' ')} did not come up:\n${out}`);
      if (
        url &&
        (await fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        ))
      )
        break;
      await new Promise((ok) => setTimeout(ok, 5));
    }
    const time = performance.now() - t0;
    await new Promise((ok) => setTimeout(ok, IDLE_MS));
    return { time, rss: rss(await nodePid(child.pid, viaPnpm)) };
  } finally {
    const exited = new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export async function serverStart({ pages }) {
  const built = join(pages.dir, 'demo-start.mjs');
  await nodeBuild({ entryPoints: [join(root, 'packages/demo/start.ts')], outfile: built });
  const pnpm = process.env.npm_execpath?.includes('pnpm') ? [process.execPath, process.env.npm_execpath] : ['pnpm'];
  const ways = {
    floor: [process.execPath, [fileURLToPath(new URL('./fixtures/floor-server.mjs', import.meta.url))]],
    built: [process.execPath, [built]],
    tsx: [process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/demo/start.ts']],
    pnpm: [pnpm[0], [...pnpm.slice(1), 'start']],
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'escalate-bench-start-'));
  try {
    // One start first, not counted: it migrates the data folder every later start reuses (as
    // any start after the first does), and brings the code into the disk cache.
    await startOnce(...ways.built, dataDir);
    const samples = await interleave(Object.keys(ways), (name) => startOnce(...ways[name], dataDir, name === 'pnpm'));
    const m = (name, field) => medianOf(samples.get(name), field);
    const floor = m('floor', 'time');
    const row = (name, what, target) => {
      const [time, mem] = [m(name, 'time'), m(name, 'rss')];
      return [
        what,
        `${ms(time)} · ${num(mem / MB)} MB`,
        `node:http alone ${ms(floor)} · ${num(m('floor', 'rss') / MB)} MB`,
        ratio(time / floor),
        target ? '≤ 1.5 s, ≤ 250 MB' : 'reported',
        target ? holdsEach(time <= 1500, mem <= 250 * MB) : `(time ${time <= 1500 ? 'yes' : 'no'} · RSS ${mem <= 250 * MB ? 'yes' : 'no'})`,
      ];
    };
    return {
      title: '6. Server start and memory (the demo server, packages/demo/start.ts)',
      head: ['started as', 'to first healthy /healthz · idle RSS', 'baseline', 'time ratio', 'target', 'holds'],
      rows: [
        row('built', 'built JavaScript (esbuild bundle, `node demo-start.mjs`)', true),
        row('tsx', 'today: `node --conditions=source --import tsx packages/demo/start.ts`'),
        row('pnpm', 'today: `pnpm start` (the same, under pnpm)'),
      ],
      notes: [
        `Time from spawn to the first 2xx on GET /healthz (polled every 5 ms once the URL is printed); RSS of the node process ${IDLE_MS} ms after that. Every start uses one PGlite data folder, migrated by an uncounted first start; PORT=0.`,
      ],
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
