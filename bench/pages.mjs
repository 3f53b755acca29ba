/**
 * Builds the browser sections' bundles into a temporary folder, each page on its own (as its
 * own app would be built), with the same production settings as the size section.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { appBuild, root } from './build.mjs';

const fixture = (name) => join(root, 'bench/fixtures', name);

const apps = {
  element: fixture('element-page.mjs'),
  trivial: fixture('trivial-element.mjs'),
  lazy: fixture('lazy-button.mjs'),
  sdk: fixture('sdk-page.mjs'),
};

/**
 * Returns `{ dir, entry(name), chunk(name, sourceSuffix), remove() }`: `entry` is the URL path
 * of an app's entry script, `chunk` the URL path of the chunk a dynamic import of a source file
 * became (the render section preloads the dialog's, see render.mjs).
 */
export async function buildPages() {
  const dir = await mkdtemp(join(tmpdir(), 'escalate-bench-'));
  const metas = {};
  await Promise.all(
    Object.entries(apps).map(async ([name, file]) => {
      const { metafile } = await appBuild({ entryPoints: { index: file }, outdir: join(dir, name), absWorkingDir: root });
      metas[name] = metafile;
    }),
  );
  const urlOf = (out) => `/${relative(dir, join(root, out))}`;
  return {
    dir,
    entry: (name) => `/${name}/index.js`,
    chunk(name, sourceSuffix) {
      const found = Object.entries(metas[name].outputs).find(([, o]) => o.entryPoint?.endsWith(sourceSuffix));
      if (!found) throw new Error(`no chunk for ${sourceSuffix} in ${name}`);
      return urlOf(found[0]);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
