/**
 * The inbox's calls to the escalation API, through the session's caller (`http.ts`: cookie,
 * CSRF token, 401 handling). Every answer is parsed with the server's own schemas, so what the
 * views get is what the types say.
 */
import {
  listResultSchema,
  metaSchema,
  statsSchema,
  storedEscalationSchema,
  type EscalationStatus,
  type Meta,
  type Stats,
  type StoredEscalation,
} from '../types.ts';
import type { Caller } from './http.ts';

/** The largest page the API gives. */
const PAGE_SIZE = 200;
/** More than a team works through at once; beyond it the filters narrow the list. */
export const MAX_ITEMS = 2000;

export interface ListFilters {
  status: EscalationStatus | '';
  category: string;
  /** A team id, or `''` for every team. */
  team: string;
}

export interface InboxApi {
  /** Every page of the filtered list, in respond-by order, up to {@link MAX_ITEMS}; `capped` when the server had more. */
  listAll(filters: ListFilters): Promise<{ items: StoredEscalation[]; capped: boolean }>;
  get(id: string): Promise<StoredEscalation>;
  /** Sets the status, with the note when there is one. */
  mark(id: string, status: EscalationStatus, note: string | undefined): Promise<StoredEscalation>;
  /** Counts by category and day (leads only). */
  stats(): Promise<Stats>;
  /** Category labels and team names, as this server was configured. */
  meta(): Promise<Meta>;
}

export function createInboxApi(call: Caller): InboxApi {
  const one = (id: string) => `/api/escalations/${encodeURIComponent(id)}`;

  return {
    async listAll({ status, category, team }) {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (status) params.set('status', status);
      if (category) params.set('category', category);
      if (team) params.set('team', team);
      const items: StoredEscalation[] = [];
      for (;;) {
        const page = await call(listResultSchema, `/api/escalations?${params}`);
        items.push(...page.items);
        if (!page.nextCursor) return { items, capped: false };
        if (items.length >= MAX_ITEMS) return { items: items.slice(0, MAX_ITEMS), capped: true };
        params.set('cursor', page.nextCursor);
      }
    },
    get: (id) => call(storedEscalationSchema, one(id)),
    mark: (id, status, note) =>
      call(storedEscalationSchema, one(id), { method: 'PATCH', body: JSON.stringify({ status, ...(note && { note }) }) }),
    stats: () => call(statsSchema, '/api/stats'),
    meta: () => call(metaSchema, '/api/meta'),
  };
}
