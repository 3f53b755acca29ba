/**
 * Calendar days in a time zone, for counting per day and per ISO week where the team is: a day
 * is `YYYY-MM-DD`, and an instant falls on the day its wall clock shows in the zone.
 */
const DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(tz, f);
  }
  return f;
}

/** Whether `tz` is a time zone this runtime knows (an IANA name such as `Europe/Paris`, or `UTC`). */
export function isTimeZone(tz: string): boolean {
  try {
    format(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of instant `t` in `tz`, as if it were UTC (ms). */
function wallClock(t: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of format(tz).formatToParts(new Date(t))) if (type !== 'literal') p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + (((t % 1000) + 1000) % 1000);
}

/** The day instant `t` (ms or ISO) falls on in `tz`. */
export function dayOf(t: number | string, tz: string): string {
  return new Date(wallClock(typeof t === 'string' ? Date.parse(t) : t, tz)).toISOString().slice(0, 10);
}

/** The instant (ms) `day` begins in `tz`: its first moment, a DST change that day included. */
export function startOfDay(day: string, tz: string): number {
  const wanted = Date.parse(`${day}T00:00:00Z`);
  let guess = wanted;
  // Two corrections reach the offset in force at the result (docs/policy.md#business-days does the same).
  for (let i = 0; i < 2; i++) guess += wanted - wallClock(guess, tz);
  return guess;
}

/** `day` plus `n` calendar days. */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The Monday of `day`'s ISO week. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** `day`'s ISO week, `2025-W07`: weeks start on Monday, and week 1 holds the year's first Thursday. */
export function isoWeek(day: string): string {
  const thursday = addDays(mondayOf(day), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
