/**
 * A store in a `Map`, for tests and throw-away demos: nothing survives a restart.
 * It follows the same contract as the SQL stores (see test/support/store-contract.ts).
 */
import {
  NOTIFICATION_LEASE_MS,
  type InsertResult,
  type ListQuery,
  type ListResult,
  type NewEscalation,
  type Notification,
  type StoredEscalation,
} from '../types.ts';
import type { Actor } from '../auth/types.ts';
import { historyAssignee } from '../assignee.ts';
import { createLiveBus } from '../live/bus.ts';
import { liveEvent, type LiveEvent } from '../live/event.ts';
import { historyEntry } from '../status.ts';
import { createMemoryAccessStore } from './access-memory.ts';
import { createMemoryFollowUps } from './follow-ups-memory.ts';
import type { SlaStore } from '../sla/store.ts';
import { decodeCursor, emptyStats, encodeCursor } from './common.ts';
import { matchesList } from './list-filter.ts';
import { newRecord } from './new-record.ts';
import { memoryMetrics } from './metrics-memory.ts';

interface Row {
  record: StoredEscalation;
  bodyHash: string;
}

/** Same order as the SQL stores' `ORDER BY respond_by, id` (ids compare as bytes, like `COLLATE "C"`). */
function compare(a: { respondBy: string; id: string }, b: { respondBy: string; id: string }): number {
  const t = Date.parse(a.respondBy) - Date.parse(b.respondBy);
  if (t !== 0) return t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Creates an in-memory store.
 *
 * @example
 * ```ts
 * const handler = createEscalationHandler({ store: createMemoryStore() });
 * ```
 */
export function createMemoryStore(): SlaStore {
  const rows = new Map<string, Row>();
  // Callers get copies: a handler that mutates a returned record must not change what is stored,
  // exactly as with a database.
  const copy = (record: StoredEscalation): StoredEscalation => structuredClone(record);
  // Changes are published after they are made, to this process only (nothing else shares a Map).
  const bus = createLiveBus();
  const publish = (event: LiveEvent) => bus.publish(structuredClone(event));

  return {
    async migrate() {},
    access: createMemoryAccessStore(),
    followUps: createMemoryFollowUps({ get: (id) => rows.get(id)?.record, all: () => [...rows.values()].map((r) => r.record) }),

    async insert(escalation: NewEscalation): Promise<InsertResult> {
      // Check and set happen in one synchronous step, so concurrent inserts of one id store one row.
      const existing = rows.get(escalation.request.id);
      if (existing) return { inserted: false, record: copy(existing.record), bodyHash: existing.bodyHash };
      const { taskId } = escalation.request;
      for (const row of rows.values()) {
        if (row.record.request.taskId === taskId && row.record.status !== 'resolved')
          return { inserted: false, record: copy(row.record), bodyHash: row.bodyHash, taskAlreadyEscalated: true };
      }
      const record = structuredClone(newRecord(escalation));
      rows.set(record.id, { record, bodyHash: escalation.bodyHash });
      publish(liveEvent('escalation.created', record, record.receivedAt));
      return { inserted: true, record: copy(record), bodyHash: escalation.bodyHash };
    },

    async get(id: string) {
      const row = rows.get(id);
      return row && copy(row.record);
    },

    async list(query: ListQuery, scope: { createdBy?: Actor; now?: string } = {}): Promise<ListResult> {
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const since = query.since === undefined ? undefined : Date.parse(query.since);
      const matching = [...rows.values()]
        .map((r) => r.record)
        .filter(
          (r) =>
            matchesList(r, query, scope) &&
            (since === undefined || Date.parse(r.receivedAt) >= since) &&
            (after === undefined || compare(r, after) > 0),
        )
        .sort(compare);
      const items = matching.slice(0, query.limit).map(copy);
      const last = items.at(-1);
      return matching.length > query.limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
    },

    async changeStatus(id, change) {
      const row = rows.get(id);
      if (!row) return undefined;
      // Compared and set in one synchronous step: of two changes from one status, one wins.
      if (row.record.status !== change.from) return { record: copy(row.record), changed: false };
      row.record.status = change.to;
      row.record.history.push(historyEntry(structuredClone(change)));
      publish(liveEvent('escalation.changed', row.record, change.at, 'status'));
      return { record: copy(row.record), changed: true };
    },

    async addNote(id, { note, at, actor }) {
      const row = rows.get(id);
      if (!row) return undefined;
      const { status } = row.record;
      row.record.history.push(historyEntry({ from: status, to: status, note, at, actor: structuredClone(actor) }));
      publish(liveEvent('escalation.changed', row.record, at, 'note'));
      return copy(row.record);
    },

    async assign(id, { from, to, at, actor }) {
      const row = rows.get(id);
      if (!row) return undefined;
      // Compared and set in one synchronous step, like a change of status.
      if ((row.record.assignee?.id ?? null) !== from) return { record: copy(row.record), changed: false };
      if (to) row.record.assignee = structuredClone(to);
      else delete row.record.assignee;
      const { status } = row.record;
      row.record.history.push(historyEntry({ from: status, to: status, assignee: historyAssignee(to), at, actor: structuredClone(actor) }));
      publish(liveEvent('escalation.changed', row.record, at, 'assignee'));
      return { record: copy(row.record), changed: true };
    },

    events: { subscribe: async (listener, lost) => bus.add(listener, lost) },

    async setNotification(id: string, notification: Notification) {
      const row = rows.get(id);
      if (row) row.record.notification = structuredClone(notification);
    },

    async dueNotifications(now: string, limit: number, leaseMs = NOTIFICATION_LEASE_MS) {
      const t = Date.parse(now);
      const lease = new Date(t + leaseMs).toISOString();
      // Found and claimed in one synchronous step: concurrent calls never get the same row.
      return [...rows.values()]
        .map((r) => r.record)
        .filter(
          (r) =>
            r.notification.state !== 'sent' &&
            (r.notification.nextAttemptAt === undefined || Date.parse(r.notification.nextAttemptAt) <= t),
        )
        .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit)
        .map((r) => {
          r.notification.nextAttemptAt = lease;
          return copy(r);
        });
    },

    async stats() {
      const stats = emptyStats();
      const days = new Map<string, number>();
      for (const { record } of rows.values()) {
        stats.total++;
        const { category, urgency } = record.request;
        stats.byCategory[category] = (stats.byCategory[category] ?? 0) + 1;
        stats.byUrgency[urgency] = (stats.byUrgency[urgency] ?? 0) + 1;
        stats.byStatus[record.status] = (stats.byStatus[record.status] ?? 0) + 1;
        const day = record.receivedAt.slice(0, 10);
        days.set(day, (days.get(day) ?? 0) + 1);
      }
      stats.byDay = [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count }));
      stats.resolvedShare = stats.total ? (stats.byStatus.resolved ?? 0) / stats.total : 0;
      return stats;
    },

    // Handled reports and the metrics' rows (docs/policy.md#metrics).
    ...memoryMetrics(() => [...rows.values()].map((r) => r.record)),

    async close() {
      bus.lose();
    },
  };
}
