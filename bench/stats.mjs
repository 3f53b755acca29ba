/**
 * The statistics every timing in the bench uses: medians of interleaved repetitions, so that a
 * machine that slows down half-way (another engineer's test run) slows every variant alike
 * instead of the one that happened to run last.
 */

/** At least this many repetitions of every timing (the brief: the median of ≥ 7). */
export const REPS = Number(process.env.BENCH_REPS ?? 7);

export function median(values) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Runs `measure(variant, rep)` REPS times for every variant, the variants' order rotating from
 * one repetition to the next (no variant is always first, when caches and the CPU are coldest).
 * Returns, per variant key, the list of what `measure` returned.
 */
export async function interleave(variants, measure, reps = REPS) {
  const out = new Map(variants.map((v) => [v, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[(i + rep) % variants.length];
      out.get(v).push(await measure(v, rep));
    }
  }
  return out;
}

/** The median of one field over the repetitions of a variant. */
export const medianOf = (samples, field) => median(samples.map((s) => (typeof field === 'function' ? field(s) : s[field])));
