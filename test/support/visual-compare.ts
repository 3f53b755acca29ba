/**
 * Compares a page screenshot with its committed baseline, the same way and with the same
 * thresholds as the browser test's visual-regression plugin (see visual.mjs). Writes the new
 * screenshot and a diff image to test/visual/failed/ when they differ; `UPDATE_SNAPSHOTS=1`
 * writes the baseline instead.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { maxDiffPixels, pixelThreshold, updateSnapshots, visualDir } from './visual.mjs';

async function write(path: string, data: Buffer) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

export async function matchesBaseline(name: string, screenshot: Uint8Array): Promise<void> {
  const image = Buffer.from(screenshot);
  const baselinePath = join(visualDir, 'baseline', `${name}.png`);
  if (updateSnapshots) return write(baselinePath, image);
  const failed = join(visualDir, 'failed', `${name}.png`);
  let baseline: Buffer;
  try {
    baseline = await readFile(baselinePath);
  } catch {
    await write(failed, image);
    throw new Error(`No baseline for ${name}: run \`pnpm test:update-snapshots\` and review ${baselinePath}`);
  }
  const a = PNG.sync.read(baseline);
  const b = PNG.sync.read(image);
  if (a.width !== b.width || a.height !== b.height) {
    await write(failed, image);
    throw new Error(`${name}: ${b.width}x${b.height}, the baseline is ${a.width}x${a.height} (new screenshot in ${failed})`);
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const pixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: pixelThreshold });
  if (pixels > maxDiffPixels) {
    await write(failed, image);
    await write(join(visualDir, 'failed', `${name}-diff.png`), PNG.sync.write(diff));
    throw new Error(`${name}: ${pixels} pixels differ from the baseline (more than ${maxDiffPixels}); see ${failed} and its -diff.png`);
  }
}
