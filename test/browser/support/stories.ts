/**
 * Every story as a fixture: rendered the way Storybook does (meta args, then the story's args,
 * through the story's or the meta's `render`), then its `play`. Shared by the axe test and the
 * visual test, so both see exactly what Storybook shows.
 */
import { render, nothing } from 'lit';
import type { EscalateButton } from '@escalate-kit/element';
import * as buttonStories from '../../../stories/escalate-button.stories.ts';
import * as providerStories from '../../../stories/escalate-provider.stories.ts';

export type Args = Record<string, unknown>;
export interface PlayContext {
  canvasElement: HTMLElement;
  args: Args;
}
/** The parts of CSF that Storybook uses to render a story; typed loosely, as Storybook reads them. */
export interface StoryLike {
  name?: string;
  args?: Args;
  render?: (args: never, context: never) => unknown;
  play?: (context: never) => unknown;
  globals?: { viewport?: { value?: string } };
}
export interface MetaLike extends StoryLike {
  title?: string;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}
interface StoriesModule {
  default: MetaLike;
  [exportName: string]: unknown;
}

/** A new stories *file* goes here; a new story in a listed file is picked up by itself. */
export const modules = [buttonStories, providerStories] as unknown as StoriesModule[];
export { buttonStories };

/** CSF's rule: every named export is a story unless `includeStories`/`excludeStories` say otherwise. */
function isStory(meta: MetaLike, exportName: string): boolean {
  const matches = (rule: string[] | RegExp) => (Array.isArray(rule) ? rule.includes(exportName) : rule.test(exportName));
  if (meta.includeStories && !matches(meta.includeStories)) return false;
  if (meta.excludeStories && matches(meta.excludeStories)) return false;
  return true;
}

/** `MyStory` → "My Story", Storybook's default name for an export. */
const storyName = (exportName: string) => exportName.replace(/([a-z0-9])([A-Z])/g, '$1 $2');

/** Every story of every module, as Storybook would list them; `id` is the export, for file names. */
export const allStories = modules.flatMap(({ default: meta, ...exports }) =>
  Object.entries(exports)
    .filter(([exportName]) => isStory(meta, exportName))
    .map(([exportName, value]) => {
      // CSF 2 stories are render functions; CSF 3 stories are objects.
      const story: StoryLike = typeof value === 'function' ? { render: value as StoryLike['render'] } : (value as StoryLike);
      return { meta, story, name: story.name ?? storyName(exportName), id: exportName };
    }),
);

let canvas: HTMLElement | undefined;

/** Renders a story into a fresh canvas (like Storybook's `#storybook-root`) and runs its `play`. */
export async function renderStory(meta: MetaLike, story: StoryLike): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args };
  const renderFn = (story.render ?? meta.render) as ((args: Args, context: PlayContext) => unknown) | undefined;
  if (!renderFn) throw new Error('The story has no render function (and neither has its meta)');
  canvas = document.createElement('div');
  canvas.id = 'storybook-root';
  document.body.append(canvas);
  const context: PlayContext = { canvasElement: canvas, args };
  render(renderFn(args, context), canvas);
  // Let every element upgrade and render before `play` or axe look at it.
  await Promise.all(['escalate-button', 'escalate-provider'].map((tag) => customElements.whenDefined(tag)));
  await Promise.all([...canvas.querySelectorAll<EscalateButton>('escalate-button, escalate-provider')].map((el) => el.updateComplete));
  await (story.play as ((context: PlayContext) => unknown) | undefined)?.(context);
  return canvas;
}

/** A canvas of one's own (for snippets that are not stories), removed by `cleanupStory`. */
export function ownCanvas(): HTMLElement {
  canvas = document.createElement('div');
  document.body.append(canvas);
  return canvas;
}

/** Removes the last rendered story and its drafts. */
export function cleanupStory(): void {
  if (canvas) {
    render(nothing, canvas);
    canvas.remove();
    canvas = undefined;
  }
  sessionStorage.clear();
}
