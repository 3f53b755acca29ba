/**
 * Business days in a time zone, with holidays (docs/policy.md#business-days). "The same day"
 * and "3 business days" are days of the team that answers, not of UTC or of whoever computes:
 * a deadline is worked out on that zone's calendar and stored as an instant.
 */
import type { EscalationPolicy } from './schema.ts';

/** Where business days are counted: an IANA time zone and the holidays in it (`YYYY-MM-DD`). */
export interface Calendar {
  timeZone: string;
  holidays: readonly string[];
}

/**
 * The zone of the machine that computes (the server's), when the policy names none. Read once:
 * building a formatter to ask costs more than the rest of a deadline (it showed in the server's
 * profile), and a process does not move.
 */
let machineZone: string | undefined;
const systemZone = () => (machineZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

/**
 * The calendar of a team under a policy: the team's own zone, else the policy's, else the
 * machine's; the policy's holidays.
 *
 * @example
 * ```ts
 * calendarFor(definePolicy({ calendar: { timeZone: 'America/Chicago', holidays: ['2025-11-27'] } })).timeZone; // 'America/Chicago'
 * ```
 */
export function calendarFor(policy: EscalationPolicy, team?: string): Calendar {
  const timeZone = (team && policy.teams.timeZones[team]) || policy.calendar.timeZone || systemZone();
  return { timeZone, holidays: policy.calendar.holidays };
}

interface Local {
  y: number;
  m: number;
  d: number;
  /** Milliseconds since local midnight. */
  time: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/**
 * The zone's offset from UTC at `t`, in ms, asked of Intl once per zone and minute. A deadline
 * reads the wall clock seven or so times, and `formatToParts` was ~8% of the server's time per
 * escalation; a minute's instants share their offset (the tz database changes offsets on whole
 * minutes since 1972). Bounded: cleared when it holds 4,096 minutes.
 */
const offsets = new Map<string, number>();
function offset(t: number, timeZone: string): number {
  const minute = Math.floor(t / 60_000) * 60_000;
  const key = `${timeZone} ${minute}`;
  let o = offsets.get(key);
  if (o === undefined) {
    const p: Record<string, number> = {};
    for (const { type, value } of format(timeZone).formatToParts(new Date(minute))) if (type !== 'literal') p[type] = Number(value);
    o = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - minute;
    if (offsets.size >= 4096) offsets.clear();
    offsets.set(key, o);
  }
  return o;
}

const DAY = 86_400_000;

/** The wall-clock date and time of an instant in a zone. */
function local(t: number, timeZone: string): Local {
  const wall = t + offset(t, timeZone);
  const u = new Date(wall);
  return { y: u.getUTCFullYear(), m: u.getUTCMonth() + 1, d: u.getUTCDate(), time: ((wall % DAY) + DAY) % DAY };
}

/** The instant of a wall-clock date and time in a zone (the later one in a DST overlap, the shifted one in a gap). */
function instant(l: Local, timeZone: string): number {
  const wanted = Date.UTC(l.y, l.m - 1, l.d) + l.time;
  let guess = wanted;
  // Two corrections reach the offset in force at the result, across a DST change too.
  for (let i = 0; i < 2; i++) {
    const seen = local(guess, timeZone);
    guess += wanted - (Date.UTC(seen.y, seen.m - 1, seen.d) + seen.time);
  }
  return guess;
}

const iso = (l: Local) => `${l.y}-${String(l.m).padStart(2, '0')}-${String(l.d).padStart(2, '0')}`;
/** The same wall-clock time `days` calendar days later. */
function shift(l: Local, days: number): Local {
  const u = new Date(Date.UTC(l.y, l.m - 1, l.d) + days * DAY);
  return { y: u.getUTCFullYear(), m: u.getUTCMonth() + 1, d: u.getUTCDate(), time: l.time };
}

/** Monday to Friday and not a holiday. */
function isBusinessDay(l: Local, calendar: Calendar): boolean {
  const weekday = new Date(Date.UTC(l.y, l.m - 1, l.d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(iso(l));
}

/** UTC, no holidays: the calendar of callers that give none. */
export const utcCalendar: Calendar = { timeZone: 'UTC', holidays: [] };

/**
 * Moves `from` by `days` business days on `calendar`, keeping the wall-clock time of day.
 *
 * @example
 * ```ts
 * addBusinessDays(new Date('2025-11-14T10:00:00Z'), 1); // Friday → Monday 2025-11-17T10:00:00Z
 * ```
 */
export function addBusinessDays(from: Date, days: number, calendar: Calendar = utcCalendar): Date {
  if (!Number.isInteger(days)) throw new RangeError(`Business days must be a whole number, got ${days}`);
  const step = days < 0 ? -1 : 1;
  let l = local(from.getTime(), calendar.timeZone);
  for (let left = Math.abs(days); left > 0;) {
    l = shift(l, step);
    if (isBusinessDay(l, calendar)) left--;
  }
  return new Date(instant(l, calendar.timeZone));
}

/**
 * The end (23:59:59.999, local) of the business day `days` business days after `from`; a
 * `from` on a weekend or holiday counts from the next business day ("urgent: the same day" on a
 * Saturday is Monday).
 *
 * @example
 * ```ts
 * endOfBusinessDay(new Date('2025-11-15T10:00:00Z'), 0); // Saturday → Monday 2025-11-17T23:59:59.999Z
 * ```
 */
export function endOfBusinessDay(from: Date, days: number, calendar: Calendar = utcCalendar): Date {
  let l = local(addBusinessDays(from, days, calendar).getTime(), calendar.timeZone);
  while (!isBusinessDay(l, calendar)) l = shift(l, 1);
  return new Date(instant({ ...l, time: DAY - 1 }, calendar.timeZone));
}
