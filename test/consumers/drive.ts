/**
 * What an agent does in a host page, in real Chromium: open the first task's dialog, write the
 * note, submit, read the success panel, close it; the host then removes the row on
 * `escalate-done`. Every host page under test renders the same list and records what it heard.
 */
import assert from 'node:assert/strict';
import type { ElementHandle, Page } from 'puppeteer-core';

/** What every host page sets on its provider as properties: `strings` (the label) and two `categories`. */
export const expected = { label: 'Escalate task', categories: ['billing', 'technical'] };

/** A note long enough for the policy, as an agent writes it. */
const notes = 'Issue: Customer disputing a $45 charge. Tried: Explained the policy. Why: Customer asks for a manager.';

/** The inner element `selector` of the `<escalate-button>` for `taskId`, through its shadow root. */
const inner = async (page: Page, taskId: string, selector: string) =>
  (await page.waitForFunction(
    (id, sel) => document.querySelector(`escalate-button[task-id="${id}"]`)?.shadowRoot?.querySelector(sel) ?? undefined,
    { timeout: 15_000 },
    taskId,
    selector,
  )) as ElementHandle<Element>;

/**
 * Escalates `taskId` on the page at `url` and returns what the page heard (`window.__heard`,
 * e.g. `success:T-1`). Fails on a page error, a missing success panel, or a row left in place.
 */
export async function escalate(page: Page, url: string, taskId: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);

  const trigger = await inner(page, taskId, 'button[part="button"]:not([aria-disabled])');
  await page.waitForFunction(
    (id, label) =>
      document.querySelector(`escalate-button[task-id="${id}"]`)?.shadowRoot?.querySelector('button')?.textContent?.trim() === label,
    { timeout: 5_000 },
    taskId,
    expected.label,
  );
  await trigger.click();
  await page.waitForFunction(
    (id) => document.querySelector<HTMLElement>(`escalate-button[task-id="${id}"]`)?.shadowRoot?.querySelector('dialog')?.open,
    {},
    taskId,
  );
  const options = await page.evaluate(
    (id) =>
      [
        ...document
          .querySelector(`escalate-button[task-id="${id}"]`)!
          .shadowRoot!.querySelectorAll<HTMLOptionElement>('select[name="category"] option'),
      ]
        .map((o) => o.value)
        .filter(Boolean),
    taskId,
  );
  assert.deepEqual(options, expected.categories, "the provider's categories reach the dialog");

  const textarea = await inner(page, taskId, 'textarea[name="notes"]');
  await textarea.type(notes);
  const submit = await inner(page, taskId, '[part="submit"]');
  await submit.click();
  await page.waitForFunction(
    (id) =>
      document
        .querySelector(`escalate-button[task-id="${id}"]`)
        ?.shadowRoot?.querySelector('[part="result"] h3')
        ?.textContent?.includes('Escalated to the Account Team'),
    { timeout: 15_000 },
    taskId,
  );
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => !document.querySelector(`[data-task="${id}"]`), { timeout: 5_000 }, taskId);
  assert.deepEqual(errors, [], 'no error in the page');
  return page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
}
