/** How the Metrics page says numbers: shares as percentages, durations in hours and days, experience in words. */
import type { AgentRate } from '../../metrics/schema.ts';

/** `0.6` → `60%`; `null` (nothing to judge) → `—`. */
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** A duration in ms as a person says it: `20 min`, `1 h 30 min`, `2 d 14 h`; `—` when none was measured. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** docs/policy.md#metrics' bands, as the table there names them. */
export const experienceWords: Record<AgentRate['experience'], string> = {
  new: 'New (0-3 months)',
  intermediate: 'Intermediate (3-12 months)',
  experienced: 'Experienced (12+ months)',
  unknown: 'Unknown (no start date)',
};

/** `{ min: 0.1, max: 0.15 }` → `10-15%`. */
export const rangeWords = (range: AgentRate['range']) => (range ? `${percent(range.min).slice(0, -1)}-${percent(range.max)}` : '—');
