/**
 * The range of `GET /api/stats?from=&to=&tz=`: days in a time zone, both ends included. By
 * default the last 8 ISO weeks in UTC (this week and the 7 before it, up to today), what a lead
 * reads for a trend without choosing anything.
 */
import * as z from 'zod/mini';
import { addDays, dayOf, isTimeZone, mondayOf, startOfDay } from './days.ts';

/** The longest range asked for at once: two years of days. */
export const MAX_RANGE_DAYS = 731;

const isRealDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && addDays(v, 0) === v;
const daySchema = (what: string) =>
  z.string().check(
    z.refine(isRealDay, `${what} must be a day such as 2025-03-01`),
    z.refine((v) => v >= '1970-01-02' && v <= '9999-12-30', `${what} must be between 1970 and 9999`),
  );

/** The query, as sent: each part optional. */
export const metricsQuerySchema = z.object({
  /** The first day counted (`YYYY-MM-DD`, in `tz`). @default the Monday 7 weeks before `to`'s week */
  from: z.optional(daySchema('from')),
  /** The last day counted (`YYYY-MM-DD`, in `tz`). @default today in `tz` */
  to: z.optional(daySchema('to')),
  /** The IANA time zone the days are counted in. @default UTC */
  tz: z.optional(
    z
      .string()
      .check(
        z.maxLength(64, 'tz must be at most 64 characters'),
        z.refine(isTimeZone, 'tz must be a time zone such as Europe/Paris or UTC'),
      ),
  ),
});
export type MetricsQuery = z.output<typeof metricsQuerySchema>;

export interface MetricsRange {
  from: string;
  to: string;
  tz: string;
  /** The instants the range covers: `[start, end)` (ISO). */
  start: string;
  end: string;
}

/** The range a valid query asks for, with the defaults filled in, or the problems of the query by field. */
export function resolveRange(query: MetricsQuery, now: Date): MetricsRange | { path: string[]; message: string }[] {
  const tz = query.tz ?? 'UTC';
  const to = query.to ?? dayOf(now.getTime(), tz);
  const from = query.from ?? addDays(mondayOf(to), -49);
  if (from > to) return [{ path: ['from'], message: 'from must be on or before to' }];
  if (Date.parse(to) - Date.parse(from) >= MAX_RANGE_DAYS * 86_400_000) {
    return [{ path: ['from'], message: `The range must be at most ${MAX_RANGE_DAYS} days` }];
  }
  return { from, to, tz, start: new Date(startOfDay(from, tz)).toISOString(), end: new Date(startOfDay(addDays(to, 1), tz)).toISOString() };
}
