/**
 * `client.reportHandled()`: a task the agent finished without escalating, for the escalation
 * rate's denominator (docs/policy.md#metrics).
 *
 * No outbox: the outbox keeps what a customer is waiting on, and a lost count is not that. A
 * report is retried under its one key like an escalation (network errors, timeouts, 408, 429,
 * 5xx), and a host that wants to try again later passes the same `id` (and `handledAt`): the
 * server stores it once.
 */
import { EscalationReceiptError, EscalationValidationError, toFieldIssues } from '../errors.ts';
import { handledInputSchema, handledReceiptSchema, type HandledInput, type HandledReceipt } from '../schemas/handled.ts';
import { createEscalationId } from '../utils/id.ts';
import type { Transport } from './transport.ts';

/** Validates (every bad field named, nothing sent), then POSTs one report under `Idempotency-Key: id`. */
export async function reportHandled(transport: Transport, url: string, input: HandledInput): Promise<HandledReceipt> {
  const parsed = handledInputSchema.safeParse(input);
  if (!parsed.success) throw new EscalationValidationError(toFieldIssues(parsed.error.issues));
  const { id = createEscalationId(), taskId, agentId, startedOn, handledAt = new Date().toISOString() } = parsed.data;
  const body = await transport.post(
    url,
    { id, taskId, agentId, ...(startedOn !== undefined && { agentStartedOn: startedOn }), handledAt },
    id,
  );
  const receipt = handledReceiptSchema.safeParse(body);
  if (!receipt.success) throw new EscalationReceiptError(toFieldIssues(receipt.error.issues), body);
  return receipt.data;
}
