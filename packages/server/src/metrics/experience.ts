/**
 * Healthy escalation rates by experience, and the action when an agent is above theirs: the table
 * of docs/policy.md#metrics, as data. Experience is counted from the agent's start day (from the
 * host) to the last day of the range the figures describe.
 */
export const experienceLevels = ['new', 'intermediate', 'experienced', 'unknown'] as const;
export type Experience = (typeof experienceLevels)[number];

export interface HealthyRange {
  /** Whole months since the start day, from (included) … */
  fromMonths: number;
  /** … to (excluded); `Infinity` for the last band. */
  toMonths: number;
  /** The expected rate, as shares (0.10 = 10%). */
  min: number;
  max: number;
  /** The procedures' action when the rate is higher. */
  action: string;
}

/** docs/policy.md#metrics: New (0-3 months) 10-15%, Intermediate (3-12) 5-10%, Experienced (12+) 3-7%. */
export const healthyRanges: Readonly<Record<Exclude<Experience, 'unknown'>, HealthyRange>> = {
  new: { fromMonths: 0, toMonths: 3, min: 0.1, max: 0.15, action: 'Additional training and coaching' },
  intermediate: { fromMonths: 3, toMonths: 12, min: 0.05, max: 0.1, action: 'Skill gap analysis' },
  experienced: { fromMonths: 12, toMonths: Infinity, min: 0.03, max: 0.07, action: 'Review specific cases' },
};

/** Whole calendar months from `startedOn` to `asOf` (both `YYYY-MM-DD`): 2025-01-31 → 2025-04-30 is 2 (not yet the 31st). */
export function monthsBetween(startedOn: string, asOf: string): number {
  const [sy, sm, sd] = startedOn.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  return (ay - sy) * 12 + (am - sm) - (ad < sd ? 1 : 0);
}

/** The experience of an agent who started on `startedOn`, on `asOf`; `unknown` without a start day. */
export function experienceOf(startedOn: string | undefined, asOf: string): Experience {
  if (startedOn === undefined) return 'unknown';
  const months = monthsBetween(startedOn, asOf);
  for (const [level, range] of Object.entries(healthyRanges) as [Exclude<Experience, 'unknown'>, HealthyRange][]) {
    if (months >= range.fromMonths && months < range.toMonths) return level;
  }
  // A start day after the range: counted as new, the band with the most leeway.
  return 'new';
}
