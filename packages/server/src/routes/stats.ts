/** `GET /api/stats`: counts by category, urgency, status and day. */
import { json } from '../http/responses.ts';
import type { EscalationStore, Stats } from '../types.ts';
import type { Routes } from './route.ts';

export const statsRoutes =
  (store: EscalationStore, categories: readonly string[]): Routes =>
  (path) => {
    if (path !== '/api/stats') return undefined;
    return {
      api: true,
      roles: { GET: 'lead' },
      methods: {
        GET: async () => {
          const counted = await store.stats();
          // The configured categories first and always present, so the inbox can show "pricing: 0".
          const byCategory: Stats['byCategory'] = Object.fromEntries(categories.map((c) => [c, counted.byCategory[c] ?? 0]));
          for (const [c, n] of Object.entries(counted.byCategory)) byCategory[c] ??= n;
          return json(200, { ...counted, byCategory } satisfies Stats);
        },
      },
    };
  };
