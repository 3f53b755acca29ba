/**
 * A stand-in for the SDK client, so every network state can be shown without a server.
 * The element only needs `escalate(input)`; this one validates the input with the SDK's
 * own schema (like the real client) and then settles the way the story asks.
 */
import {
  createEscalationId,
  EscalationHttpError,
  EscalationNetworkError,
  EscalationValidationError,
  escalationInputSchema,
  toFieldIssues,
  type EscalationInput,
  type EscalationReceipt,
  type EscalationRequest,
  type EscalationResult,
} from '@escalate-kit/sdk';
import type { EscalationClientLike } from '@escalate-kit/element';

/**
 * How the stub answers:
 * - `success`: the server stored it (receipt with team and respond-by time);
 * - `queued`: offline, kept in the outbox to be sent later;
 * - `error`: a final failure (`errorKind` picks an HTTP 503 or a network error);
 * - `pending`: never answers (the submitting state);
 * - `invalid`: the server rejects it with field issues (HTTP 400);
 * - `already`: the task already has an open escalation (HTTP 409 `task_already_escalated`).
 */
export type StubOutcome = 'success' | 'queued' | 'error' | 'pending' | 'invalid' | 'already';
export type StubErrorKind = 'http' | 'network';

/** Where the stub's receipt says the e-mail to the team stands (the receipt's `notification`). */
export type StubNotification = 'pending' | 'sent' | 'failed';

export interface StubClientOptions {
  outcome: StubOutcome;
  /** For `outcome: 'success'`: the receipt's `notification` (default `pending`, as a server answers right after storing). */
  notification?: StubNotification;
  /** Milliseconds before the answer, so the submitting state is visible for a moment. */
  delay?: number;
  /** For `outcome: 'error'`: which typed SDK error to reject with (default `http`). */
  errorKind?: StubErrorKind;
}

export interface StubClient extends EscalationClientLike {
  /** Every input passed to `escalate()`, in order (what the element would have sent). */
  readonly calls: EscalationInput<string>[];
}

/**
 * The receipt's respond-by times: fixed instants rather than "now + 4 hours", so the success panel
 * (which shows them in the viewer's time) looks the same in every run of the visual baseline.
 */
const respondBy = { urgent: '2025-11-14T16:00:00.000Z', standard: '2025-11-19T23:59:59.999Z' } as const;
/** The receipt's id, for the same reason: the reference the panel shows ("62C15E1D") is derived from it. */
const receiptId = '62c15e1d-4a0b-4c3d-9e8f-7a6b5c4d3e2f';

/** The typed error a story's `error` or `invalid` outcome rejects with. */
export function stubError(outcome: 'error' | 'invalid' | 'already', errorKind: StubErrorKind = 'http'): Error {
  if (outcome === 'already') {
    return new EscalationHttpError(409, 'Task T-1042 already has an escalation that is open', [], 'task_already_escalated', {
      id: '7f3ca1b2-5d4e-4f60-8a71-92b3c4d5e6f7',
      status: 'open',
    });
  }
  if (outcome === 'invalid') {
    return new EscalationHttpError(
      400,
      'The server rejected the escalation: notes: Say what you already tried',
      [{ path: ['notes'], message: 'Say what you already tried' }],
      'invalid_request',
    );
  }
  return errorKind === 'network'
    ? new EscalationNetworkError('Could not reach the escalation service. Check your connection and retry.')
    : new EscalationHttpError(503, 'The escalation service is unavailable right now (HTTP 503). Retry in a minute.', [], 'unavailable');
}

export function createStubClient({ outcome, delay = 0, errorKind = 'http', notification = 'pending' }: StubClientOptions): StubClient {
  const calls: EscalationInput<string>[] = [];
  const later = <T>(settle: () => T) =>
    new Promise<Awaited<T>>((resolve, reject) => {
      setTimeout(() => {
        try {
          Promise.resolve(settle()).then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      }, delay);
    });

  return {
    calls,
    escalate(input: EscalationInput<string>): Promise<EscalationResult> {
      calls.push(input);
      const parsed = escalationInputSchema.safeParse(input);
      if (!parsed.success) return Promise.reject(new EscalationValidationError(toFieldIssues(parsed.error.issues)));
      // The client fills what the caller may leave out; a retry keeps its id and time.
      const request = {
        ...parsed.data,
        id: parsed.data.id ?? createEscalationId(),
        createdAt: parsed.data.createdAt ?? new Date().toISOString(),
      } as EscalationRequest;

      switch (outcome) {
        case 'pending':
          return new Promise<never>(() => {});
        case 'queued':
          return later(() => ({ status: 'queued', request, reason: 'offline' }) as const);
        case 'error':
        case 'invalid':
        case 'already':
          return later(() => Promise.reject(stubError(outcome, errorKind)));
        case 'success': {
          const receipt: EscalationReceipt = {
            id: receiptId,
            taskId: request.taskId,
            status: 'received',
            team: request.routing?.team ?? 'account',
            respondBy: respondBy[request.urgency],
            duplicate: false,
            notification,
          };
          return later(() => ({ status: 'sent', request, receipt }) as const);
        }
      }
    },
  };
}
