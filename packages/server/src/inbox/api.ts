/**
 * The inbox's calls to the escalation API, through the session's caller (`http.ts`: cookie,
 * CSRF token, 401 handling). Every answer is parsed with the server's own schemas, so what the
 * views get is what the types say.
 */
import * as z from 'zod/mini';
import { userSchema, type User } from '../auth/types.ts';
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
import type { QueueFilters } from './queue-filters.ts';

/** The largest page the API gives. */
const PAGE_SIZE = 200;
/** More than a team works through at once; beyond it the filters narrow the list. */
export const MAX_ITEMS = 2000;

const usersSchema = z.object({ items: z.array(userSchema) });

export interface InboxApi {
  /** Every page of the filtered list, in respond-by order, up to {@link MAX_ITEMS}; `capped` when the server had more. */
  listAll(filters: QueueFilters): Promise<{ items: StoredEscalation[]; capped: boolean }>;
  get(id: string): Promise<StoredEscalation>;
  /** Sets the status, with the note when there is one. */
  mark(id: string, status: EscalationStatus, note: string | undefined): Promise<StoredEscalation>;
  /** Takes it (a lead may take it from its owner); 409 `already_assigned` names whoever owns it. */
  claim(id: string): Promise<StoredEscalation>;
  /** Nobody owns it any more (its owner or a lead). */
  release(id: string): Promise<StoredEscalation>;
  /** Gives it to a member or lead (leads only). */
  assign(id: string, userId: string): Promise<StoredEscalation>;
  /** The people an escalation can be assigned to: members and leads (leads only). */
  assignable(): Promise<User[]>;
  /** Counts by category and day (leads only). */
  stats(): Promise<Stats>;
  /** Category labels and team names, as this server was configured. */
  meta(): Promise<Meta>;
}

export function createInboxApi(call: Caller): InboxApi {
  const one = (id: string) => `/api/escalations/${encodeURIComponent(id)}`;

  return {
    async listAll({ status, category, team, owner, overdue, q }) {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (status) params.set('status', status);
      if (category) params.set('category', category);
      if (team) params.set('team', team);
      if (owner) params.set('assignee', owner);
      if (overdue) params.set('overdue', 'true');
      if (q.trim()) params.set('q', q.trim());
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
    claim: (id) => call(storedEscalationSchema, `${one(id)}/claim`, { method: 'POST' }),
    release: (id) => call(storedEscalationSchema, `${one(id)}/release`, { method: 'POST' }),
    assign: (id, userId) => call(storedEscalationSchema, `${one(id)}/assignee`, { method: 'PUT', body: JSON.stringify({ userId }) }),
    assignable: async () => (await call(usersSchema, '/api/users')).items.filter((u) => u.role !== 'agent'),
    stats: () => call(statsSchema, '/api/stats'),
    meta: () => call(metaSchema, '/api/meta'),
  };
}
