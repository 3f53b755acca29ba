/**
 * Byte budgets of the element, built the way `pnpm bench` builds it (bench/bundle-size.mjs:
 * esbuild, production conditions, minified ESM, code splitting, gzip -9 per chunk).
 *
 * Issue 13's targets are tracked by `pnpm bench` in bench/results.md: (a)'s (≤ 9 kB) is met and
 * is this budget; (b)'s (≤ 30 kB) is stricter than the budget here. A budget here is the size measured on the day it
 * was set, rounded up to the next 0.5 kB, so that it only stops regressions. When a change is
 * meant to cost bytes, raise the budget in the same commit and say why.
 *
 * Set on 2026-11-25 on the working tree of that day: (a) 10.0 kB (a hair under a 0.5 kB
 * boundary, so the next one up), (b) 50.8 kB (HEAD alone was 43.1 kB; the element's dialog
 * work in progress added the rest). (b) raised to 52 kB when the wire contract learned to refuse
 * prototype keys and invisible characters in identifiers (51.3 kB). (b) raised to 53 kB when the
 * client learned to read escalations back (client.get and client.list: +0.56 kB, 52.64 kB with
 * the request schema naming every bad field at once); to 54 kB when the button learned to show an
 * escalation under way (the read-only panel, its line, `lookup`: 53.79 kB; the eager chunk only
 * gained the words "Escalated" and the property). (b) counts what a submit needs; chunks only
 * loaded on demand are in bench/results.md's "everything". (a) raised to 11 kB and (b) to 54.5 kB
 * for client.watch(id) (issue 11): its code is an on-demand chunk, but the method that loads it
 * and the transport's stream request count (b) 54.19 kB, and the extra chunk moved the eager
 * part a hair over 10.50 kB. (b) to 55 kB when client.watch became a static import (54.76 kB): as
 * a chunk of its own it split esbuild's runtime helpers into a third shared chunk, which broke the
 * element's two-file no-bundler build and cost the eager part bytes too.
 * Lowered on 2026-11-26 (issue 13): (a) to 9 kB, the target (9,214 B: the shell's properties
 * declared statically, one click listener on the host, a closed row's label as plain text, the
 * provider answering the context protocol itself, the dialog-only styles moved to the dialog);
 * (b) to 54 kB (54,841 B: ISO date-times without the z.iso namespace).
 * Lowered again on 2026-11-26 (issue 13): (b) to 51.5 kB (52,517 B) by zod's share going from
 * 30.6 to 18.4 kB minified: checks of our own in packages/sdk/src/schemas instead of zod's record,
 * union, pipe, enum, literal, format, length, regex and comparison classes (-2.5 kB gzip); and
 * (c), the SDK client alone, budgeted at 22.5 kB (22,848 B; its target is 18 kB). A transport of
 * fetch and an attempt loop of our own instead of ky made (b) 44.5 kB and (c) 15.0 kB, but the
 * issue keeps ky as a chosen dependency: it stays (git history has that transport, e107ee0).
 * Raised on 2026-11-26 (issue 13): (b) to 52 kB (51.90 kB) and (c) to 23 kB (22.85 kB), +0.45 kB
 * gzip, for the outbox's journal in localStorage (a put done without awaiting IndexedDB: a
 * Chromium escalate() 1.53x -> ~1.25x a raw fetch) and the keepalive re-send of a page that goes
 * mid-send (no longer keepalive on every send: 7-8 % of it).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { entries, measureBundle, type BundleSize } from '../../bench/bundle-size.mjs';

const kB = 1024;
const budgets = { eager: 9 * kB, all: 52 * kB, sdkClient: 23 * kB };
const show = (bytes: number) => `${(bytes / kB).toFixed(2)} kB`;

describe('byte budgets (gzip)', () => {
  let element: BundleSize;
  let sdk: BundleSize;
  before(async () => {
    [element, sdk] = await Promise.all([measureBundle(entries.element), measureBundle(entries.sdkClient)]);
  });

  it(`(a) a page of closed buttons (element/define, eager chunk) stays within ${show(budgets.eager)}`, () => {
    assert.ok(element.eager <= budgets.eager, `eager chunk is ${show(element.eager)}, over the budget of ${show(budgets.eager)}`);
  });

  it(`(b) everything needed to submit (eager + lazy dialog and what it loads) stays within ${show(budgets.all)}`, () => {
    const top = element.contributors
      .slice(0, 5)
      .map(([name, bytes]) => `${name} ${show(bytes)}`)
      .join(', ');
    assert.ok(
      element.all <= budgets.all,
      `all chunks are ${show(element.all)}, over the budget of ${show(budgets.all)} (largest, minified: ${top})`,
    );
  });

  it(`(c) the SDK client alone (createEscalationClient) stays within ${show(budgets.sdkClient)}`, () => {
    assert.ok(sdk.all <= budgets.sdkClient, `the client is ${show(sdk.all)}, over the budget of ${show(budgets.sdkClient)}`);
  });
});
