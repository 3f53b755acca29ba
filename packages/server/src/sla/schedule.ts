/**
 * The SLA clock as pure functions of a stored escalation and the time (docs/policy.md#follow-up):
 * which deadlines run, where they have moved to, and which follow-ups are due. No store, no
 * timer: `runner.ts` reads, these decide, the store claims.
 *
 * The clock runs while the escalation is open or contacted. It stops while the team waits on
 * the customer (`waiting`) and while it is resolved (a reopened escalation picks up where it
 * stopped): each deadline moves later by the time stopped, read from the history's changes of
 * status, so nothing but the history has to be kept for it.
 */
import type { EscalationStatus } from '../status.ts';
import type { StoredEscalation } from '../types.ts';
import type { FollowUpKind, SlaDeadline } from './kinds.ts';

/** Where the clock runs; every other status stops it. */
export const runningStatuses = ['open', 'contacted'] as const satisfies readonly EscalationStatus[];
const runs = (status: EscalationStatus) => (runningStatuses as readonly EscalationStatus[]).includes(status);

/** The statuses a follow-up may still be claimed in: a status changed meanwhile may make it moot. */
const claimableWhile: Record<FollowUpKind, readonly EscalationStatus[]> = {
  // Respond-by is met once the customer is contacted (docs/policy.md#respond-by).
  'respond-reminder': ['open'],
  'respond-breach': ['open'],
  'resolve-reminder': runningStatuses,
  'resolve-breach': runningStatuses,
  // The agent hears of a contact whatever came after it; of a resolution while it stands.
  'agent-contacted': ['contacted', 'waiting', 'resolved', 'open'],
  'agent-resolved': ['resolved'],
};

/** Milliseconds the clock was stopped between the escalation's arrival and `now`. */
export function stoppedMs(escalation: Pick<StoredEscalation, 'receivedAt' | 'history'>, now: Date): number {
  let status: EscalationStatus = 'open';
  let since = Date.parse(escalation.receivedAt);
  let stopped = 0;
  for (const entry of escalation.history) {
    // Notes and assignments keep the status (`from` = `to`): the clock goes on as it was.
    if (entry.to === status) continue;
    const at = Date.parse(entry.at);
    if (!runs(status)) stopped += Math.max(0, at - since);
    status = entry.to;
    since = at;
  }
  if (!runs(status)) stopped += Math.max(0, now.getTime() - since);
  return stopped;
}

/** When the customer was first contacted (ISO), if they were. */
export const contactedAt = (escalation: Pick<StoredEscalation, 'history'>): string | undefined =>
  escalation.history.find((h) => h.to === 'contacted' && h.from !== 'contacted')?.at;

/** One running deadline. */
export interface SlaClock {
  deadline: SlaDeadline;
  /** The deadline as decided (`respondBy`, `resolveBy`). */
  decidedAt: string;
  /** The deadline moved later by the time the clock was stopped: a breach from this instant. */
  dueAt: string;
  /** When the reminder is due: `warnAt` of the running time from arrival to the deadline. */
  remindAt: string;
}

/**
 * The deadlines that run now: respond-by until the customer is first contacted, resolve-by (when
 * a rule gave one) until resolved; none while the clock is stopped.
 *
 * @example
 * ```ts
 * // Received 10:00, respond-by 14:00, waiting on the customer 10:30-11:30:
 * slaClocks(escalation, new Date('2025-11-14T12:00:00Z'), 0.75);
 * // [{ deadline: 'respond', decidedAt: '…T14:00…', dueAt: '…T15:00…', remindAt: '…T14:00…' }]
 * ```
 */
export function slaClocks(escalation: StoredEscalation, now: Date, warnAt: number): SlaClock[] {
  if (!runs(escalation.status)) return [];
  const stopped = stoppedMs(escalation, now);
  const received = Date.parse(escalation.receivedAt);
  const clock = (deadline: SlaDeadline, decidedAt: string): SlaClock => {
    const decided = Date.parse(decidedAt);
    return {
      deadline,
      decidedAt,
      dueAt: new Date(decided + stopped).toISOString(),
      remindAt: new Date(received + Math.max(0, decided - received) * warnAt + stopped).toISOString(),
    };
  };
  const clocks: SlaClock[] = [];
  if (escalation.status === 'open' && contactedAt(escalation) === undefined) clocks.push(clock('respond', escalation.respondBy));
  if (escalation.resolveBy !== undefined) clocks.push(clock('resolve', escalation.resolveBy));
  return clocks;
}

/** A follow-up that is due now, for the store to claim. */
export interface DueFollowUp {
  kind: FollowUpKind;
  dueAt: string;
  whileStatus: readonly EscalationStatus[];
}

/**
 * The follow-ups of `escalation` due at `now` that `done` does not hold yet: for each running
 * deadline its breach once passed, else its reminder once past `warnAt` (a reminder that comes
 * after its breach is pointless, so a server that was down sends the breach alone); and, when the
 * request carried `agent.email`, the agent's e-mail on the first contact and on resolution.
 */
export function dueFollowUps(escalation: StoredEscalation, done: ReadonlySet<FollowUpKind>, now: Date, warnAt: number): DueFollowUp[] {
  const due: DueFollowUp[] = [];
  const add = (kind: FollowUpKind, dueAt: string) => {
    if (!done.has(kind)) due.push({ kind, dueAt, whileStatus: claimableWhile[kind] });
  };
  for (const clock of slaClocks(escalation, now, warnAt)) {
    if (done.has(`${clock.deadline}-breach`)) continue;
    if (now.getTime() >= Date.parse(clock.dueAt)) add(`${clock.deadline}-breach`, clock.dueAt);
    else if (now.getTime() >= Date.parse(clock.remindAt)) add(`${clock.deadline}-reminder`, clock.dueAt);
  }
  if (escalation.request.agent?.email) {
    const contacted = contactedAt(escalation);
    if (contacted !== undefined) add('agent-contacted', contacted);
    const resolved = escalation.history.findLast((h) => h.to === 'resolved' && h.from !== 'resolved');
    if (escalation.status === 'resolved' && resolved) add('agent-resolved', resolved.at);
  }
  return due;
}
