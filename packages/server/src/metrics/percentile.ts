/**
 * Percentiles of durations, by linear interpolation between the closest ranks (the common
 * definition: numpy's default, a spreadsheet's PERCENTILE.INC), so the median of an even count
 * is the mean of the middle two, and a seeded test can work the answers out by hand.
 */

/** The `p`-th quantile (0-1) of `values`; `null` when there are none. */
export function quantile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Count, median and 90th percentile (ms). */
export function summarise(durations: readonly number[]) {
  return { count: durations.length, medianMs: quantile(durations, 0.5), p90Ms: quantile(durations, 0.9) };
}
