/**
 * Driving the faults suite's page (faults-page.ts) in Chromium: what the host page reports, kept
 * in Node (it survives reloads and closed tabs), waiting on it, and an agent's ways of sending:
 * programmatically for most tasks, with the keyboard and the pointer for a good share.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { FaultProxy } from './fault-proxy.ts';
import type { Reported } from './faults-page.ts';

/** Everything every tab reported, in order, with a way to wait for what has not come yet. */
export class Reports {
  readonly all: Reported[] = [];
  readonly #waiters = new Set<{ match: (r: Reported) => boolean; resolve: (r: Reported) => void }>();

  readonly #seen = new Set<string>();
  /** Reports that reached the test only through the pages' own record (`heard`), not as they happened. */
  late = 0;

  add(r: Reported) {
    if (this.#seen.has(r.seq)) return;
    this.#seen.add(r.seq);
    this.all.push(r);
    for (const w of this.#waiters) {
      if (w.match(r)) {
        this.#waiters.delete(w);
        w.resolve(r);
      }
    }
  }

  /** The first report that matches, past or future; `ms` only bounds a hang, it measures nothing. */
  next(match: (r: Reported) => boolean, what: string, ms = 60_000): Promise<Reported> {
    const found = this.all.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (r: Reported) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`No report of ${what} in ${ms} ms`));
      }, ms);
      this.#waiters.add(waiter);
    });
  }

  /** Adds what the pages kept of what they heard and the test was not told (see faults-page.ts). */
  merge(kept: Reported[]) {
    for (const r of kept) {
      if (this.#seen.has(r.seq)) continue;
      this.late++;
      this.add(r);
    }
  }

  of(type: string, id?: string) {
    return this.all.filter((r) => r.type === type && (id === undefined || r.id === id));
  }
}

/** Resolves once the proxy has seen a request under `key` (it is on the wire). */
export function onTheWire(proxy: FaultProxy, key: string, ms = 60_000): Promise<void> {
  if (proxy.seen.some((s) => s.key === key)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error(`No request for ${key} in ${ms} ms`))), ms);
    const stop = proxy.onSeen((s) => {
      if (s.key !== key) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

export interface PageSettings {
  url: string;
  timeout: number;
  retryDelay: number;
  flushInterval: number;
}

/** Opens the host page as tab `tab`, reporting into `reports`. */
export async function openTab(browser: Browser, settings: PageSettings, tab: string, reports: Reports): Promise<Page> {
  // A window each, not a tab each: a tab in the background gets no animation frames, and
  // clicks wait for them. Windows still share the origin's storage (the outbox), as tabs do.
  const page = await browser.newPage({ type: 'window' });
  page.setDefaultTimeout(30_000);
  // Survives reloads: what a page reports just before it goes still reaches the test.
  await page.exposeFunction('faultsReport', (r: Reported) => reports.add(r));
  page.on('pageerror', (e) => console.error(`[${tab}] page error: ${String(e)}`));
  const { url, timeout, retryDelay, flushInterval } = settings;
  const query = new URLSearchParams({
    tab,
    timeout: String(timeout),
    retryDelay: String(retryDelay),
    flushInterval: String(flushInterval),
  });
  await page.goto(`${url}/?${query}`);
  await ready(page);
  return page;
}

// Polled on a timer: the default, requestAnimationFrame, never fires in a tab in the background.
const polling = 50;

export const ready = (page: Page) => page.waitForFunction(() => 'faults' in window, { polling });

/** The page's handle (faults-page.ts). Functions passed to `evaluate` run in the page: no closures. */
export type Faults = {
  add(id: string): Promise<void>;
  open(id: string): void;
  fill(id: string): void;
  remove(id: string): void;
  waiting(): Promise<number>;
  outbox(): Promise<string[]>;
  heard(): Reported[];
  flush(): Promise<unknown>;
};
type WithFaults = { faults: Faults };

export const add = (page: Page, taskId: string) => page.evaluate((id) => (window as unknown as WithFaults).faults.add(id), taskId);
export const remove = (page: Page, taskId: string) => page.evaluate((id) => (window as unknown as WithFaults).faults.remove(id), taskId);
export const waiting = (page: Page) => page.evaluate(() => (window as unknown as WithFaults).faults.waiting());
export const heard = (page: Page) => page.evaluate(() => (window as unknown as WithFaults).faults.heard());
export const outbox = (page: Page) => page.evaluate(() => (window as unknown as WithFaults).faults.outbox());

/** Opens the dialog; fills and submits from the page's script (value and `input` event, as typing ends up). */
export async function sendProgrammatically(page: Page, taskId: string) {
  await page.evaluate((id) => (window as unknown as WithFaults).faults.open(id), taskId);
  await page.waitForFunction(
    (id) => document.querySelector(`escalate-button[task-id="${id}"]`)?.shadowRoot?.querySelector('dialog[open] [name="notes"]'),
    { polling },
    taskId,
  );
  await page.evaluate((id) => (window as unknown as WithFaults).faults.fill(id), taskId);
}

/** As an agent does: a click on Escalate, Tab to the note, typing it, a click on the submit button. */
export async function sendByHand(page: Page, taskId: string, notes: string) {
  const host = `escalate-button[task-id="${taskId}"]`;
  await page.click(`${host} >>> button[part="button"]`);
  const focused = (name: string) =>
    page.waitForFunction(
      (id, n) => document.querySelector(`escalate-button[task-id="${id}"]`)?.shadowRoot?.activeElement?.getAttribute('name') === n,
      { polling },
      taskId,
      name,
    );
  // The dialog focuses the category (preselected by the host) first; the note is next.
  await focused('category');
  await page.keyboard.press('Tab');
  await focused('notes');
  await page.keyboard.type(notes);
  await page.click(`${host} >>> [part="submit"]`);
}
