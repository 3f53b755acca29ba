/**
 * `pnpm start` as people and process managers stop it: Ctrl-C in a terminal (SIGINT to the whole
 * process group) and SIGTERM to the pnpm process alone (systemd, Docker, CI). Either way the
 * demo closes its store, says "Stopped." and exits 0, leaving nothing listening behind it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Under `pnpm test`, pnpm names itself here; elsewhere the one on PATH.
const pnpm = process.env.npm_execpath?.includes('pnpm') ? [process.execPath, process.env.npm_execpath] : ['pnpm'];

async function startAndStop(signal: 'SIGINT' | 'SIGTERM', to: 'group' | 'pnpm') {
  const dataDir = await mkdtemp(join(tmpdir(), 'escalate-start-'));
  const [command, ...args] = [...pnpm, 'start'];
  // Its own process group, as a terminal gives a foreground job.
  const child = spawn(command!, args, {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: '0', ESCALATE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c));
  child.stderr.on('data', (c: Buffer) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 60_000;
    while (!/Ctrl-C to stop/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`pnpm start did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = /Task queue \(agent\):\s+(http:\/\/\S+?)\/?\s/.exec(output)![1]!;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    process.kill(to === 'group' ? -child.pid! : child.pid!, signal);
    const code = await exited;
    assert.equal(code, 0, `exit code 0, got ${code}:\n${output}`);
    assert.match(output, /Stopped\./);
    await assert.rejects(fetch(`${url}/healthz`), 'nothing is left listening');
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('pnpm start stops cleanly', () => {
  it('on SIGTERM to pnpm: "Stopped." and exit 0', () => startAndStop('SIGTERM', 'pnpm'));
  it('on Ctrl-C (SIGINT to the process group): "Stopped." and exit 0', () => startAndStop('SIGINT', 'group'));
});
