/**
 * The visual baseline of every story: light and dark, 1280 and 320 px wide, compared with the
 * committed PNGs in test/visual/baseline/stories/ (pixelmatch, a small per-pixel threshold).
 * Moving code must not move pixels; a change that should is accepted with
 * `pnpm test:update-snapshots`, and its new baselines are reviewed like code.
 * On a failure the new screenshot and a diff image land in test/visual/failed/.
 */
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { allStories, cleanupStory, renderStory } from './support/stories.ts';

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Each story is played once, then shown in every frame below (a resize or a palette switch re-lays the same state out). */
const shots = [
  { width: 1280, height: 800, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'dark' },
  { width: 320, height: 640, colorScheme: 'dark' },
  { width: 320, height: 640, colorScheme: 'light' },
] as const;

before(() => {
  // The screenshot is of the viewport, with the modal dialog in the top layer; no blinking caret;
  // the system font, as a host page would have (the element inherits the page's font).
  const style = document.createElement('style');
  style.textContent = 'html { min-height: 100vh; caret-color: transparent; font: 16px/1.5 system-ui, sans-serif; }';
  document.head.append(style);
});

afterEach(async () => {
  cleanupStory();
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ colorScheme: 'light' });
});

describe('visual baseline: every story, light and dark, 1280 and 320 px', () => {
  for (const { meta, story, id } of allStories) {
    const file = `${meta.title!.split('/').pop()}--${id}`;
    it(`${meta.title} / ${id}`, async () => {
      await setViewport({ width: 1280, height: 800 });
      await renderStory(meta, story);
      for (const shot of shots) {
        await setViewport({ width: shot.width, height: shot.height });
        await emulateMedia({ colorScheme: shot.colorScheme });
        await frames();
        await visualDiff(document.documentElement, `stories/${file}--${shot.width}-${shot.colorScheme}`);
      }
    });
  }
});
