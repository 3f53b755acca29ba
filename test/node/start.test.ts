/**
 * `pnpm start` as people and process managers stop it: Ctrl-C in a terminal (SIGINT to the whole
 * process group) and SIGTERM to the pnpm process alone (systemd, Docker, CI). Either way the
 * demo closes its store, says "Stopped." and exits 0, leaving nothing listening behind it. A fresh
 * start needs no set-up: it prints the inbox's sign-in and the demo's API key, which work, and the
 * next start on the same data folder prints the same two.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Under `pnpm test`, pnpm names itself here; elsewhere the one on PATH.
const pnpm = process.env.npm_execpath?.includes('pnpm') ? [process.execPath, process.env.npm_execpath] : ['pnpm'];

/** What a start printed for signing in. */
interface Printed {
  email: string;
  password: string;
  key: string;
}

/** Reads the sign-in and key lines, and checks both work against the running server. */
async function checkAccess(url: string, output: string): Promise<Printed> {
  const signIn = /^ {2}Inbox sign-in: (\S+@\S+) \/ (\S+)$/m.exec(output);
  const key = /^ {2}Demo API key: (ek_\S+)$/m.exec(output);
  assert.ok(signIn && key, `the sign-in and key lines are printed:\n${output}`);
  const [, email, password] = signIn;
  assert.equal(email, 'lead@example.com');
  const session = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(session.status, 200, 'the printed password signs in');
  const listed = await fetch(`${url}/api/escalations`, { headers: { authorization: `Bearer ${key[1]}` } });
  assert.equal(listed.status, 200, 'the printed key is a working API key');
  return { email: email!, password: password!, key: key[1]! };
}

async function startAndStop(signal: 'SIGINT' | 'SIGTERM', to: 'group' | 'pnpm', dataDir: string): Promise<Printed> {
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
    const printed = await checkAccess(url, output);
    process.kill(to === 'group' ? -child.pid! : child.pid!, signal);
    const code = await exited;
    assert.equal(code, 0, `exit code 0, got ${code}:\n${output}`);
    assert.match(output, /Stopped\./);
    await assert.rejects(fetch(`${url}/healthz`), 'nothing is left listening');
    return printed;
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
}

describe('pnpm start stops cleanly, and says how to sign in', () => {
  // One data folder: the second start finds what the first one made.
  let dataDir: string;
  let first: Printed;
  before(async () => (dataDir = await mkdtemp(join(tmpdir(), 'escalate-start-'))));
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('on SIGTERM to pnpm: "Stopped." and exit 0; a fresh start prints a working sign-in and key', async () => {
    first = await startAndStop('SIGTERM', 'pnpm', dataDir);
    const file = await stat(join(dataDir, 'demo-access.json'));
    assert.equal(file.mode & 0o777, 0o600, 'the credentials file is for its owner only');
  });

  it('on Ctrl-C (SIGINT to the process group): "Stopped." and exit 0; the next start prints the same sign-in and key', async () => {
    assert.deepEqual(await startAndStop('SIGINT', 'group', dataDir), first);
  });
});
