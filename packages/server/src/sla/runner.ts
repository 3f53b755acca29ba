/**
 * The SLA clock in the server (docs/policy.md#follow-up): on a timer, and at once after a change
 * of status, it reads what may be due, lets the pure schedule (`schedule.ts`) decide what is,
 * claims each follow-up in the store (once per escalation and kind, across servers sharing the
 * database: the claim is a unique row, and a breach's level-up is part of it), and sends its
 * e-mail; then it retries the e-mails of follow-ups claimed earlier whose attempt failed or whose
 * server died. Everything it needs is in the database, so a restarted server carries on.
 */
import type { EscalationPolicy } from '@escalate-kit/sdk';
import type { Actor } from '../auth/types.ts';
import type { EscalationStore, Notifier } from '../types.ts';
import { createFollowUpDelivery } from './deliver.ts';
import { isBreach, type FollowUpKind } from './kinds.ts';
import type { ResolvedSlaOptions } from './options.ts';
import { dueFollowUps } from './schedule.ts';
import type { FollowUp, FollowUpStore } from './store.ts';

/** Who the history says raised a level. */
export const slaActor: Actor = { type: 'system', name: 'SLA clock' };

/** The most escalations one run looks at, and the most e-mails it retries. */
const BATCH = 500;

export interface SlaRunnerOptions extends ResolvedSlaOptions {
  store: EscalationStore;
  followUps: FollowUpStore;
  /** Without one, follow-ups are still claimed (and levels raised), their e-mails left pending. */
  notify: Notifier | undefined;
  clock: () => Date;
  /** The level names (docs/policy.md#levels); the highest level is as far as a breach raises. */
  policy: EscalationPolicy;
  onError: (error: unknown) => void;
  /** How long one attempt holds its follow-up before another server may take over, in ms. */
  leaseMs: number;
  baseMs: number;
  maxMs: number;
}

export interface SlaRunner {
  /** One run: claims and sends what is due now, and retries what failed. Resolves when it is done. */
  run(): Promise<void>;
  /** A run soon, without waiting for the timer (after a change of status); errors go to `onError`. */
  kick(): void;
  /** Resolves when no run is in flight. */
  settled(): Promise<void>;
  /** Stops the timer. */
  close(): void;
}

const deadlineWords: Record<string, string> = { respond: 'Respond-by', resolve: 'Resolve-by' };

export function createSlaRunner(options: SlaRunnerOptions): SlaRunner {
  const { followUps, notify, clock, policy, onError, warnAt, intervalMs, leaseMs } = options;
  const levels = Object.keys(policy.levels).map(Number).filter(Number.isInteger);
  const maxLevel = Math.max(1, ...levels);
  const levelName = (level: number) => `level ${level}${policy.levels[String(level)] ? ` (${policy.levels[String(level)]})` : ''}`;
  // The history row of a level-up: what passed and who is to chase (docs/policy.md#levels).
  const levelUpNote = (kind: FollowUpKind) => (from: number, to: number) => {
    const passed = `${deadlineWords[kind.split('-')[0]!]} passed`;
    return from === to
      ? `${passed}: already at ${levelName(to)}, told to chase if no update`
      : `${passed}: raised from level ${from} to ${levelName(to)}, told to chase if no update`;
  };
  const deliverOne = notify && createFollowUpDelivery({ ...options, notify });
  // By escalation and kind: a retry of a follow-up still being sent joins that attempt.
  const inflight = new Map<string, Promise<void>>();
  let running: Promise<void> | undefined;
  let again = false;

  function deliver(followUp: FollowUp): Promise<void> {
    if (!deliverOne) return Promise.resolve();
    const key = `${followUp.escalationId} ${followUp.kind}`;
    const work =
      inflight.get(key) ??
      deliverOne(followUp)
        .catch(onError)
        .finally(() => inflight.delete(key));
    inflight.set(key, work);
    return work;
  }

  async function claimDue(): Promise<void> {
    const now = clock();
    for (const { escalation, done } of await followUps.candidates(now.toISOString(), warnAt, BATCH)) {
      for (const due of dueFollowUps(escalation, new Set(done), now, warnAt)) {
        const at = clock();
        const claimed = await followUps.claim({
          escalationId: escalation.id,
          ...due,
          at: at.toISOString(),
          // The first attempt is this server's, right after the claim; another takes over only if it dies.
          ...(notify && { leaseUntil: new Date(at.getTime() + leaseMs).toISOString() }),
          ...(isBreach(due.kind) && { levelUp: { maxLevel, actor: slaActor, note: levelUpNote(due.kind) } }),
        });
        if (claimed) await deliver(claimed);
      }
    }
  }

  async function retryDue(): Promise<void> {
    if (!notify) return;
    const attempted = new Set<string>();
    // One at a time, each claimed just before it is sent, as the notification worker does.
    for (let i = 0; i < BATCH; i++) {
      const [followUp] = await followUps.due(clock().toISOString(), 1, leaseMs);
      if (!followUp) break;
      const key = `${followUp.escalationId} ${followUp.kind}`;
      if (attempted.has(key)) continue;
      attempted.add(key);
      await deliver(followUp);
    }
  }

  function run(): Promise<void> {
    if (running) {
      // Asked during a run: one more run after it, so a change made meanwhile is not left for the timer.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await claimDue();
          await retryDue();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  const timer = intervalMs > 0 ? setInterval(() => run().catch(onError), intervalMs) : undefined;
  // The clock must not keep a process alive that has nothing else to do.
  timer?.unref?.();

  return {
    run,
    kick: () => void run().catch(onError),
    async settled() {
      while (running || inflight.size) await Promise.allSettled([running, ...inflight.values()]);
    },
    close() {
      if (timer) clearInterval(timer);
    },
  };
}
