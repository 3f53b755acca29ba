/**
 * One pass over the outbox: every waiting escalation for an endpoint, oldest first, each removed
 * only after a valid receipt, and only once the host has been told. A transient fault stops the pass (order is kept: nothing newer goes
 * out before the oldest has); a final answer, or a server that keeps failing on one escalation,
 * marks it failed, keeps it, and says so.
 */
import { EscalationHttpError, type EscalationError } from '../errors.ts';
import type { OutboxEntry, Outbox } from '../outbox.ts';
import type { EscalationReceipt, EscalationRequest } from '../schemas/index.ts';
import type { FlushResult } from './options.ts';
import { isTransient } from './transport.ts';

/** The server answered, and failed (5xx): unlike a network fault, this can be the request's own doing. */
export const isServerError = (e: EscalationError) => e instanceof EscalationHttpError && e.status >= 500;

export const isOffline = () => globalThis.navigator?.onLine === false;

export interface FlushDeps {
  outbox: Outbox;
  waiting: OutboxEntry[];
  send(request: EscalationRequest): Promise<EscalationReceipt>;
  toError(e: unknown): EscalationError;
  giveUp: { serverErrors: number; maxAgeMs: number };
  delivered(request: EscalationRequest, receipt: EscalationReceipt): void;
  failed(error: EscalationError, request: EscalationRequest): void;
  /** A transient fault stopped the pass: try again later. */
  retryLater(): void;
}

export async function flushOutbox(d: FlushDeps): Promise<FlushResult> {
  let delivered = 0;
  for (const [index, entry] of d.waiting.entries()) {
    if (isOffline()) return { delivered, remaining: d.waiting.length - index };
    try {
      const receipt = await d.send(entry.request);
      // The host is told first, then the entry goes: a page closed between the two leaves the entry
      // for a re-send (the server answers it as a duplicate, and the host is told again), never a
      // delivery nobody heard of.
      delivered++;
      d.delivered(entry.request, receipt);
      await d.outbox.delete(entry.id);
    } catch (e) {
      const error = d.toError(e);
      const serverErrors = (entry.serverErrors ?? 0) + (isServerError(error) ? 1 : 0);
      // A server that keeps failing on one escalation (a poisoned request) is not a fault that
      // waiting cures: past the limit it is kept, marked failed, and said, never "queued" forever.
      const givenUp = isServerError(error) && (serverErrors >= d.giveUp.serverErrors || Date.now() - entry.queuedAt >= d.giveUp.maxAgeMs);
      const transient = isTransient(error) && !givenUp;
      await d.outbox.put({ ...entry, attempts: entry.attempts + 1, serverErrors, lastError: error.message, failed: !transient });
      if (transient) {
        d.retryLater();
        return { delivered, remaining: d.waiting.length - index };
      }
      d.failed(error, entry.request);
    }
  }
  return { delivered, remaining: 0 };
}
