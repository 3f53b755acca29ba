/**
 * `GET /api/stats?from=&to=&tz=` (leads): the counts of every escalation by category, urgency,
 * status and day, which the inbox shows under its list, and `metrics`, the figures of the Metrics
 * page for a range of days (docs/policy.md#metrics; computed in `metrics/`).
 */
import { toFieldIssues } from '@escalate-kit/sdk';
import { invalid, json } from '../http/responses.ts';
import { computeMetrics } from '../metrics/compute.ts';
import { metricsQuerySchema, resolveRange } from '../metrics/range.ts';
import type { StatsAnswer } from '../metrics/schema.ts';
import type { EscalationStore, Stats } from '../types.ts';
import type { Routes } from './route.ts';

export interface StatsRoutesOptions {
  store: EscalationStore;
  clock: () => Date;
  /** The configured category ids and team ids, counted even when none came. */
  categories: readonly string[];
  teams: readonly string[];
}

export const statsRoutes =
  ({ store, clock, categories, teams }: StatsRoutesOptions): Routes =>
  (path) => {
    if (path !== '/api/stats') return undefined;
    return {
      api: true,
      roles: { GET: 'lead' },
      methods: {
        GET: async (request) => {
          const query = metricsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
          if (!query.success) return invalid(toFieldIssues(query.error.issues));
          const now = clock();
          const range = resolveRange(query.data, now);
          if (Array.isArray(range)) return invalid(range);
          const [counted, rows] = await Promise.all([store.stats(), store.metricsRows(range.start, range.end)]);
          // The configured categories first and always present, so the inbox can show "pricing: 0".
          const byCategory: Stats['byCategory'] = Object.fromEntries(categories.map((c) => [c, counted.byCategory[c] ?? 0]));
          for (const [c, n] of Object.entries(counted.byCategory)) byCategory[c] ??= n;
          const metrics = computeMetrics(rows, range, now, { categories, teams });
          return json(200, { ...counted, byCategory, metrics } satisfies StatsAnswer);
        },
      },
    };
  };
