/**
 * The SLA clock's schedule as pure functions (packages/server/src/sla/schedule.ts,
 * docs/policy.md#follow-up): where deadlines move while the clock is stopped, which deadlines
 * run in which status, and which follow-ups are due. No store and no timer: times are given.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueFollowUps, slaClocks, stoppedMs, type HistoryEntry, type StoredEscalation } from '../../../packages/server/src/index.ts';
import { resolveSlaOptions } from '../../../packages/server/src/sla/options.ts';
import { makeRequest } from '../../support/fixtures.ts';

const HOUR = 3_600_000;
const at = (h: number) => new Date(Date.parse('2025-11-14T10:00:00.000Z') + h * HOUR);
const iso = (h: number) => at(h).toISOString();
const actor = { type: 'anonymous', name: 'test' } as const;
const change = (from: HistoryEntry['to'], to: HistoryEntry['to'], h: number): HistoryEntry => ({ from, to, status: to, at: iso(h), actor });

/** Received at hour 0, respond-by at hour 4, resolve-by at hour 24. */
function escalation(history: HistoryEntry[] = [], agentEmail?: string): StoredEscalation {
  const status = history.at(-1)?.to ?? 'open';
  return {
    id: 'e-1',
    request: makeRequest(agentEmail ? { agent: { id: 'a-1', email: agentEmail } } : {}),
    team: 'billing',
    respondBy: iso(4),
    resolveBy: iso(24),
    receivedAt: iso(0),
    status,
    history,
    notification: { state: 'sent', attempts: 1 },
  };
}

const kinds = (e: StoredEscalation, h: number, done: string[] = []) =>
  dueFollowUps(e, new Set(done as never[]), at(h), 0.75).map((d) => `${d.kind}@${d.dueAt}`);

describe('the SLA schedule', () => {
  it('counts the time spent waiting on the customer and resolved, not the time open or contacted, nor notes', () => {
    const e = escalation([
      change('open', 'contacted', 1),
      change('contacted', 'contacted', 1.5),
      change('contacted', 'waiting', 2),
      change('waiting', 'contacted', 5),
      change('contacted', 'resolved', 6),
      change('resolved', 'open', 8),
    ]);
    assert.equal(stoppedMs(e, at(9)), 5 * HOUR);
    // Still waiting: the wait so far counts.
    assert.equal(stoppedMs(escalation([change('open', 'contacted', 1), change('contacted', 'waiting', 2)]), at(3.5)), 1.5 * HOUR);
  });

  it('runs respond-by until the first contact and resolve-by until resolved, none while waiting', () => {
    assert.deepEqual(
      slaClocks(escalation(), at(1), 0.75).map((c) => [c.deadline, c.dueAt, c.remindAt]),
      [
        ['respond', iso(4), iso(3)],
        ['resolve', iso(24), iso(18)],
      ],
    );
    const contacted = escalation([change('open', 'contacted', 1)]);
    assert.deepEqual(
      slaClocks(contacted, at(2), 0.75).map((c) => c.deadline),
      ['resolve'],
    );
    assert.deepEqual(slaClocks(escalation([change('open', 'contacted', 1), change('contacted', 'waiting', 2)]), at(3), 0.75), []);
  });

  it('moves the deadline and the reminder later by the time waited', () => {
    const e = escalation([change('open', 'contacted', 1), change('contacted', 'waiting', 2), change('waiting', 'contacted', 12)]);
    const [resolve] = slaClocks(e, at(13), 0.75);
    assert.deepEqual(resolve, { deadline: 'resolve', decidedAt: iso(24), dueAt: iso(34), remindAt: iso(28) });
    assert.deepEqual(kinds(e, 27.9), []);
    assert.deepEqual(kinds(e, 28), [`resolve-reminder@${iso(34)}`]);
    assert.deepEqual(kinds(e, 34), [`resolve-breach@${iso(34)}`]);
  });

  it('sends a reminder once and a breach once, and no reminder after its breach', () => {
    const e = escalation();
    assert.deepEqual(kinds(e, 2.99), []);
    assert.deepEqual(kinds(e, 3), [`respond-reminder@${iso(4)}`]);
    assert.deepEqual(kinds(e, 3.5, ['respond-reminder']), []);
    // A server that was down at the reminder's time sends the breach alone.
    assert.deepEqual(kinds(e, 4), [`respond-breach@${iso(4)}`]);
    assert.deepEqual(kinds(e, 5, ['respond-breach']), []);
  });

  it("tells the agent of the first contact and of the resolution, only with the agent's e-mail", () => {
    const history = [
      change('open', 'contacted', 1),
      change('contacted', 'waiting', 2),
      change('waiting', 'contacted', 3),
      change('contacted', 'resolved', 4),
    ];
    assert.deepEqual(kinds(escalation(history, 'sam@acme.test'), 5), [`agent-contacted@${iso(1)}`, `agent-resolved@${iso(4)}`]);
    assert.deepEqual(kinds(escalation(history), 5), []);
    assert.deepEqual(kinds(escalation(history, 'sam@acme.test'), 5, ['agent-contacted', 'agent-resolved']), []);
  });

  it('checks its options at start-up', () => {
    assert.deepEqual(resolveSlaOptions(), { warnAt: 0.75, intervalMs: 60_000 });
    assert.throws(() => resolveSlaOptions({ warnAt: 1.5 }), /sla.warnAt must be between 0 and 1, not 1.5/);
    assert.throws(() => resolveSlaOptions({ intervalMs: -1 }), /sla.intervalMs must be 0 or more/);
  });
});
