/**
 * Where the visual baselines live and how strictly they are compared, for the browser test
 * (web-test-runner's visual-regression plugin) and the Node test of the demo and inbox pages alike.
 * `UPDATE_SNAPSHOTS=1` (what `pnpm test:update-snapshots` sets) writes new baselines instead.
 */
import { fileURLToPath } from 'node:url';

export const visualDir = fileURLToPath(new URL('../visual/', import.meta.url));
export const updateSnapshots = process.env.UPDATE_SNAPSHOTS === '1';
/** pixelmatch's per-pixel colour threshold (0-1): anti-aliasing noise passes, a changed colour does not. */
export const pixelThreshold = 0.1;
/** How many differing pixels a screenshot may have: a caret or one glyph's hinting, not a moved control. */
export const maxDiffPixels = 40;

export const visualOptions = {
  update: updateSnapshots,
  baseDir: visualDir,
  diffOptions: { threshold: pixelThreshold },
  failureThresholdType: 'pixel',
  failureThreshold: maxDiffPixels,
  getBaselineName: ({ name }) => `baseline/${name}.png`,
  getFailedName: ({ name }) => `failed/${name}.png`,
  getDiffName: ({ name }) => `failed/${name}-diff.png`,
};
