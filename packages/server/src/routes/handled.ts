/**
 * `POST /api/handled`: a task an agent finished without escalating, the denominator of the
 * escalation rate (docs/policy.md#metrics). Sent by a host with its API key (role agent and up),
 * idempotent by id like an escalation: the same id and body again is 200 `duplicate`, the same id
 * with another body 409 `conflict`, and `Idempotency-Key` must equal the id.
 *
 * Not rate-limited like escalations: a host reports every task its agents close, far more than
 * the 60 escalations a minute that limit is sized for.
 */
import { canonicalJson, handledReportSchema, toFieldIssues, type FieldIssue } from '@escalate-kit/sdk';
import { readJsonObject } from '../http/body.ts';
import { error, invalid, json } from '../http/responses.ts';
import { sha256Hex } from '../http/sha256.ts';
import { unstorableText } from '../http/text.ts';
import type { HandledAnswer, StoredHandled } from '../metrics/handled.ts';
import { inStorableRange, type EscalationStore } from '../types.ts';
import { principalOf, type RouteContext, type Routes } from './route.ts';

export interface HandledRoutesOptions {
  store: EscalationStore;
  clock: () => Date;
  /** The largest body read, in bytes. */
  bodyLimit: number;
}

const answer = (record: StoredHandled, duplicate: boolean): HandledAnswer => ({
  id: record.id,
  taskId: record.taskId,
  agentId: record.agentId,
  handledAt: record.handledAt,
  duplicate,
});

export function handledRoutes({ store, clock, bodyLimit }: HandledRoutesOptions): Routes {
  async function report(request: Request, context: RouteContext): Promise<Response> {
    const principal = principalOf(context);
    const body = await readJsonObject(request, bodyLimit);
    if (body instanceof Response) return body;

    const parsed = handledReportSchema.safeParse(body);
    const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error.issues);
    // Checked whether or not the rest parsed, so one answer names every bad field.
    const { id, handledAt } = body as { id?: unknown; handledAt?: unknown };
    const key = request.headers.get('idempotency-key');
    if (key === null) {
      issues.push({ path: ['id'], message: 'The Idempotency-Key header is required and must equal id, so that a retry is stored once' });
    } else if (typeof id === 'string' && !issues.some((i) => i.path[0] === 'id') && key.trim().toLowerCase() !== id.toLowerCase()) {
      issues.push({
        path: ['id'],
        message: 'The Idempotency-Key header must equal id: a retry must reuse the key of the report it repeats',
      });
    }
    if (typeof handledAt === 'string' && !issues.some((i) => i.path[0] === 'handledAt') && !inStorableRange(handledAt)) {
      issues.push({ path: ['handledAt'], message: 'handledAt must be between 1970 and 9999' });
    }
    if (parsed.success && !issues.length) issues.push(...unstorableText(body));
    if (!parsed.success || issues.length) return invalid(issues);

    const receivedAt = clock().toISOString();
    const { data } = parsed;
    // The report as parsed, before the server filled handledAt: a replay that leaves it out again is the same report.
    const bodyHash = await sha256Hex(canonicalJson(data));
    const result = await store.insertHandled({
      id: data.id,
      taskId: data.taskId,
      agentId: data.agentId,
      ...(data.agentStartedOn !== undefined && { agentStartedOn: data.agentStartedOn }),
      handledAt: data.handledAt === undefined ? receivedAt : new Date(data.handledAt).toISOString(),
      receivedAt,
      bodyHash,
      ...(principal.via !== 'open' && { createdBy: principal.actor }),
    });
    if (result.inserted) return json(201, answer(result.record, false));
    if (result.bodyHash === bodyHash) return json(200, answer(result.record, true));
    return error(409, {
      error: 'conflict',
      message: 'A report with this id was already received with different details; send a new report with a new id',
    });
  }

  return (path) => (path === '/api/handled' ? { api: true, roles: { POST: 'agent' }, methods: { POST: report } } : undefined);
}
