/**
 * A database's schema as it was before a migration: a folder holding the package's migrations
 * whose names sort before `first`, for `createSqlStore(db, { migrations: folder.url })`. Tests of
 * a migration on a database that already holds rows, or of a folder of one's own without one.
 */
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The package's own migrations folder. */
export const packageMigrations = new URL('../../packages/server/migrations/', import.meta.url);

export async function migrationsBefore(first: string): Promise<{ url: URL; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'escalate-migrations-'));
  for (const file of (await readdir(packageMigrations)).filter((f) => f < first))
    await copyFile(new URL(file, packageMigrations), join(dir, file));
  return { url: pathToFileURL(`${dir}/`), remove: () => rm(dir, { recursive: true, force: true }) };
}
