/** The options of the SLA clock (`createEscalationHandler({ sla })`, docs/architecture.md#sla-clock). */

/**
 * When the clock reminds and how often it looks. Deadlines are the decided respond-by and
 * resolve-by (docs/policy.md#respond-by); the clock stops while waiting on the customer
 * (docs/policy.md#follow-up). The e-mails are retried with `notifyRetry`'s backoff and lease.
 */
export interface SlaOptions {
  /**
   * How far from arrival to a deadline the owner (or the team, when nobody owns it) is reminded,
   * as a share of that time: `0.75` reminds when three quarters of it have run. Between 0 and 1.
   * @default 0.75
   * @example createEscalationHandler({ store, notify, sla: { warnAt: 0.5 } })
   */
  warnAt?: number;
  /**
   * How often a timer looks for due reminders, breaches and agent updates, in ms; 0 = no timer
   * (call `runSla()` yourself). A change of status made through this server is looked at at once.
   * @default 60_000
   * @example createEscalationHandler({ store, notify, sla: { intervalMs: 15_000 } })
   */
  intervalMs?: number;
}

/** The options as the runner reads them, checked. */
export interface ResolvedSlaOptions {
  warnAt: number;
  intervalMs: number;
}

/** Fills the defaults; a RangeError for a `warnAt` outside [0, 1] or a negative interval, at start-up. */
export function resolveSlaOptions(options: SlaOptions = {}): ResolvedSlaOptions {
  const warnAt = options.warnAt ?? 0.75;
  const intervalMs = options.intervalMs ?? 60_000;
  if (!(warnAt >= 0 && warnAt <= 1)) throw new RangeError(`sla.warnAt must be between 0 and 1, not ${warnAt}`);
  if (!(intervalMs >= 0 && Number.isFinite(intervalMs))) throw new RangeError(`sla.intervalMs must be 0 or more, not ${intervalMs}`);
  return { warnAt, intervalMs };
}
