/**
 * Reading the inbox in Chromium for the work-queue tests: text and attributes inside its shadow
 * root, a page whose clock is pinned (the SLA clock's words depend on it), and waiting for what
 * the list shows.
 */
import type { Browser, Page } from 'puppeteer-core';

/** Evaluates `body` (a function body with `root`, the inbox's shadow root) in the page. */
export const inInbox = <T>(page: Page, body: string): Promise<T> =>
  page.evaluate(`(() => { const root = document.querySelector('escalation-inbox').shadowRoot; ${body} })()`) as Promise<T>;

/** The task ids of the list, in order. */
export const listed = (page: Page) =>
  inInbox<string[]>(page, `return [...root.querySelectorAll('tbody tr[data-id] .row-link')].map((b) => b.textContent.trim())`);

/** Waits until the list shows exactly these task ids, in this order. */
export async function waitForList(page: Page, tasks: string[], timeout = 5000): Promise<void> {
  await page.waitForFunction(
    (want) =>
      JSON.stringify(
        [...(document.querySelector('escalation-inbox')?.shadowRoot?.querySelectorAll('tbody tr[data-id] .row-link') ?? [])].map((b) =>
          b.textContent!.trim(),
        ),
      ) === want,
    { timeout },
    JSON.stringify(tasks),
  );
}

/** Waits until `selector` in the inbox has text matching `pattern`. */
export async function waitForText(page: Page, selector: string, pattern: RegExp, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    (sel, source, flags) =>
      new RegExp(source, flags).test(document.querySelector('escalation-inbox')?.shadowRoot?.querySelector(sel)?.textContent ?? ''),
    { timeout },
    selector,
    pattern.source,
    pattern.flags,
  );
}

/** A page in a context of its own (its own cookies: its own person), with `Date` pinned to `now` when given. */
export async function newInboxPage(browser: Browser, now?: string): Promise<Page> {
  const page = await (await browser.createBrowserContext()).newPage();
  page.setDefaultTimeout(15_000);
  await page.emulateTimezone('UTC');
  if (now) await pinClock(page, now);
  return page;
}

/** Pins the page's `Date` (no-argument `new Date()` and `Date.now()`) to `now` from the next document on. */
export async function pinClock(page: Page, now: string): Promise<void> {
  // As source text: a function would be serialised after tsx's transform, helpers and all.
  await page.evaluateOnNewDocument(`{
    const fixed = ${Date.parse(now)};
    const RealDate = Date;
    class PinnedDate extends RealDate {
      constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
      static now() { return fixed; }
    }
    globalThis.Date = PinnedDate;
  }`);
}
