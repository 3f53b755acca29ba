/**
 * The packages as a host gets them: packed, installed with npm from the registry into fresh
 * projects (React 19 + Vite, React 18 + Vite, Vue 3 + Vite, a plain page with the one-file build),
 * built, type-checked with TypeScript 5.9 and 7 (`skipLibCheck: false`), and used in Chromium
 * against the real escalation server: open, write, submit, see the success panel, and the row is
 * gone on `escalate-done`. Projects run one after the other; each installs once per run.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { escalate } from '../consumers/drive.ts';
import { cdnPrefix } from '../consumers/html-app.ts';
import { buildAndPack, cleanEnv, hostPackages, publicPackages, sh, tarballContents } from '../consumers/pack.ts';
import { compilers, hostProjects, type HostProject } from '../consumers/projects.ts';
import { startEscalationServer, startHostServer } from '../consumers/servers.ts';
import { chromeArgs, findChrome } from '../support/find-chrome.mjs';

type PackageName = keyof typeof hostPackages;

describe('packed packages in fresh host projects', { timeout: 15 * 60_000 }, () => {
  let work: string;
  const tarballs = {} as Record<PackageName, string>;
  let server: Awaited<ReturnType<typeof startEscalationServer>>;
  let browser: Browser;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'escalate-consumers-'));
    await mkdir(join(work, 'packs'));
    for (const [name, dir] of Object.entries(hostPackages)) tarballs[name as PackageName] = await buildAndPack(dir, join(work, 'packs'));
    server = await startEscalationServer();
    browser = await puppeteer.launch({
      executablePath: findChrome(),
      headless: true,
      args: [...chromeArgs, `--user-data-dir=${join(work, 'chrome')}`],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('packs sdk, element and react with README, LICENSE and dist, for Node ≥ 20, without workspace-only settings', async () => {
    for (const [name, tgz] of Object.entries(tarballs)) {
      const { files, packageJson } = await tarballContents(tgz);
      for (const f of ['package/README.md', 'package/LICENSE', 'package/dist/index.js', 'package/dist/index.d.ts'])
        assert.ok(files.includes(f), `${name}: ${f} in the tarball`);
      const text = JSON.stringify(packageJson);
      assert.doesNotMatch(text, /workspace:/, `${name}: no workspace: range`);
      assert.doesNotMatch(text, /"source"/, `${name}: no source export condition (it points at TypeScript)`);
      assert.equal(packageJson.license, 'MIT');
      assert.deepEqual(packageJson.engines, { node: '>=20' });
    }
    const element = await tarballContents(tarballs.element);
    for (const f of ['escalate-kit.min.js', 'escalate-kit.dialog.min.js', 'jsx.d.ts', 'vue.d.ts'])
      assert.ok(element.files.includes(`package/dist/${f}`), `element: dist/${f}`);
    assert.equal(element.packageJson.unpkg, 'dist/escalate-kit.min.js');
    assert.equal(element.packageJson.jsdelivr, 'dist/escalate-kit.min.js');
  });

  it('packs every other public package too, with README and LICENSE, for Node ≥ 20, without the source condition', async () => {
    const others = publicPackages().filter((dir) => !Object.values(hostPackages).includes(dir as never));
    for (const dir of others) {
      const { files, packageJson } = await tarballContents(await buildAndPack(dir, join(work, 'packs')));
      for (const f of ['package/package.json', 'package/README.md', 'package/LICENSE']) assert.ok(files.includes(f), `${dir}: ${f}`);
      assert.deepEqual(packageJson.engines, { node: '>=20' }, dir);
      assert.doesNotMatch(JSON.stringify(packageJson), /workspace:|"source"/, dir);
    }
  });

  for (const project of hostProjects) describe(project.name, () => hostProjectTests(project));

  /** Install, build, type-check and use one host project. */
  function hostProjectTests(project: HostProject) {
    let dir: string;

    it('installs the tarballs and its dependencies with npm from the registry', async () => {
      dir = join(work, project.name);
      for (const [path, text] of Object.entries(project.files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const own = Object.fromEntries(project.uses.map((n) => [`@escalate-kit/${n}`, `file:${tarballs[n]}`]));
      const packageJson = {
        name: `host-${project.name}`,
        private: true,
        type: 'module',
        dependencies: { ...own, ...project.dependencies },
        devDependencies: compilers,
        // The react tarball asks for element@0.1.0, the element tarball for sdk@0.1.0: the tarballs.
        overrides: Object.fromEntries(project.uses.map((n) => [`@escalate-kit/${n}`, `$@escalate-kit/${n}`])),
      };
      await writeFile(join(dir, 'package.json'), JSON.stringify(packageJson, null, 2));
      await sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    });

    if (project.build) it('builds', async () => void (await sh(process.execPath, project.build!, dir)));

    it('type-checks with TypeScript 5.9 and 7, skipLibCheck off', async () => {
      if (project.name === 'plain-html') await writeManifestTypeCheck(dir);
      for (const cmd of project.typecheck) await sh(process.execPath, cmd, dir);
    });

    if (project.name === 'plain-html')
      it("runs the packed SDK in this machine's Node against the server (ky declares Node ≥ 22)", async () => {
        const { stdout } = await sh(process.execPath, ['node-client.mjs', server.url], dir, cleanEnv());
        const out = JSON.parse(stdout.trim().split('\n').pop()!) as { node: string; status: string };
        assert.equal(out.status, 'sent', `sent from Node ${out.node}`);
      });

    if (project.name === 'react-19')
      it('gives a React prop for every escalate-* event of the packed manifest', async () => {
        const manifest = JSON.parse(await readFile(join(dir, 'node_modules/@escalate-kit/element/custom-elements.json'), 'utf8'));
        const { buttonEvents, providerEvents } = await import(join(dir, 'node_modules/@escalate-kit/react/dist/events.js'));
        for (const [tag, events] of [
          ['escalate-button', buttonEvents],
          ['escalate-provider', providerEvents],
        ] as const) {
          const declared = manifestEvents(manifest, tag);
          assert.ok(declared.length > 0);
          assert.deepEqual(Object.values(events as Record<string, string>).sort(), declared.sort(), tag);
        }
      });

    it('escalates in Chromium through the real server: success panel, row removed on escalate-done', async () => {
      const mounts: Record<string, string> = project.name === 'plain-html' ? { [cdnPrefix]: join(dir, 'node_modules') } : {};
      const host = await startHostServer(join(dir, project.serve), server.url, mounts);
      try {
        for (const { query, run } of project.pages) {
          const page = await browser.newPage();
          const scripts = new Set<string>();
          page.on('request', (r) => r.url().includes(cdnPrefix) && scripts.add(r.url().split(cdnPrefix)[1]!));
          const heard = await escalate(page, `${host.url}/?${query}`, `${run}-1`);
          assert.ok(
            heard.some((h) => h.startsWith(`success:${run}-1:`)),
            `${query}: the success event was heard (${heard.join(', ')})`,
          );
          assert.ok(heard.includes(`done:${run}-1:sent`), `${query}: escalate-done with outcome sent`);
          assert.equal(await page.$$eval('[data-task]', (rows) => rows.length), 1, `${query}: the other task stays`);
          const stored = await server.escalationsOf(`${run}-1`);
          assert.equal(stored.length, 1, `${query}: stored once`);
          assert.deepEqual(stored[0]!.request.context, { queue: run }, `${query}: the button's context, set as a property`);
          if (project.name === 'plain-html')
            assert.deepEqual([...scripts].sort(), [
              '@escalate-kit/element/dist/escalate-kit.dialog.min.js',
              '@escalate-kit/element/dist/escalate-kit.min.js',
            ]);
          await page.close();
        }
      } finally {
        await host.close();
      }
    });
  }
});

/** The `escalate-*` event names the manifest lists for `tag`. */
function manifestEvents(manifest: { modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[] }, tag: string) {
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  return (decl?.events ?? []).map((e) => e.name).filter((n) => n.startsWith('escalate-'));
}

/**
 * Every type the packed manifest references must be importable from the package: a file that
 * imports each by name, compiled with the project's TypeScript 5.9 and 7.
 */
async function writeManifestTypeCheck(dir: string) {
  const manifest = await readFile(join(dir, 'node_modules/@escalate-kit/element/custom-elements.json'), 'utf8');
  const m = JSON.parse(manifest) as { schemaVersion: string };
  assert.equal(m.schemaVersion, '2.1.0');
  const names = new Set([...manifest.matchAll(/"name": "([A-Za-z]\w*)",\s*"start"/g)].map((x) => x[1]!));
  assert.ok(names.has('EscalationClientLike') && names.has('EscalateDoneEvent'), 'the manifest references types');
  for (const [, path] of manifest.matchAll(/"(?:path|module)": "([^"]+)"/g)) {
    assert.match(path!, /^dist\/.+\.js$/, `manifest paths point at dist/*.js (${path})`);
    assert.ok(existsSync(join(dir, 'node_modules/@escalate-kit/element', path!)), `${path} is in the package`);
  }
  await writeFile(join(dir, 'manifest-types.ts'), `export type { ${[...names].sort().join(', ')} } from '@escalate-kit/element';\n`);
  const config = JSON.parse(await readFile(join(dir, 'tsconfig.json'), 'utf8')) as { files: string[] };
  config.files = [...new Set([...config.files, 'manifest-types.ts'])];
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
}
