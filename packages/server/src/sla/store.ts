/**
 * What the SLA clock needs of a store (docs/policy.md#follow-up): the escalations that may have a
 * follow-up due, an atomic claim of one follow-up per escalation and kind (with the level-up of a
 * breach in the same step), and the delivery state of each follow-up's e-mail. Every store has it
 * (`followUps` on the memory, PGlite and PostgreSQL stores); a store of your own without it runs
 * no clock.
 */
import type { Actor } from '../auth/types.ts';
import type { EscalationStatus } from '../status.ts';
import type { EscalationStore, Notification, StoredEscalation } from '../types.ts';
import type { FollowUpKind } from './kinds.ts';

/** One follow-up, claimed: what it is about and where its e-mail stands. */
export interface FollowUp {
  escalationId: string;
  kind: FollowUpKind;
  /** The deadline warned of or passed (ISO), or when the status changed (the agent's e-mails). */
  dueAt: string;
  /** The level at the claim; for a breach, the level it was raised to. */
  level: number;
  /** When it was claimed (ISO). */
  createdAt: string;
  notification: Notification;
}

/** What the clock asks a store to claim. */
export interface FollowUpClaim {
  escalationId: string;
  kind: FollowUpKind;
  dueAt: string;
  /** The claim's time (ISO): `createdAt`, and the history row's `at`. */
  at: string;
  /** Claimed only while the escalation still has one of these statuses (it may have changed since it was read). */
  whileStatus: readonly EscalationStatus[];
  /** The first attempt is the claimant's: no `due` call returns the row before this time (ISO). */
  leaseUntil?: string;
  /** A breach: the level goes one up (at most `maxLevel`), with a history row by `actor` saying so. */
  levelUp?: { maxLevel: number; actor: Actor; note: (from: number, to: number) => string };
}

/** An escalation that may have a follow-up due, and the kinds already claimed for it. */
export interface FollowUpCandidate {
  escalation: StoredEscalation;
  done: FollowUpKind[];
}

export interface FollowUpStore {
  /**
   * Escalations that may have a follow-up due at `now` (more may come back than are due: the
   * schedule, `schedule.ts`, decides), oldest first: a clock that may run (not waiting, not
   * resolved) whose reminder point (`warnAt` of the way to a deadline) has passed, or an agent
   * e-mail not yet claimed.
   */
  candidates(now: string, warnAt: number, limit: number): Promise<FollowUpCandidate[]>;
  /**
   * Records the follow-up unless one of its escalation and kind exists, or the escalation's
   * status is no longer one of `whileStatus`, in one atomic step with its level-up: of servers
   * racing for one follow-up, exactly one gets it back; the others get `undefined`.
   */
  claim(claim: FollowUpClaim): Promise<FollowUp | undefined>;
  /**
   * Claims up to `limit` follow-ups whose e-mail is not sent and due at `now`, as
   * `EscalationStore.dueNotifications` does: their `nextAttemptAt` becomes `now + leaseMs`.
   */
  due(now: string, limit: number, leaseMs: number): Promise<FollowUp[]>;
  setNotification(escalationId: string, kind: FollowUpKind, notification: Notification): Promise<void>;
  /** The follow-ups of one escalation, in the order they were claimed. */
  list(escalationId: string): Promise<FollowUp[]>;
}

/** A store with the SLA clock's part. */
export type SlaStore = EscalationStore & { readonly followUps: FollowUpStore };

export const followUpsOf = (store: EscalationStore): FollowUpStore | undefined => (store as Partial<SlaStore>).followUps;
