/**
 * Suite 1 of the reliability suites (issue 12): N escalations sent from `<escalate-button>`s in
 * Chromium through a fault-injecting proxy (test/support/fault-proxy.ts) to the real handler on
 * PGlite, 30% of the POSTs meeting a fault: requests dropped, responses dropped after the store
 * committed, 500 and 503, 429 with Retry-After, stalls past the client's timeout, offline
 * periods. Four tabs send at once (sharing one outbox); some tasks are reloaded mid-send, some
 * tabs closed mid-send; a fifth of the tasks are sent with the keyboard and the pointer. Then,
 * once the outboxes have drained (faults still on): every escalation stored exactly once and
 * e-mailed once, and what the host was told is true: a success only after a stored answer, every
 * "queued" followed by a delivery, every send cut short by a reload or a closed tab delivered
 * from the outbox, and a final error only for a final answer.
 * `FAULTS_SEED=n` replays a run's faults (the order of requests still varies with timing);
 * `FAULTS_N=n` sets the number of escalations (default 200, 5,000 under `SOAK=1`); `FAULTS_DRAIN_S=s`
 * bounds the wait for the outboxes to drain (default 60, 600 under `SOAK=1`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { faultKinds, startFaultProxy, type FaultProxy } from '../../support/fault-proxy.ts';
import {
  add,
  onTheWire,
  heard,
  openTab,
  outbox as outboxOf,
  ready,
  remove,
  Reports,
  sendByHand,
  sendProgrammatically,
  waiting,
  type PageSettings,
} from '../../support/faults-drive.ts';
import { startFaultsServer } from '../../support/faults-server.ts';
import { chromeArgs, findChrome } from '../../support/find-chrome.mjs';
import { reportFigures, size, soak } from '../../support/figures.ts';

const N = Number(process.env.FAULTS_N) || size(200, 5000);
const TABS = 4;
const SEED = Number(process.env.FAULTS_SEED ?? 20_251_114);
/** The client's timeout per attempt (ms): a stall outlasts it. Short so that CI runs short; nothing asserted depends on it. */
const TIMEOUT = 800;
/** The server's answers the SDK must treat as final (policy: everything else is retried under the same key). */
const isFinal = (status: number | undefined) => status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
/** After this many 5xx answers for one queued escalation the client gives up (its `giveUp.serverErrors` default). */
const GIVE_UP_5XX = 5;
/** Typed key by key for the tasks sent by hand: short, as the keyboard is the slow part of a run. */
const notes = 'Charged twice; the refund form failed.';

type How = 'script' | 'hand' | 'reload' | 'close';
const how = (i: number): How => (i % 40 === 13 ? 'close' : i % 25 === 7 ? 'reload' : i % 5 === 1 ? 'hand' : 'script');

describe(`faults: ${N} escalations from Chromium through a proxy faulting 30% of requests`, () => {
  let server: Awaited<ReturnType<typeof startFaultsServer>>;
  let proxy: FaultProxy;
  let browser: Browser;
  let settings: PageSettings;
  const reports = new Reports();
  const tabs: Page[] = [];

  before(async () => {
    server = await startFaultsServer();
    proxy = await startFaultProxy({
      upstream: server.url,
      seed: SEED,
      rate: 0.3,
      stallMs: TIMEOUT * 1.5,
      offlineMs: TIMEOUT * 1.5,
      // Faults that cost the client a wait (Retry-After, a timeout, an offline period) less often, so CI stays short.
      weights: { 'rate-limited': 0.5, stall: 0.5, offline: 0.1 },
      faultable: (req) => req.method === 'POST' && req.url === '/api/escalations',
    });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs, protocolTimeout: 20_000 });
    settings = { url: proxy.url, timeout: TIMEOUT, retryDelay: 50, flushInterval: 500 };
  });

  after(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  /** One task, as tab `t` handles it; a failure says which task and how it was sent. */
  async function escalate(t: number, i: number) {
    const step = { at: 'start' };
    await escalateSteps(t, i, step).catch((e: Error) => {
      throw new Error(`F-${i} (${how(i)}, tab ${t}) at ${step.at}: ${e.message}`, { cause: e });
    });
  }

  async function escalateSteps(t: number, i: number, step: { at: string }) {
    const taskId = `F-${i}`;
    const mode = how(i);
    // A tab of its own, closed as soon as the escalation is on the wire.
    const page = mode === 'close' ? await openTab(browser, settings, `close-${i}`, reports) : tabs[t]!;
    step.at = 'add';
    await add(page, taskId);
    step.at = 'send';
    await (mode === 'hand' ? sendByHand(page, taskId, notes) : sendProgrammatically(page, taskId));
    const { id } = await reports.next((r) => r.type === 'escalate-submit' && r.taskId === taskId, `${taskId} submitted`);
    if (mode === 'close' || mode === 'reload') {
      step.at = mode;
      await onTheWire(proxy, id!);
      if (mode === 'close') return page.close();
      await page.reload();
      return ready(page);
    }
    step.at = 'outcome';
    const outcomes = ['escalate-success', 'escalate-queued', 'escalate-error'];
    await reports.next((r) => r.taskId === taskId && !r.fromOutbox && outcomes.includes(r.type), `the outcome of ${taskId}`);
    // The agent has read the outcome; the host takes the row away.
    step.at = 'remove';
    await remove(page, taskId);
  }

  /** What the host still waits to hear of: ids queued or cut short, with no delivery (nor success) since. */
  function owed(): string[] {
    const heard = new Set([...reports.of('escalate-delivered'), ...reports.of('escalate-success')].map((r) => r.id));
    const ended = new Set(reports.all.filter((r) => r.type !== 'escalate-submit').map((r) => r.id));
    const cutShort = reports.of('escalate-submit').filter((r) => !ended.has(r.id));
    return [...new Set([...reports.of('escalate-queued'), ...cutShort].map((r) => r.id!))].filter((id) => !heard.has(id));
  }

  /** What happened to one escalation, for a failure message: how it was sent, what every tab heard, what the proxy saw. */
  function story(id: string, waitingNow: Set<string>): string {
    const taskId = reports.all.find((r) => r.id === id)?.taskId ?? '?';
    const heard = reports.all.filter((r) => r.id === id).map((r) => `${r.type}${r.fromOutbox ? ' (outbox)' : ''} in ${r.tab}`);
    const wire = proxy.seen
      .filter((s) => s.key === id)
      .map((s) => `${s.fault}${s.forwarded ? ' forwarded' : ''} → ${s.status ?? 'no answer'}`);
    const queued = [...waitingNow].find((w) => w.startsWith(id));
    return (
      `${taskId} (${how(Number(taskId.slice(2)))}); heard: ${heard.join(', ') || 'nothing'}; on the wire: ${wire.join(', ') || 'nothing'}; ` +
      (queued ? `still in the outbox: ${queued}` : 'not in the outbox')
    );
  }

  it('stores each escalation exactly once, e-mails it once, and tells the agent only the truth', async () => {
    const started = Date.now();
    for (let t = 0; t < TABS; t++) tabs.push(await openTab(browser, settings, `tab-${t}`, reports));
    await Promise.all(
      tabs.map(async (_, t) => {
        for (let i = t; i < N; i += TABS) await escalate(t, i);
      }),
    );

    const sentAt = Date.now();
    // Drained: nothing waits in the outbox, and the host has heard of every queued or cut-short send.
    // Faults stay on: the outbox must get through them by itself. The limit only bounds a hang.
    const limit = Date.now() + 1000 * (Number(process.env.FAULTS_DRAIN_S) || (soak ? 600 : 60));
    let left: number[];
    do {
      await new Promise((r) => setTimeout(r, 250));
      left = await Promise.all(tabs.map(waiting));
      // Drained, yet something unheard: a page may have heard it just as it was reloaded or closed.
      if (left.every((n) => n === 0) && owed().length > 0) reports.merge(await heard(tabs[0]!));
    } while ((left.some((n) => n > 0) || owed().length > 0) && Date.now() < limit);
    if (Date.now() >= limit)
      console.log(`[faults] not drained after ${Math.round((limit - sentAt) / 1000)} s: ${left.join(', ')} waiting per tab`);
    await server.handler.settled();

    const rows = await server.all();
    const submitted = reports.of('escalate-submit');
    const tasks = Array.from({ length: N }, (_, i) => `F-${i}`);
    const perTask = new Map<string, number>();
    for (const row of rows) perTask.set(row.request.taskId, (perTask.get(row.request.taskId) ?? 0) + 1);
    const storedIds = new Set(rows.map((r) => r.id));
    const sent = new Set(submitted.map((r) => r.taskId)).size;
    const lost = tasks.filter((t) => !perTask.has(t));
    const duplicates = [...perTask.values()].reduce((sum, n) => sum + n - 1, 0) + rows.length - storedIds.size;
    const emails = [...server.emails.values()].reduce((a, b) => a + b, 0);
    const emailedTwice = [...server.emails].filter(([, n]) => n > 1).map(([id]) => id);

    // What the host was told, checked against what the proxy saw and the store holds.
    const problems: string[] = [];
    const answers = (id: string | undefined) => proxy.seen.filter((s) => s.key === id && s.status !== undefined);
    for (const r of [...reports.of('escalate-success'), ...reports.of('escalate-delivered')]) {
      if (!storedIds.has(r.id!)) problems.push(`${r.type} for ${r.taskId} (${r.id}), which is not stored`);
      if (!answers(r.id).some((s) => s.status! < 300)) problems.push(`${r.type} for ${r.taskId} with no 2xx answer`);
    }
    for (const r of reports.of('escalate-error')) {
      const got = answers(r.id);
      const last = got.at(-1)?.status;
      const finalAnswer = isFinal(last) && r.error?.status === last;
      const gaveUp = r.fromOutbox && got.filter((s) => s.status! >= 500).length >= GIVE_UP_5XX && r.error?.status === last;
      if (!finalAnswer && !gaveUp)
        problems.push(`final error for ${r.taskId} (${r.error?.message}) after answers ${got.map((s) => s.status).join(',') || 'none'}`);
    }
    const waitingNow = new Set((await Promise.all(tabs.map(outboxOf))).flat());
    for (const id of owed()) problems.push(`${id} was queued or cut short, and never delivered: ${story(id, waitingNow)}`);

    const kinds = proxy.counts();
    const faulted = proxy.seen.length - (kinds.pass ?? 0);
    console.log(
      `[faults] seed ${SEED}, ${Math.round((sentAt - started) / 1000)} s sending, ${Math.round((Date.now() - sentAt) / 1000)} s draining; ${proxy.seen.length} POSTs, ${faulted} faulted: ` +
        [...faultKinds, 'offline-period'].map((k) => `${k} ${kinds[k] ?? 0}`).join(', '),
    );
    console.log(
      `[faults] outcomes: ${reports.of('escalate-success').length} success, ${reports.of('escalate-queued').length} queued, ` +
        `${reports.of('escalate-delivered').length} delivered, ${reports.of('escalate-error').length} final errors; ` +
        `${tasks.filter((_, i) => how(i) === 'hand').length} by hand, ${tasks.filter((_, i) => how(i) === 'reload').length} reloaded ` +
        `and ${tasks.filter((_, i) => how(i) === 'close').length} tabs closed mid-send; ${reports.late} reports reached the test only ` +
        `through the pages' own record (a page reloaded or closed as it heard them)`,
    );
    reportFigures('faults', `sent ${sent}, stored ${rows.length}, duplicates ${duplicates}, lost ${lost.length}, e-mails ${emails}`);

    assert.equal(sent, N, 'every task was sent');
    assert.deepEqual(lost, [], 'no escalation lost');
    assert.equal(duplicates, 0, 'no escalation stored twice');
    assert.equal(rows.length, N);
    assert.deepEqual(emailedTwice, [], 'no e-mail sent twice');
    assert.equal(emails, N, 'one e-mail per escalation');
    assert.deepEqual(problems.slice(0, 20), [], `the host was told only the truth (${problems.length} problems)`);
    assert.ok(faulted / proxy.seen.length > 0.2, 'the faults were really injected');
  });
});
