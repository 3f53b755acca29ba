/**
 * Builds and packs the workspace's public packages the way they would be published: `pnpm build`
 * of each, then `pnpm pack` (which rewrites `workspace:*` to the version and applies
 * `publishConfig`), into a folder of tarballs the host projects install from.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = join(import.meta.dirname, '../..');

/** The packages hosts install, in build order (each after what it depends on). */
export const hostPackages = { sdk: 'packages/sdk', element: 'packages/element', react: 'packages/react' } as const;

/** Every package under packages/ that is not private: what `pnpm publish -r` would publish. */
export function publicPackages(): string[] {
  return ['sdk', 'element', 'react', 'server', 'demo']
    .map((n) => `packages/${n}`)
    .filter((dir) => !(JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { private?: boolean }).private);
}

/** An environment for a child tool without pnpm's `npm_*` variables (they would steer npm). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...extra };
}

/** Runs a command, failing with the tail of its output. */
export async function sh(cmd: string, args: string[], cwd: string, env = cleanEnv()) {
  try {
    return await run(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${`${stdout}\n${stderr}`.trim().slice(-4000)}`, { cause: e });
  }
}

/** `pnpm build` then `pnpm pack` of one package dir; returns the tarball's path. */
export async function buildAndPack(dir: string, into: string): Promise<string> {
  await sh('pnpm', ['run', 'build'], join(root, dir));
  const { stdout } = await sh('pnpm', ['pack', '--pack-destination', into], join(root, dir));
  const tgz = stdout.trim().split('\n').pop()!.trim();
  if (!tgz.endsWith('.tgz')) throw new Error(`pnpm pack printed no tarball: ${stdout.slice(-500)}`);
  return tgz;
}

/** The file list and package.json of a tarball. */
export async function tarballContents(tgz: string) {
  const { stdout: list } = await sh('tar', ['tzf', tgz], root);
  const { stdout: pkg } = await sh('tar', ['xzf', tgz, '-O', 'package/package.json'], root);
  return { files: list.split('\n').filter(Boolean), packageJson: JSON.parse(pkg) as Record<string, unknown> };
}
