/**
 * The demo's way in: on the first run a lead, `lead@example.com` with a random password, and an
 * API key for the demo's host page; on every run the same two, to print. The store keeps only
 * hashes, so the plain values are kept in a file of the data folder that only its owner may read
 * (mode 0600). Node only (the file); a real deployment adds users with `pnpm escalate users add`.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addKey, addUser } from './accounts.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';
import { keySecretHash, parseApiKey } from './secrets.ts';
import type { AccessStore } from './types.ts';

export const DEMO_LEAD_EMAIL = 'lead@example.com';

export interface DemoAccess {
  /** `lead@example.com`. */
  email: string;
  /** The lead's password, for the inbox's sign-in. */
  password: string;
  /** An API key (`ek_<id>_<secret>`) the demo's host page sends escalations with. */
  key: string;
  /** Where the two are kept (mode 0600). */
  file: string;
}

export interface DemoAccessOptions {
  /**
   * Any store; its `access` part holds the user and the key.
   * @example ensureDemoAccess({ store })
   */
  store: { access: AccessStore };
  /**
   * The folder of the file `demo-access.json`.
   * @default process.env.ESCALATE_DATA_DIR ?? '.data'
   * @example ensureDemoAccess({ store, dataDir: '/var/lib/escalate' })
   */
  dataDir?: string;
  /** @default () => new Date() */
  clock?: () => Date;
}

async function readKept(file: string): Promise<Partial<Record<'password' | 'passwordHash' | 'key', string>>> {
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    return {
      ...(typeof kept.password === 'string' && { password: kept.password }),
      ...(typeof kept.passwordHash === 'string' && { passwordHash: kept.passwordHash }),
      ...(typeof kept.key === 'string' && { key: kept.key }),
    };
  } catch {
    return {};
  }
}

/** Whether `key` is a live key of this store. */
async function keyWorks(store: AccessStore, key: string | undefined): Promise<boolean> {
  const parsed = key === undefined ? undefined : parseApiKey(key);
  if (!parsed) return false;
  const stored = await store.keyById(parsed.id);
  return !!stored && stored.revokedAt === undefined && stored.secretHash === (await keySecretHash(parsed.secret));
}

/**
 * Makes sure the demo's lead and host key exist and work, and returns them to print.
 *
 * @example
 * ```ts
 * const access = await ensureDemoAccess({ store, dataDir: '.data' });
 * console.log(`Inbox sign-in: ${access.email} / ${access.password}`);
 * console.log(`Demo API key: ${access.key}`);
 * ```
 */
export async function ensureDemoAccess(options: DemoAccessOptions): Promise<DemoAccess> {
  const store = options.store.access;
  const clock = options.clock ?? (() => new Date());
  const dataDir = options.dataDir ?? process.env.ESCALATE_DATA_DIR ?? '.data';
  const file = join(dataDir, 'demo-access.json');
  const kept = await readKept(file);

  let password = kept.password && kept.password.length >= 12 ? kept.password : generatePassword();
  let user = await store.userByEmail(DEMO_LEAD_EMAIL);
  if (!user) {
    await addUser(store, { email: DEMO_LEAD_EMAIL, name: 'Demo lead', role: 'lead', password }, clock());
    user = await store.userByEmail(DEMO_LEAD_EMAIL);
  } else if (
    kept.password === undefined ||
    // The hash the file was written with is still the user's: the password is unchanged, and
    // the start skips PBKDF2's 600,000 rounds (a salted hash changes with every new password).
    (kept.passwordHash !== user.passwordHash && !(await verifyPassword(kept.password, user.passwordHash)))
  ) {
    // The file went missing or no longer matches (a database kept, a folder wiped): a new password.
    password = generatePassword();
    await store.setPassword(user.id, await hashPassword(password));
    user = await store.userByEmail(DEMO_LEAD_EMAIL);
  }
  const key = (await keyWorks(store, kept.key)) ? kept.key! : (await addKey(store, 'demo host page', clock())).key;

  await mkdir(dataDir, { recursive: true });
  const keep = { email: DEMO_LEAD_EMAIL, password, ...(user && { passwordHash: user.passwordHash }), key };
  await writeFile(file, `${JSON.stringify(keep, null, 2)}\n`, { mode: 0o600 });
  // `mode` applies only to a new file; one that existed keeps its own unless told.
  await chmod(file, 0o600);
  return { email: DEMO_LEAD_EMAIL, password, key, file };
}
