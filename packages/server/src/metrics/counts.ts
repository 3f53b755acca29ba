/**
 * Escalations counted: per day and per ISO week (each stacked by team), and by category, team
 * and signal, the reasons of docs/policy.md#metrics.
 */
import { signalNames } from '@escalate-kit/sdk';
import type { StoredEscalation } from '../types.ts';
import { dayOf, daysBetween, isoWeek, mondayOf } from './days.ts';
import type { MetricsRange } from './range.ts';
import type { Metrics } from './schema.ts';

const add = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
/** `keys` at 0, so a page shows "pricing: 0" rather than nothing. */
const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

export interface CountOptions {
  /** The configured categories and teams, counted even when none came. */
  categories: readonly string[];
  teams: readonly string[];
}

export function countEscalations(
  escalations: readonly StoredEscalation[],
  range: MetricsRange,
  options: CountOptions,
): Pick<Metrics, 'perDay' | 'perWeek' | 'byCategory' | 'byTeam' | 'bySignal'> {
  const days = daysBetween(range.from, range.to);
  const perDay = new Map(days.map((day) => [day, { day, total: 0, byTeam: {} as Record<string, number> }]));
  const perWeek = new Map<string, Metrics['perWeek'][number]>();
  for (const day of days) {
    const week = isoWeek(day);
    if (!perWeek.has(week)) perWeek.set(week, { week, start: mondayOf(day), total: 0, byTeam: {} });
  }
  const byCategory = zeros(options.categories);
  const byTeam = zeros(options.teams);
  const bySignal = zeros(signalNames);
  for (const e of escalations) {
    const day = dayOf(e.receivedAt, range.tz);
    const d = perDay.get(day);
    const w = perWeek.get(isoWeek(day));
    // The store returned the range's rows; a row outside it (a clock's edge) is not counted.
    if (!d || !w) continue;
    d.total++;
    add(d.byTeam, e.team);
    w.total++;
    add(w.byTeam, e.team);
    add(byCategory, e.request.category);
    add(byTeam, e.team);
    for (const signal of signalNames) if (e.request.signals?.[signal] === true) add(bySignal, signal);
  }
  return { perDay: [...perDay.values()], perWeek: [...perWeek.values()], byCategory, byTeam, bySignal };
}
