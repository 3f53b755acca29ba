/**
 * How fast the account team works, from each escalation's history: time to first contact and to
 * resolution (median, 90th percentile), and how many were contacted by their respond-by and
 * resolved by their resolve-by, overall and per ISO week of receipt (SLA compliance over time).
 * docs/policy.md#metrics, #respond-by.
 */
import type { StoredEscalation } from '../types.ts';
import { dayOf, daysBetween, isoWeek, mondayOf } from './days.ts';
import { summarise } from './percentile.ts';
import type { MetricsRange } from './range.ts';
import type { Metrics } from './schema.ts';

type Share = Metrics['respondedInTime'];

/** When the team first contacted the customer: the first change to `contacted` (a note while contacted is no change). */
export function firstContactAt(e: StoredEscalation): string | undefined {
  return e.history.find((h) => h.to === 'contacted' && h.from !== 'contacted')?.at;
}

/** When a resolved escalation was resolved: its last change to `resolved` (one reopened and resolved again counts the last). */
export function resolvedAt(e: StoredEscalation): string | undefined {
  if (e.status !== 'resolved') return undefined;
  return e.history.findLast((h) => h.to === 'resolved' && h.from !== 'resolved')?.at;
}

/**
 * Whether a deadline was kept: due once it was reached (`done`) or has passed (`now`); one whose
 * time has not come and that is not done yet is not judged.
 */
function judge(deadline: string | undefined, done: string | undefined, now: number): 'met' | 'missed' | undefined {
  if (deadline === undefined) return undefined;
  if (done !== undefined) return Date.parse(done) <= Date.parse(deadline) ? 'met' : 'missed';
  return now > Date.parse(deadline) ? 'missed' : undefined;
}

class Tally {
  due = 0;
  met = 0;
  count(verdict: 'met' | 'missed' | undefined) {
    if (!verdict) return;
    this.due++;
    if (verdict === 'met') this.met++;
  }
  get share(): Share {
    return { due: this.due, met: this.met, share: this.due ? this.met / this.due : null };
  }
}

export function timeEscalations(
  escalations: readonly StoredEscalation[],
  range: MetricsRange,
  now: Date,
): Pick<Metrics, 'resolution' | 'timeToFirstContact' | 'timeToResolution' | 'respondedInTime' | 'resolvedInTime' | 'slaPerWeek'> {
  const toContact: number[] = [];
  const toResolve: number[] = [];
  const respond = new Tally();
  const resolve = new Tally();
  const weeks = new Map<string, { start: string; respond: Tally; resolve: Tally }>();
  for (const day of daysBetween(range.from, range.to)) {
    const week = isoWeek(day);
    if (!weeks.has(week)) weeks.set(week, { start: mondayOf(day), respond: new Tally(), resolve: new Tally() });
  }
  for (const e of escalations) {
    const received = Date.parse(e.receivedAt);
    const contacted = firstContactAt(e);
    const resolved = resolvedAt(e);
    if (contacted !== undefined) toContact.push(Date.parse(contacted) - received);
    if (resolved !== undefined) toResolve.push(Date.parse(resolved) - received);
    const responded = judge(e.respondBy, contacted, now.getTime());
    const closed = judge(e.resolveBy, resolved, now.getTime());
    respond.count(responded);
    resolve.count(closed);
    const week = weeks.get(isoWeek(dayOf(received, range.tz)));
    week?.respond.count(responded);
    week?.resolve.count(closed);
  }
  const resolvedNow = escalations.filter((e) => e.status === 'resolved').length;
  return {
    resolution: { resolved: resolvedNow, rate: escalations.length ? resolvedNow / escalations.length : 0 },
    timeToFirstContact: summarise(toContact),
    timeToResolution: summarise(toResolve),
    respondedInTime: respond.share,
    resolvedInTime: resolve.share,
    slaPerWeek: [...weeks].map(([week, w]) => ({ week, start: w.start, respond: w.respond.share, resolve: w.resolve.share })),
  };
}
