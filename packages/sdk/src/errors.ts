/**
 * One error class per kind of failure, so callers can branch with `instanceof`
 * (or on `kind`, which survives structured cloning and bundler duplication).
 */
import type { ExistingEscalation, FieldIssue } from './schemas/answers.ts';

export type { FieldIssue };

/** Base class of every error the SDK throws or emits. */
export class EscalationError extends Error {
  declare readonly kind: 'validation' | 'http' | 'network' | 'timeout' | 'receipt';
  override name = 'EscalationError';
}

/**
 * The input (or a policy override) did not match the contract. Nothing was sent.
 * `issues` names every bad field.
 */
export class EscalationValidationError extends EscalationError {
  override readonly kind = 'validation';
  override name = 'EscalationValidationError';
  constructor(
    readonly issues: FieldIssue[],
    message = describeIssues(issues),
  ) {
    super(message);
  }
}

/**
 * The server answered with a final (non-retryable) status, or a retryable one
 * after retries ran out with no outbox to fall back on. `issues` carries the
 * server's field issues from a 400 body.
 */
export class EscalationHttpError extends EscalationError {
  override readonly kind = 'http';
  override name = 'EscalationHttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** The server's `error` code, e.g. `invalid_request`, when it sent one. */
    readonly code?: string,
    /**
     * With code `task_already_escalated` (409): the escalation the task already has, so a UI
     * can say "Already escalated · open" instead of offering to send it again.
     */
    readonly existing?: ExistingEscalation,
  ) {
    super(message);
  }
}

/** The request never got an HTTP answer (offline, DNS, connection refused or reset). */
export class EscalationNetworkError extends EscalationError {
  override readonly kind = 'network';
  override name = 'EscalationNetworkError';
}

/** No answer within the configured `timeout`, on every attempt. */
export class EscalationTimeoutError extends EscalationError {
  override readonly kind = 'timeout';
  override name = 'EscalationTimeoutError';
}

/**
 * The server said 2xx but its body is not a receipt. Treated as an error, never as a
 * success: we cannot tell the agent it was delivered without a receipt to show.
 */
export class EscalationReceiptError extends EscalationError {
  override readonly kind = 'receipt';
  override name = 'EscalationReceiptError';
  constructor(
    readonly issues: FieldIssue[],
    readonly body: unknown,
  ) {
    super(`The server's receipt is malformed: ${describeIssues(issues)}`);
  }
}

function describeIssues(issues: FieldIssue[]): string {
  if (issues.length === 0) return 'Invalid escalation.';
  return issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Converts zod issues (full or mini) to our plain, serialisable shape. */
export function toFieldIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }));
}
