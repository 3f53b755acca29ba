/**
 * The calendar reads a zone's wall clock from an offset asked of Intl once per zone and minute
 * (policy/calendar.ts). Held here against the plain way, `formatToParts` for every instant, on
 * zones with DST, half-hour and 45-minute offsets, at random instants and around every DST
 * change of 2024–2027; and the asking is counted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addBusinessDays, endOfBusinessDay, type Calendar } from '@escalate-kit/sdk';

const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC'];
const DAY = 86_400_000;

/** The wall clock of `t` in `timeZone`, by `formatToParts` alone (the oracle). */
function wall(t: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(new Date(t))) if (type !== 'literal') p[type] = Number(value);
  return { y: p.year!, m: p.month!, d: p.day!, time: ((p.hour! * 60 + p.minute!) * 60 + p.second!) * 1000 + (((t % 1000) + 1000) % 1000) };
}

/** The instant of a wall clock, corrected twice as the calendar does, by the oracle's wall clock. */
function instant(l: ReturnType<typeof wall>, timeZone: string) {
  const wanted = Date.UTC(l.y, l.m - 1, l.d) + l.time;
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const seen = wall(guess, timeZone);
    guess += wanted - (Date.UTC(seen.y, seen.m - 1, seen.d) + seen.time);
  }
  return guess;
}

/** The same wall-clock time `days` business days later (no holidays), by the oracle. */
function oracleAdd(from: number, days: number, timeZone: string) {
  let l = wall(from, timeZone);
  for (let left = days; left > 0;) {
    const u = new Date(Date.UTC(l.y, l.m - 1, l.d) + DAY);
    l = { y: u.getUTCFullYear(), m: u.getUTCMonth() + 1, d: u.getUTCDate(), time: l.time };
    const weekday = u.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return instant(l, timeZone);
}

/** Every instant in 2024–2027 where `timeZone`'s offset changes (to the minute), found by bisection. */
function changes(timeZone: string): number[] {
  const offsetAt = (t: number) => {
    const l = wall(t, timeZone);
    return Date.UTC(l.y, l.m - 1, l.d) + l.time - t;
  };
  const found: number[] = [];
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += DAY) {
    if (offsetAt(t) === offsetAt(t + DAY)) continue;
    let [a, b] = [t, t + DAY];
    while (b - a > 60_000) {
      const mid = Math.floor((a + b) / 2 / 60_000) * 60_000;
      if (offsetAt(mid) === offsetAt(a)) a = mid;
      else b = mid;
    }
    found.push(b);
  }
  return found;
}

describe('calendar: wall clocks from cached offsets', () => {
  it('adds business days as formatToParts for every instant would, at random instants', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 0, max: 12 }),
        (timeZone, t, days) => {
          const calendar: Calendar = { timeZone, holidays: [] };
          assert.equal(addBusinessDays(new Date(t), days, calendar).getTime(), oracleAdd(t, days, timeZone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees around every DST change of 2024–2027, a second either side, and ends business days on the local midnight', () => {
    let checked = 0;
    for (const timeZone of zones) {
      const calendar: Calendar = { timeZone, holidays: [] };
      for (const at of changes(timeZone)) {
        for (const t of [at - 61_000, at - 1000, at, at + 1000, at + 59_000]) {
          for (const days of [0, 1, 3]) {
            assert.equal(
              addBusinessDays(new Date(t), days, calendar).getTime(),
              oracleAdd(t, days, timeZone),
              `${timeZone} ${new Date(t).toISOString()} +${days}`,
            );
            const end = endOfBusinessDay(new Date(t), days, calendar).getTime();
            const l = wall(end, timeZone);
            assert.equal(l.time, DAY - 1, `${timeZone}: ends at 23:59:59.999 local`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 200, `checked ${checked}`);
  });

  it('asks Intl once per zone and minute', () => {
    const calls = { n: 0 };
    const original = Intl.DateTimeFormat.prototype.formatToParts;
    Intl.DateTimeFormat.prototype.formatToParts = function (this: Intl.DateTimeFormat, date?: Date | number) {
      calls.n++;
      return original.call(this, date);
    };
    try {
      const calendar: Calendar = { timeZone: 'America/Chicago', holidays: [] };
      const t0 = Date.UTC(2031, 4, 7, 15, 0, 0);
      for (let i = 0; i < 1000; i++) endOfBusinessDay(new Date(t0 + i * 50), 2, calendar);
      // One minute of instants; the result's days and the corrections touch a few minutes more.
      assert.ok(calls.n > 0 && calls.n <= 6, `formatToParts called ${calls.n} times for 1,000 deadlines in one minute`);
    } finally {
      Intl.DateTimeFormat.prototype.formatToParts = original;
    }
  });
});
