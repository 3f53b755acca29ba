/**
 * The demo's sign-in at every start (packages/server/src/auth/demo-access.ts): the same lead's
 * password and host key come back while they still work, without PBKDF2 at each start (the file
 * keeps the hash it was written with), and a new password when the store's no longer matches.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createMemoryStore, hashPassword, verifyPassword } from '../../../packages/server/src/index.ts';
import { DEMO_LEAD_EMAIL, ensureDemoAccess } from '../../../packages/server/src/auth/demo-access.ts';

describe('ensureDemoAccess', () => {
  const dirs: string[] = [];
  after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const fresh = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'escalate-demo-access-'));
    dirs.push(dir);
    return dir;
  };

  it('gives back the same password and key at the next start, the stored hash untouched', async () => {
    const store = createMemoryStore();
    const dataDir = await fresh();
    const first = await ensureDemoAccess({ store, dataDir });
    const hash = (await store.access.userByEmail(DEMO_LEAD_EMAIL))!.passwordHash;
    assert.equal(await verifyPassword(first.password, hash), true);
    const kept = JSON.parse(await readFile(first.file, 'utf8')) as Record<string, string>;
    assert.equal(kept.passwordHash, hash);
    const second = await ensureDemoAccess({ store, dataDir });
    assert.deepEqual([second.password, second.key], [first.password, first.key]);
    assert.equal((await store.access.userByEmail(DEMO_LEAD_EMAIL))!.passwordHash, hash);
  });

  it('makes a new password when the stored one changed since the file was written', async () => {
    const store = createMemoryStore();
    const dataDir = await fresh();
    const first = await ensureDemoAccess({ store, dataDir });
    const user = (await store.access.userByEmail(DEMO_LEAD_EMAIL))!;
    await store.access.setPassword(user.id, await hashPassword('someone else chose this'));
    const next = await ensureDemoAccess({ store, dataDir });
    assert.notEqual(next.password, first.password);
    assert.equal(await verifyPassword(next.password, (await store.access.userByEmail(DEMO_LEAD_EMAIL))!.passwordHash), true);
  });

  it('reads a file written before it kept the hash: checks the password once, then keeps the hash', async () => {
    const store = createMemoryStore();
    const dataDir = await fresh();
    const first = await ensureDemoAccess({ store, dataDir });
    await writeFile(first.file, JSON.stringify({ email: DEMO_LEAD_EMAIL, password: first.password, key: first.key }));
    const again = await ensureDemoAccess({ store, dataDir });
    assert.equal(again.password, first.password);
    const kept = JSON.parse(await readFile(first.file, 'utf8')) as Record<string, string>;
    assert.equal(kept.passwordHash, (await store.access.userByEmail(DEMO_LEAD_EMAIL))!.passwordHash);
  });
});
