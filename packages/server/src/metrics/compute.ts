/**
 * Every figure of the Metrics page from the rows of a range (`store.metricsRows`): pure, so each
 * store gives the same answer and a test can check it against figures worked out by hand.
 */
import type { MetricsRows } from '../types.ts';
import { agentRates } from './agents.ts';
import { countEscalations, type CountOptions } from './counts.ts';
import type { MetricsRange } from './range.ts';
import type { Metrics } from './schema.ts';
import { timeEscalations } from './timing.ts';

/**
 * @param now what "past its deadline" is measured against, for escalations not yet contacted or resolved
 */
export function computeMetrics(rows: MetricsRows, range: MetricsRange, now: Date, options: CountOptions): Metrics {
  const { escalations, handled } = rows;
  return {
    range: { from: range.from, to: range.to, tz: range.tz },
    escalations: escalations.length,
    handled: handled.length,
    ...countEscalations(escalations, range, options),
    ...timeEscalations(escalations, range, now),
    agents: agentRates(escalations, handled, range.to),
  };
}
