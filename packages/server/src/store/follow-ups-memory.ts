/**
 * The SLA clock's part of the memory store: follow-ups in a `Map` keyed by escalation and kind.
 * Each claim checks and sets in one synchronous step, the single-process form of the SQL stores'
 * unique key (`follow-ups-sql.ts`).
 */
import { historyEntry } from '../status.ts';
import type { StoredEscalation } from '../types.ts';
import { followUpKinds, type FollowUpKind } from '../sla/kinds.ts';
import type { FollowUp, FollowUpStore } from '../sla/store.ts';
import { isoString } from './common.ts';

/** What the follow-ups read and change of the memory store: its live records (not copies). */
export interface MemoryRecords {
  get(id: string): StoredEscalation | undefined;
  all(): Iterable<StoredEscalation>;
}

export function createMemoryFollowUps(records: MemoryRecords): FollowUpStore {
  const followUps = new Map<string, FollowUp>();
  const key = (id: string, kind: FollowUpKind) => `${id} ${kind}`;
  const kindsOf = (id: string) => followUpKinds.filter((k) => followUps.has(key(id, k)));
  const byCreation = (a: FollowUp, b: FollowUp) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

  return {
    async candidates(_now, _warnAt, limit) {
      // Every escalation whose clock may run or whose agent may still hear: the schedule decides (tests hold few).
      return [...records.all()]
        .filter((r) => r.status !== 'resolved' || (r.request.agent?.email !== undefined && !followUps.has(key(r.id, 'agent-resolved'))))
        .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit)
        .map((r) => ({ escalation: structuredClone(r), done: kindsOf(r.id) }));
    },

    async claim(claim) {
      const record = records.get(claim.escalationId);
      if (!record || !claim.whileStatus.includes(record.status) || followUps.has(key(claim.escalationId, claim.kind))) return undefined;
      const current = record.level ?? record.decision?.level ?? 1;
      const level = claim.levelUp ? Math.max(current, Math.min(claim.levelUp.maxLevel, current + 1)) : current;
      const followUp: FollowUp = {
        escalationId: claim.escalationId,
        kind: claim.kind,
        dueAt: isoString(claim.dueAt),
        level,
        createdAt: isoString(claim.at),
        notification:
          claim.leaseUntil === undefined
            ? { state: 'pending', attempts: 0 }
            : { state: 'pending', attempts: 0, nextAttemptAt: isoString(claim.leaseUntil) },
      };
      followUps.set(key(claim.escalationId, claim.kind), followUp);
      if (claim.levelUp) {
        if (level !== current) record.level = level;
        const { actor, note } = claim.levelUp;
        record.history.push(historyEntry({ from: record.status, to: record.status, note: note(current, level), at: claim.at, actor }));
      }
      return structuredClone(followUp);
    },

    async due(now, limit, leaseMs) {
      const t = Date.parse(now);
      const lease = new Date(t + leaseMs).toISOString();
      return [...followUps.values()]
        .filter(
          (f) =>
            f.notification.state !== 'sent' &&
            (f.notification.nextAttemptAt === undefined || Date.parse(f.notification.nextAttemptAt) <= t),
        )
        .sort(byCreation)
        .slice(0, limit)
        .map((f) => {
          f.notification.nextAttemptAt = lease;
          return structuredClone(f);
        });
    },

    async setNotification(escalationId, kind, notification) {
      const followUp = followUps.get(key(escalationId, kind));
      if (followUp) followUp.notification = structuredClone(notification);
    },

    async list(escalationId) {
      return [...followUps.values()]
        .filter((f) => f.escalationId === escalationId)
        .sort(byCreation)
        .map((f) => structuredClone(f));
    },
  };
}
