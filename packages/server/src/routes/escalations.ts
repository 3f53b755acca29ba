/**
 * `/api/escalations`: store one (POST), list them (GET), read one (GET `/api/escalations/:id`).
 * Changes of status and notes are in `escalation-changes.ts`. docs/architecture.md#wire-contract.
 * An agent (a key, or a user with that role) sends escalations and sees only its own.
 */
import {
  canonicalJson,
  escalationRequestSchema,
  toFieldIssues,
  type EscalationPolicy,
  type EscalationReceipt,
  type FieldIssue,
} from '@escalate-kit/sdk';
import { decide } from '../decision/decide.ts';
import { readJsonObject } from '../http/body.ts';
import type { RateLimit } from '../http/rate-limit.ts';
import { error, invalid, json } from '../http/responses.ts';
import { isUuid, uuidFromPath } from '../http/ids.ts';
import { sha256Hex } from '../http/sha256.ts';
import type { NotificationWorker } from '../notifications/worker.ts';
import { decodeCursor, InvalidCursorError } from '../store/common.ts';
import { listQuerySchema, type EscalationStore, type NewEscalation, type StoredEscalation } from '../types.ts';
import { isCreator } from '../auth/principal.ts';
import { unstorableText } from '../http/text.ts';
import { escalationChangeRoutes, noSuchEscalation } from './escalation-changes.ts';
import { principalOf, type RouteContext, type Routes } from './route.ts';

export interface EscalationRoutesOptions {
  store: EscalationStore;
  clock: () => Date;
  policy: EscalationPolicy;
  /** The category ids accepted. */
  categories: readonly string[];
  /** The largest body read, in bytes. */
  bodyLimit: number;
  /** Counts the POST against its client (`http/rate-limit.ts`): the 429 when over the budget, and a refund for replays. */
  rateLimit: RateLimit;
  notifications: Pick<NotificationWorker, 'firstClaim' | 'deliver'>;
}

/**
 * The team and respond-by the server decided, and where the e-mail to the team stands: `pending`
 * on a fresh 201 (it goes out in the background), the stored state on a replay, so a UI says
 * "notified" only once it is true.
 */
function receipt(record: StoredEscalation, duplicate: boolean): EscalationReceipt {
  return {
    id: record.id,
    taskId: record.request.taskId,
    status: 'received',
    team: record.team,
    respondBy: record.respondBy,
    duplicate,
    notification: record.notification.state,
  };
}

export function escalationRoutes(options: EscalationRoutesOptions): Routes {
  const { store, clock, policy, categories, bodyLimit, rateLimit, notifications } = options;

  /** Whether the body names, under its Idempotency-Key, an escalation already stored. */
  async function isStored(request: Request, body: object): Promise<boolean> {
    const raw = body instanceof Response ? undefined : (body as { id?: unknown }).id;
    if (typeof raw !== 'string') return false;
    const id = raw.toLowerCase();
    if (!isUuid(id) || request.headers.get('idempotency-key')?.trim().toLowerCase() !== id) return false;
    return (await store.get(id)) !== undefined;
  }

  async function create(request: Request, context: RouteContext): Promise<Response> {
    const principal = principalOf(context);
    const charge = rateLimit(request, principal);
    const body = await readJsonObject(request, bodyLimit);
    // A replay of a stored escalation never counts, so a client over its budget still gets its
    // receipt (the SDK retries under the same key): it goes on, and the insert answers it.
    if (charge.limited && !(await isStored(request, body))) return charge.limited;
    if (body instanceof Response) return body;

    const parsed = escalationRequestSchema.safeParse(body);
    const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error.issues);
    // Checked whether or not the rest parsed, so one answer names every bad field, this one too.
    const { category, id } = body as { category?: unknown; id?: unknown };
    if (typeof category === 'string' && !issues.some((i) => i.path[0] === 'category') && !categories.includes(category)) {
      issues.push({ path: ['category'], message: `Unknown category "${category}": use one of ${categories.join(', ')}` });
    }
    const key = request.headers.get('idempotency-key');
    if (key === null) {
      issues.push({
        path: ['id'],
        message: 'The Idempotency-Key header is required and must equal id, so that a retry is recognised and stored once',
      });
    } else if (typeof id === 'string' && !issues.some((i) => i.path[0] === 'id') && key.trim().toLowerCase() !== id.toLowerCase()) {
      issues.push({
        path: ['id'],
        message: 'The Idempotency-Key header must equal id: a retry must reuse the key of the escalation it repeats',
      });
    }
    if (parsed.success && !issues.length) issues.push(...unstorableText(body));
    if (!parsed.success || issues.length) return invalid(issues);

    const received = parsed.data;
    const receivedAt = clock();
    // docs/policy.md#respond-by: decided from the case with this server's policy; `routing` is only the client's suggestion.
    const { request: escalation, decision } = decide(received, policy, receivedAt);
    // The request as parsed (defaults filled, strings trimmed) and as sent, before the policy
    // fixed anything: a replay that only differs in what the schema normalises is the same one.
    const bodyHash = await sha256Hex(canonicalJson(received));
    const fresh: NewEscalation = {
      request: escalation,
      bodyHash,
      team: decision.team,
      respondBy: decision.respondBy.at,
      ...(decision.resolveBy && { resolveBy: decision.resolveBy.at }),
      decision,
      receivedAt: receivedAt.toISOString(),
      // Open access records nobody: an agent's "own" escalations are only ever a key's or a user's.
      ...(principal.via !== 'open' && { createdBy: principal.actor }),
    };
    const result = await store.insert({ ...fresh, ...notifications.firstClaim(fresh) });
    if (result.taskAlreadyEscalated) {
      const open = result.record;
      return error(409, {
        error: 'task_already_escalated',
        message: `Task ${escalation.taskId} already has an escalation that is ${open.status}: the account team has it. Nothing new was stored.`,
        existing: { id: open.id, status: open.status, team: open.team, respondBy: open.respondBy },
      });
    }
    if (result.inserted) {
      void notifications.deliver(result.record);
      return json(201, receipt(result.record, false), { location: `/api/escalations/${encodeURIComponent(result.record.id)}` });
    }
    if (result.bodyHash === bodyHash) {
      charge.refund();
      return json(200, receipt(result.record, true));
    }
    return error(409, {
      error: 'conflict',
      message: 'An escalation with this id was already received with different details; send a new escalation with a new id',
    });
  }

  async function list(request: Request, context: RouteContext): Promise<Response> {
    const principal = principalOf(context);
    const parsed = listQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return invalid(toFieldIssues(parsed.error.issues));
    const badCursor = () => invalid([{ path: ['cursor'], message: 'cursor must be a nextCursor this server returned' }]);
    if (parsed.data.cursor !== undefined) {
      try {
        decodeCursor(parsed.data.cursor);
      } catch {
        return badCursor();
      }
    }
    let query = parsed.data;
    // `assignee=me`: the signed-in person; a key or open access is nobody one can assign.
    if (query.assignee === 'me') {
      if (principal.actor.type !== 'user') return invalid([{ path: ['assignee'], message: 'assignee=me needs a signed-in person' }]);
      query = { ...query, assignee: principal.actor.id };
    }
    try {
      // An agent lists what it sent itself, and nothing else. Overdue is judged at the server's time.
      const scope = { ...(principal.role === 'agent' && { createdBy: principal.actor }), now: clock().toISOString() };
      return json(200, await store.list(query, scope));
    } catch (e) {
      if (e instanceof InvalidCursorError) return badCursor();
      throw e;
    }
  }

  const changes = escalationChangeRoutes({ store, clock, bodyLimit });

  return (path) => {
    if (path === '/api/escalations') return { api: true, roles: { GET: 'agent', POST: 'agent' }, methods: { GET: list, POST: create } };
    const match = /^\/api\/escalations\/([^/]+)$/.exec(path);
    if (!match) return changes(path);
    // Ids are UUIDs in lower case; anything else names no escalation (and never reaches the store).
    const id = uuidFromPath(match[1]!);
    return {
      api: true,
      roles: { GET: 'agent', PATCH: 'member' },
      methods: {
        GET: async (_request, context) => {
          const principal = principalOf(context);
          const record = id === undefined ? undefined : await store.get(id);
          // Another key's escalation is "not found" to an agent: whether it exists is not its business either.
          if (!record || (principal.role === 'agent' && !isCreator(principal, record.createdBy))) return noSuchEscalation();
          return json(200, record);
        },
        PATCH: (request, context) => (id === undefined ? noSuchEscalation() : changes.update(request, id, context)),
      },
    };
  };
}
