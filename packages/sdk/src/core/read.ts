/**
 * Reading escalations back (`client.get`, `client.list`): what the agent's side shows for a task
 * that is already escalated. (Imported statically: as a lazy chunk it cost more gzip bytes than
 * it saved, because zod then had to be split into a chunk of its own.)
 */
import { EscalationReceiptError, EscalationValidationError, toFieldIssues } from '../errors.ts';
import {
  escalationPageSchema,
  escalationStateSchema,
  escalationStatuses,
  toEscalationState,
  type EscalationState,
} from '../schemas/state.ts';
import type { Transport } from './transport.ts';

/**
 * What `client.list` asks for.
 *
 * @example
 * ```ts
 * await client.list({ taskId: 'T-1042' });          // the task's escalations
 * await client.list({ status: 'open', limit: 20 }); // what this host sent that is still open
 * ```
 */
export interface EscalationListQuery {
  /** The escalations of one task (the host's task id). @default every task */
  taskId?: string;
  /** Only those with this status. @default every status */
  status?: (typeof escalationStatuses)[number];
  /** At most this many (the server caps it). @default the server's page size */
  limit?: number;
}

/** `GET {endpoint}/{id}`: one escalation's state. */
export async function readEscalation(transport: Transport, endpoint: string, id: string): Promise<EscalationState> {
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new EscalationValidationError([{ path: ['id'], message: 'id must be the UUID of an escalation' }]);
  }
  const body = await transport.read(`${endpoint.replace(/\/+$/, '')}/${id.toLowerCase()}`);
  const parsed = escalationStateSchema.safeParse(body);
  if (!parsed.success) throw new EscalationReceiptError(toFieldIssues(parsed.error.issues), body);
  return toEscalationState(parsed.data);
}

/** `GET {endpoint}?taskId=…&status=…&limit=…`: the escalations this host may read, in respond-by order. */
export async function listEscalations(transport: Transport, endpoint: string, query: EscalationListQuery = {}): Promise<EscalationState[]> {
  const issues = [];
  if (query.taskId !== undefined && (typeof query.taskId !== 'string' || !query.taskId.trim())) {
    issues.push({ path: ['taskId'], message: 'taskId must be a non-empty string' });
  }
  if (query.status !== undefined && !escalationStatuses.includes(query.status)) {
    issues.push({ path: ['status'], message: `status must be one of: ${escalationStatuses.join(', ')}` });
  }
  if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit > 0)) {
    issues.push({ path: ['limit'], message: 'limit must be a positive whole number' });
  }
  if (issues.length) throw new EscalationValidationError(issues);
  const url = new URL(endpoint, globalThis.location?.href);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  const body = await transport.read(url.href);
  const parsed = escalationPageSchema.safeParse(body);
  if (!parsed.success) throw new EscalationReceiptError(toFieldIssues(parsed.error.issues), body);
  return parsed.data.items.map(toEscalationState);
}
