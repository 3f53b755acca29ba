/**
 * The SLA clock in words (docs/architecture.md#sla-clock): the deadline that runs now, moved by
 * the time spent waiting on the customer (`slaClocks`, the server's own pure function), and how
 * long is left or how long it is overdue, so overdue is said, not only coloured.
 */
import { slaClocks, type SlaClock } from '../sla/schedule.ts';
import type { StoredEscalation } from '../types.ts';

/** Only the due times are shown: where the reminder falls is the server's business. */
const WARN_AT = 0.75;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A length of time as people say it: `35 min`, `2 h 10 min`, `3 days 4 h`. Whole minutes, rounded down. */
export function durationWords(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / (DAY / MINUTE));
  const hours = Math.floor((minutes % (DAY / MINUTE)) / 60);
  if (days > 0) return `${days} day${days === 1 ? '' : 's'}${hours ? ` ${hours} h` : ''}`;
  const rest = minutes % 60;
  return `${hours} h${rest ? ` ${rest} min` : ''}`;
}

export interface ClockWords {
  clock: SlaClock;
  /** `Respond by` or `Resolve by`. */
  label: string;
  overdue: boolean;
  /** `2 h 10 min left` or `overdue by 35 min`. */
  left: string;
}

/** Each running deadline of `item` at `now`, in words; none while the clock is stopped. */
export function clockWords(item: StoredEscalation, now: number): ClockWords[] {
  return slaClocks(item, new Date(now), WARN_AT).map((clock) => {
    const ms = Date.parse(clock.dueAt) - now;
    return {
      clock,
      label: clock.deadline === 'respond' ? 'Respond by' : 'Resolve by',
      overdue: ms < 0,
      left: ms < 0 ? `overdue by ${durationWords(-ms)}` : `${durationWords(ms)} left`,
    };
  });
}

/** Why no clock runs: waiting on the customer stops it, a resolution ends it. */
export function stoppedWords(item: StoredEscalation): string {
  if (item.status === 'waiting') return 'Clock stopped: waiting on the customer';
  if (item.status === 'resolved') return 'Resolved';
  return 'No deadline running';
}

/** Past a running deadline. */
export const isOverdue = (item: StoredEscalation, now: number) => clockWords(item, now).some((c) => c.overdue);
