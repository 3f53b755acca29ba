/**
 * `pnpm escalate`, run as a person runs it: the real program in a child process, on a data folder
 * of its own (PGlite, as `pnpm start` uses it). What it adds is then used through the API: the
 * people sign in with the password it printed, the key it printed sends an escalation, and what
 * it revokes or removes stops working. Wrong command lines exit 2 naming the argument at fault.
 * The side cases run `runCli` (the same entry) in this process: each child costs seconds.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createEscalationHandler, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { runCli } from '../../../packages/server/src/cli/main.ts';
import type { Io } from '../../../packages/server/src/cli/io.ts';
import { openDataStore } from '../../../packages/server/src/node.ts';
import { BASE, postRequest, wire } from '../../support/fixtures.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const program = ['--conditions=source', '--import', 'tsx', 'packages/server/src/cli/main.ts'];

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without DATABASE_URL: these tests are about PGlite in a folder of their own. */
function envFor(dataDir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unused, ...env } = process.env;
  return { ...env, ESCALATE_DATA_DIR: dataDir };
}

function escalate(dataDir: string, args: string[], stdin?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...program, ...args], { cwd: root, env: envFor(dataDir), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** `runCli`, the program's own entry, in this process with its output captured. */
async function inProcess(dataDir: string, args: string[], stdin = ''): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
    readStdin: async () => stdin,
    clock: () => new Date(),
  };
  return { code: await runCli(args, io, envFor(dataDir)), stdout, stderr };
}

/** The one line of stdout that starts with `label: `, its value. */
const printed = (ran: Ran, label: string) => {
  const line = ran.stdout.split('\n').find((l) => l.startsWith(`${label}: `));
  assert.ok(line, `no "${label}:" line in ${JSON.stringify(ran.stdout)} (stderr: ${ran.stderr})`);
  return line.slice(label.length + 2);
};

/** A handler on the folder's store for the length of `use`; the CLI never runs meanwhile (one process per PGlite folder). */
async function withApi<T>(dataDir: string, use: (handler: EscalationHandler) => Promise<T>): Promise<T> {
  const { store } = await openDataStore({ env: envFor(dataDir) });
  await store.migrate();
  const handler = createEscalationHandler({ store });
  try {
    return await use(handler);
  } finally {
    handler.close();
    await handler.settled();
    await store.close();
  }
}

const signIn = (handler: EscalationHandler, email: string, password: string) =>
  handler(
    new Request(`${BASE}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }),
  );

async function sessionOf(handler: EscalationHandler, email: string, password: string) {
  const response = await signIn(handler, email, password);
  assert.equal(response.status, 200, `${email}: ${await response.clone().text()}`);
  const { user } = (await response.json()) as { user: { email: string; role: string; name: string } };
  const cookie = response.headers.getSetCookie()[0]!.split(';', 1)[0]!;
  return { user, cookie };
}

describe('pnpm escalate (the CLI), against a data folder', () => {
  let dataDir: string;
  before(async () => (dataDir = await mkdtemp(join(tmpdir(), 'escalate-cli-'))));
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('answers --help through the root script, listing every command', async () => {
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile('pnpm', ['-s', 'escalate', '--help'], { cwd: root, env: envFor(dataDir) }, (e, stdout) =>
        e ? reject(e) : resolve({ stdout }),
      ),
    );
    for (const command of [
      'users add <email>',
      'users list',
      'users remove <email>',
      'users role <email> <role>',
      'keys create <name>',
      'keys list',
      'keys revoke <id>',
    ]) {
      assert.ok(stdout.includes(`pnpm escalate ${command}`), command);
    }
    const one = await escalate(dataDir, ['keys', 'revoke', '--help']);
    assert.equal(one.code, 0);
    assert.match(one.stdout, /^Usage: pnpm escalate keys revoke <id>/);
  });

  it('refuses wrong command lines with exit 2, naming the argument, before opening any data', async () => {
    const untouched = await mkdtemp(join(tmpdir(), 'escalate-cli-untouched-'));
    try {
      // Two as a child process (the exit code and stderr of the program itself)…
      for (const [args, message] of [
        [['users', 'add', 'not-an-address', '--role', 'lead'], /<email>: E-mail must be an e-mail address \(got "not-an-address"\)/],
        [['keys', 'revoke', 'nothex'], /<id>: a key id is 16 hex digits.*got "nothex"/],
      ] as const) {
        const ran = await escalate(untouched, [...args]);
        assert.equal(ran.code, 2, `${args.join(' ')}: ${ran.stderr}`);
        assert.match(ran.stderr, message);
        assert.match(ran.stderr, /Run: pnpm escalate .*--help/);
        assert.equal(ran.stdout, '');
      }
      // …and the rest through the same entry in this process: a second each is a lot of spawning.
      const cases: [string[], RegExp][] = [
        [['frob'], /Unknown command "frob": use users or keys/],
        [['users'], /"users" needs one of: add, list, remove, role/],
        [['users', 'delete', 'a@example.com'], /Unknown command "users delete"/],
        [['users', 'add', 'a@example.com'], /Missing --role <agent\|member\|lead>/],
        [['users', 'add', '--role', 'lead'], /Missing <email>/],
        [['users', 'add', 'a@example.com', '--role', 'admin'], /--role: Role must be agent, member or lead \(got "admin"\)/],
        [['users', 'add', 'a@example.com', '--role'], /Option '--role <value>' argument missing/],
        [['users', 'add', 'a@example.com', '--role='], /--role is empty/],
        [['users', 'add', 'a@example.com', '--rol', 'lead'], /Unknown option '--rol'/],
        [['users', 'add', 'a@example.com', '--role', 'lead', '--name', 'Ann\u202eB'], /--name: Name must not contain control characters/],
        [['users', 'add', 'a@example.com', '--role', 'lead', 'extra'], /Unexpected argument "extra"/],
        [['users', 'remove'], /Missing <email>/],
        [['users', 'role', 'a@example.com', 'boss'], /<role>: Role must be agent, member or lead \(got "boss"\)/],
        [['keys', 'create'], /Missing <name>/],
        [['keys', 'create', ' '], /<name>: Key name is required/],
        [['keys', 'list', '--all'], /Unknown option '--all'/],
      ];
      for (const [args, message] of cases) {
        const ran = await inProcess(untouched, args);
        assert.equal(ran.code, 2, `${args.join(' ')}: ${ran.stderr}`);
        assert.match(ran.stderr, message, args.join(' '));
        assert.match(ran.stderr, /Run: pnpm escalate .*--help/);
        assert.equal(ran.stdout, '');
      }
      // A whole key pasted where its id goes: pointed at the id, and the secret never echoed.
      const secret = 'A'.repeat(43);
      const pasted = await inProcess(untouched, ['keys', 'revoke', `ek_0123456789abcdef_${secret}`]);
      assert.equal(pasted.code, 2);
      assert.match(pasted.stderr, /the 16 hex digits after ek_/);
      assert.ok(!pasted.stderr.includes(secret));
      // A password too short from stdin is refused without being repeated.
      const short = await escalate(untouched, ['users', 'add', 'a@example.com', '--role', 'lead', '--password-stdin'], 'short-pw\n');
      assert.equal(short.code, 2);
      assert.match(short.stderr, /the password on stdin: Password must be at least 12 characters/);
      assert.ok(!short.stderr.includes('short-pw'));
      assert.equal(existsSync(join(untouched, 'pglite')), false, 'the data folder was opened');
    } finally {
      await rm(untouched, { recursive: true, force: true });
    }
  });

  const leadEmail = 'Lena.Lead@Example.com';
  const memberPassword = 'correct horse battery staple';
  let leadPassword = '';

  it('adds a lead with a generated password shown once, and a member with one from stdin; both sign in through the API', async () => {
    const lead = await escalate(dataDir, ['users', 'add', leadEmail, '--role', 'lead', '--name', 'Lena Lead']);
    assert.equal(lead.code, 0, lead.stderr);
    leadPassword = printed(lead, 'Password');
    assert.match(leadPassword, /^[A-Za-z0-9_-]{24}$/);
    assert.match(lead.stderr, /shown this once/);
    const member = await escalate(
      dataDir,
      ['users', 'add', 'max@example.com', '--role', 'member', '--password-stdin'],
      `${memberPassword}\n`,
    );
    assert.equal(member.code, 0, member.stderr);
    assert.doesNotMatch(member.stdout, /Password/);
    assert.ok(!member.stdout.includes(memberPassword) && !member.stderr.includes(memberPassword));

    const again = await inProcess(dataDir, ['users', 'add', 'LENA.lead@example.com', '--role', 'agent']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /A user with the e-mail lena\.lead@example\.com exists already/);

    const list = await escalate(dataDir, ['users', 'list']);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /^E-MAIL +ROLE +NAME +ADDED$/m);
    assert.match(list.stdout, /^lena\.lead@example\.com +lead +Lena Lead +\d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    assert.match(list.stdout, /^max@example\.com +member +max /m);
    // No secret of any kind is listed.
    assert.ok(!list.stdout.includes(leadPassword) && !list.stdout.includes('pbkdf2'));

    await withApi(dataDir, async (handler) => {
      const signedLead = await sessionOf(handler, 'lena.lead@example.com', leadPassword);
      assert.deepEqual([signedLead.user.email, signedLead.user.role, signedLead.user.name], ['lena.lead@example.com', 'lead', 'Lena Lead']);
      assert.equal((await handler(new Request(`${BASE}/api/users`, { headers: { cookie: signedLead.cookie } }))).status, 200);
      const signedMember = await sessionOf(handler, 'max@example.com', memberPassword);
      assert.equal(signedMember.user.role, 'member');
      assert.equal((await handler(new Request(`${BASE}/api/users`, { headers: { cookie: signedMember.cookie } }))).status, 403);
      assert.equal(
        (await signIn(handler, 'max@example.com', `${memberPassword}\n`)).status,
        401,
        'the newline is not part of the password',
      );
    });
  });

  it('creates a key, shown once, that sends an escalation; revoked, it gets 401', async () => {
    const created = await escalate(dataDir, ['keys', 'create', 'Support desk']);
    assert.equal(created.code, 0, created.stderr);
    const key = printed(created, 'Key');
    const id = /^ek_([0-9a-f]{16})_/.exec(key)?.[1];
    assert.ok(id, key);
    const body = wire();
    await withApi(dataDir, async (handler) => {
      const response = await handler(postRequest(body, { headers: { authorization: `Bearer ${key}` } }));
      assert.equal(response.status, 201, await response.clone().text());
      const read = await handler(new Request(`${BASE}/api/escalations/${body.id}`, { headers: { authorization: `Bearer ${key}` } }));
      assert.deepEqual(((await read.json()) as { createdBy: unknown }).createdBy, { type: 'key', id, name: 'Support desk' });
    });
    const listed = await escalate(dataDir, ['keys', 'list']);
    assert.match(listed.stdout, new RegExp(`^${id} +Support desk +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +-$`, 'm'));
    // (The secret is base64url, which may hold `_` itself: everything after the id's underscore.)
    assert.ok(!listed.stdout.includes(key.slice(`ek_${id}_`.length)), 'the secret is never listed');

    const revoked = await escalate(dataDir, ['keys', 'revoke', id.toUpperCase()]);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, new RegExp(`Revoked key ${id} "Support desk"`));
    const twice = await inProcess(dataDir, ['keys', 'revoke', id]);
    assert.equal(twice.code, 0);
    assert.match(twice.stdout, /was revoked already/);
    const unknown = await inProcess(dataDir, ['keys', 'revoke', '0123456789abcdef']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No key with the id 0123456789abcdef/);
    assert.match(
      (await escalate(dataDir, ['keys', 'list'])).stdout,
      new RegExp(`^${id} +Support desk +\\S+ \\S+ UTC +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`, 'm'),
    );
    await withApi(dataDir, async (handler) => {
      assert.equal((await handler(postRequest(wire(), { headers: { authorization: `Bearer ${key}` } }))).status, 401);
    });
  });

  it('changes a role (ending the sessions), removes a user, and never removes or demotes the last lead', async () => {
    const memberCookie = await withApi(dataDir, async (handler) => (await sessionOf(handler, 'max@example.com', memberPassword)).cookie);
    const promoted = await escalate(dataDir, ['users', 'role', 'MAX@example.com', 'lead']);
    assert.equal(promoted.code, 0, promoted.stderr);
    assert.match(promoted.stdout, /max@example\.com is now lead \(was member\)/);
    const same = await inProcess(dataDir, ['users', 'role', 'max@example.com', 'lead']);
    assert.equal(same.code, 0);
    assert.match(same.stdout, /is lead already; nothing changed/);
    await withApi(dataDir, async (handler) => {
      // The session taken as a member ended with the change; a new one is a lead's, with the same password.
      assert.equal((await handler(new Request(`${BASE}/api/session`, { headers: { cookie: memberCookie } }))).status, 401);
      assert.equal((await sessionOf(handler, 'max@example.com', memberPassword)).user.role, 'lead');
    });

    const removed = await escalate(dataDir, ['users', 'remove', leadEmail]);
    assert.equal(removed.code, 0, removed.stderr);
    const last = await escalate(dataDir, ['users', 'remove', 'max@example.com']);
    assert.equal(last.code, 1);
    assert.match(last.stderr, /max@example\.com is the last lead and cannot be removed: add another lead first/);
    const demoted = await escalate(dataDir, ['users', 'role', 'max@example.com', 'agent']);
    assert.equal(demoted.code, 1);
    assert.match(demoted.stderr, /is the last lead and cannot be made agent/);
    const nobody = await inProcess(dataDir, ['users', 'remove', 'nobody@example.com']);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /No user with the e-mail nobody@example\.com/);
    await withApi(dataDir, async (handler) => {
      assert.equal((await signIn(handler, 'lena.lead@example.com', leadPassword)).status, 401);
      assert.equal((await sessionOf(handler, 'max@example.com', memberPassword)).user.role, 'lead');
    });
  });

  it('refuses a PGlite folder another process has open, and takes over the lock of one that died', async () => {
    const { store } = await openDataStore({ env: envFor(dataDir) });
    try {
      const busy = await escalate(dataDir, ['users', 'list']);
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, new RegExp(`in use by process ${process.pid}.*stop it first`));
    } finally {
      await store.close();
    }
    assert.equal(existsSync(join(dataDir, 'pglite.lock')), false, 'closing the store releases the lock');
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((ok) => dead.on('close', ok));
    await writeFile(join(dataDir, 'pglite.lock'), String(dead.pid));
    const list = await escalate(dataDir, ['users', 'list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /max@example\.com/);
  });
});
