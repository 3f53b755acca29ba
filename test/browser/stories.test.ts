/**
 * Every story is a fixture: render it the way Storybook does (meta args, then the story's
 * args, through the story's or the meta's `render`), run its `play`, then check the page
 * with axe, shadow DOM and open modal dialog included. One `it` per exported story, so a
 * new story is tested without touching this file (a new stories *file* goes in `modules`).
 * Then every story again with `prefers-color-scheme: dark`, the element's other palette.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
// The UMD build registers `window.axe` when loaded as a module.
import 'axe-core';
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';
import { dialogOf } from '../../stories/support/drive.ts';
import { viewports, type ViewportName } from '../../stories/support/viewports.ts';
import {
  allStories,
  buttonStories,
  cleanupStory,
  modules,
  ownCanvas,
  renderStory,
  type MetaLike,
  type StoryLike,
} from './support/stories.ts';

declare global {
  interface Window {
    axe: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };
  }
}

const defaultViewport = { width: 800, height: 600 };

async function axeRun(context: ElementContext, options: RunOptions = {}): Promise<AxeResults> {
  return window.axe.run(context, { resultTypes: ['violations'], ...options });
}

function describeViolations(violations: Result[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  at ${JSON.stringify(n.target)}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`).join('\n')}`,
    )
    .join('\n');
}

/** Whether a node target points inside a shadow root (axe writes those as nested selector lists). */
const inShadow = (target: unknown) => Array.isArray(target) && target.some((part) => Array.isArray(part) && part.length > 1);

afterEach(async () => {
  cleanupStory();
  await setViewport(defaultViewport);
  await emulateMedia({ colorScheme: 'light' });
});

async function checkStory(meta: MetaLike, story: StoryLike): Promise<void> {
  const viewport = viewports[story.globals?.viewport?.value as ViewportName] as (typeof viewports)[ViewportName] | undefined;
  if (viewport) await setViewport({ width: parseInt(viewport.styles.width), height: parseInt(viewport.styles.height) });
  const root = await renderStory(meta, story);
  expect(root.querySelector('escalate-button'), 'the story renders a button').to.exist;
  const results = await axeRun(root);
  expect(results.violations, describeViolations(results.violations)).to.have.length(0);
}

for (const { default: meta } of modules) {
  describe(`stories: ${meta.title}`, () => {
    for (const { story, name } of allStories.filter((s) => s.meta === meta)) {
      it(`${name}: rendered as a fixture, zero axe violations`, () => checkStory(meta, story));
    }
  });
}

// The element switches its colours by itself on `prefers-color-scheme: dark`: every story
// again in a dark-mode browser, so a host's tokens cannot make the dark defaults unreadable.
describe('stories, with prefers-color-scheme: dark', () => {
  beforeEach(() => emulateMedia({ colorScheme: 'dark' }));
  for (const { meta, story, name } of allStories) {
    it(`${meta.title?.split('/').pop()} / ${name}: zero axe violations`, () => checkStory(meta, story));
  }
});

describe('stories: the axe check itself', () => {
  it('inspects the shadow DOM and the open modal dialog', async () => {
    const root = await renderStory(buttonStories.default as MetaLike, buttonStories.Open as StoryLike);
    const el = root.querySelector('escalate-button')!;
    expect(dialogOf(el)?.open, 'the Open story leaves the dialog open').to.equal(true);
    const results = await axeRun(root, { resultTypes: ['passes', 'violations'] });
    // The select, textarea and radios live in the dialog in the button's shadow root.
    const label = results.passes.find((r) => r.id === 'label' || r.id === 'select-name');
    expect(
      label?.nodes.some((n) => inShadow(n.target)),
      'axe checked form fields inside the shadow root',
    ).to.equal(true);
  });

  it('finds a violation planted inside the open dialog (category label removed)', async () => {
    const root = await renderStory(buttonStories.default as MetaLike, buttonStories.Open as StoryLike);
    const el = root.querySelector('escalate-button')!;
    // Break the real dialog: the category <select> loses its <label>.
    el.shadowRoot!.querySelector('label[for="category"]')!.remove();
    const results = await axeRun(root);
    const broken = results.violations.find((v) => v.id === 'select-name' || v.id === 'label');
    expect(broken, `axe should report the unlabeled select; got ${describeViolations(results.violations) || 'nothing'}`).to.exist;
    expect(broken!.nodes.some((n) => inShadow(n.target) && JSON.stringify(n.target).includes('category'))).to.equal(true);
  });

  it('finds a contrast violation in a deliberately broken snippet inside a shadow root', async () => {
    const canvas = ownCanvas();
    const host = document.createElement('div');
    canvas.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML =
      `<dialog><p style="color:#bbb;background:#fff">Hard to read</p><button></button></dialog>`;
    host.shadowRoot!.querySelector('dialog')!.showModal();
    const results = await axeRun(canvas);
    const ids = results.violations.map((v) => v.id);
    expect(ids).to.include.members(['color-contrast', 'button-name']);
  });
});
