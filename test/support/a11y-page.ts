/**
 * What the accessibility suite asks of a page in Chromium: axe's violations, the accessibility
 * tree as assistive tech gets it (CDP), where focus is through shadow roots, whether the page
 * scrolls sideways or clips, and how long the dialog's motion lasts.
 */
import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import type { Page } from 'puppeteer-core';

/**
 * axe's violations on the page, shadow DOM included, described one per line (empty when none).
 * axe is evaluated through CDP (`Runtime.evaluate`, which is what `page.evaluate` of a string
 * does): the pages' CSP (script-src 'self', Trusted Types) would refuse a script tag, and must
 * stay on, since what is checked is the page as it runs.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }),
  )) as AxeResults;
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

export interface AxNode {
  role: string;
  name: string;
  required: boolean;
  invalid: boolean;
  focused: boolean;
}

/**
 * The full accessibility tree (CDP `Accessibility.getFullAXTree`; puppeteer's snapshot prunes
 * nodes such as radio groups), flattened to role, name and the states checked.
 */
export async function axTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.createCDPSession();
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => {
        const prop = (name: string) => n.properties?.find((p) => p.name === name)?.value?.value;
        return {
          role: String(n.role?.value ?? ''),
          name: String(n.name?.value ?? ''),
          required: prop('required') === true,
          invalid: ![undefined, 'false', false].includes(prop('invalid') as string | boolean | undefined),
          focused: prop('focused') === true,
        };
      });
  } finally {
    await cdp.detach();
  }
}

/** The focused element, through shadow roots: its host chain, tag, name, value and part. */
export function focusedIn(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    const hosts: string[] = [];
    while (el?.shadowRoot?.activeElement) {
      hosts.push(el.tagName.toLowerCase());
      el = el.shadowRoot.activeElement;
    }
    return {
      hosts,
      tag: el?.tagName.toLowerCase() ?? '',
      name: el?.getAttribute('name') ?? '',
      value: (el as HTMLInputElement | null)?.value ?? '',
      part: el?.getAttribute('part') ?? '',
      text: el?.textContent?.trim() ?? '',
      id: el?.id ?? '',
    };
  });
}

/** Presses Tab (or Shift+Tab) until `reached` holds, at most `max` times; fails if it never does. */
export async function tabUntil(page: Page, reached: (f: Awaited<ReturnType<typeof focusedIn>>) => boolean, max = 60, back = false) {
  for (let i = 0; i < max; i++) {
    if (reached(await focusedIn(page))) return;
    if (back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (back) await page.keyboard.up('Shift');
  }
  if (!reached(await focusedIn(page))) throw new Error(`Tab never reached it; focus is on ${JSON.stringify(await focusedIn(page))}`);
}

/** Counts pointer and mouse events from now on (a keyboard-only run must have none). */
export async function countPointerEvents(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __pointer: number };
    w.__pointer = 0;
    for (const type of ['pointerdown', 'mousedown', 'click', 'pointerup']) {
      document.addEventListener(
        type,
        (e) => void ((e as MouseEvent).detail > 0 || (e as PointerEvent).pointerType ? w.__pointer++ : 0),
        true,
      );
    }
  });
  return () => page.evaluate(() => (window as unknown as { __pointer: number }).__pointer);
}

/**
 * The page's horizontal overflow (it scrolls sideways when > 0), and the elements under `host`'s
 * shadow root (or the document) that are visible and reach outside the viewport on either side.
 */
export function layoutProblems(page: Page, host: string | null) {
  return page.evaluate((host) => {
    const root: ParentNode | null = host ? (document.querySelector(host)?.shadowRoot ?? null) : document;
    const width = document.documentElement.clientWidth;
    const outside: string[] = [];
    for (const el of root?.querySelectorAll('*') ?? []) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // Inside a container that scrolls by itself (a wide table), reaching further is its design.
      if (el.parentElement?.closest('.table-scroll')) continue;
      if (r.left < -1 || r.right > width + 1)
        outside.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}-${Math.round(r.right)} of ${width}`);
    }
    return { overflow: document.documentElement.scrollWidth - width, outside: outside.slice(0, 10) };
  }, host);
}

/** The longest transition or animation (s) of anything in `host`'s shadow root, the dialog's backdrop included. */
export function longestMotion(page: Page, host: string) {
  // No named function inside: tsx would wrap it in a `__name` helper the page does not have.
  return page.evaluate((host) => {
    let longest = 0;
    const root = document.querySelector(host)?.shadowRoot;
    for (const el of root?.querySelectorAll('*') ?? []) {
      for (const pseudo of [null, '::backdrop']) {
        const style = getComputedStyle(el, pseudo);
        for (const d of `${style.transitionDuration},${style.animationDuration}`.split(',')) {
          longest = Math.max(longest, d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d) || 0);
        }
      }
    }
    return longest;
  }, host);
}
