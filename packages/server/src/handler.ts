/**
 * The reference receiver as one Fetch-standard function: `(Request) => Promise<Response>`.
 * It runs wherever Request/Response do (the Node adapter in `node.ts`, Hono, Next.js route
 * handlers, Bun, Deno) and answers exactly the wire contract of DESIGN.md.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  contactDeadline,
  defaultCategories,
  defaultPolicy,
  escalationRequestSchema,
  suggestRouting,
  targetTime,
  toFieldIssues,
  type ErrorBody,
  type EscalationPolicy,
  type EscalationReceipt,
  type EscalationRequest,
  type FieldIssue,
} from '@escalate-kit/sdk';
import { decodeCursor, InvalidCursorError } from './store/common.ts';
import {
  listQuerySchema,
  NOTIFICATION_LEASE_MS,
  statusUpdateSchema,
  type EscalationStore,
  type Notifier,
  type Stats,
  type StoredEscalation,
} from './types.ts';

export interface EscalationHandlerOptions {
  /**
   * Where escalations are kept. Call its `migrate()` before the first request.
   * @example createEscalationHandler({ store: createPgliteStore() })
   */
  store: EscalationStore;
  /**
   * Tells the account team about each new escalation, in the background: the response never
   * waits for it, and a failure is retried with backoff, never losing the escalation.
   * Without one, notifications stay `pending`.
   * @example createEscalationHandler({ store, notify: createEmailNotifier({ outboxDir: '.data/outbox', to: 'team@example.com' }) })
   */
  notify?: Notifier;
  /**
   * When `token` is set, every `/api/*` route needs `Authorization: Bearer <token>`.
   * `/healthz` and the inbox page stay open (the inbox's own API calls send the token).
   * @example createEscalationHandler({ store, auth: { token: process.env.ESCALATE_TOKEN } })
   */
  auth?: { token?: string | undefined };
  /**
   * Origins whose pages may call the API from a browser (exact `scheme://host[:port]`;
   * `'*'` allows any). Without it no CORS headers are sent: same-origin use only.
   * @example createEscalationHandler({ store, cors: { origins: ['https://support.example.com'] } })
   */
  cors?: { origins: readonly string[] };
  /**
   * `bodyBytes`: the largest request body (default 65536); larger is 413, and no more than that
   * is ever read. `requestsPerMinute`: POSTs per client per minute (default 60; `Infinity` turns
   * the limit off); more is 429 with `Retry-After`.
   * @example createEscalationHandler({ store, limits: { bodyBytes: 16_384, requestsPerMinute: 30 } })
   */
  limits?: { bodyBytes?: number; requestsPerMinute?: number };
  /**
   * Trust `X-Forwarded-For` for the rate limit's client key. Only behind a proxy you run:
   * otherwise any client could name itself anew on every request and escape the limit.
   * @default false (the socket address the Node adapter sets)
   * @example createEscalationHandler({ store, trustProxy: true })
   */
  trustProxy?: boolean;
  /**
   * The time source, for receivedAt, respondBy, history, notification backoff and the rate limit.
   * @default () => new Date()
   * @example createEscalationHandler({ store, clock: () => new Date('2025-11-14T10:00:00Z') })
   */
  clock?: () => Date;
  /**
   * The escalation policy that picks the team and respond-by time.
   * @default the SDK's `defaultPolicy` (the seeds)
   * @example createEscalationHandler({ store, policy: definePolicy({ urgencies: { standard: { businessDays: 2 } } }) })
   */
  policy?: EscalationPolicy;
  /**
   * The category ids accepted; anything else is a 400 on `category`.
   * @default the SDK's default category ids (complaint, billing, pricing, technical, other)
   * @example createEscalationHandler({ store, categories: ['complaint', 'billing', 'warranty'] })
   */
  categories?: readonly string[];
  /**
   * The account-team inbox page, served at `GET /inbox` and `GET /inbox/app.js`. Omit to serve none.
   * @example createEscalationHandler({ store, inbox: await loadInboxAssets() })
   */
  inbox?: { html: string; script: string } | undefined;
  /**
   * Retries of failed notifications: the first after `baseMs` (default 30 s), doubling up to
   * `maxMs` (default 1 h); a timer looks for due ones every `intervalMs` (default 30 s; 0 = no timer,
   * call `retryNotifications()` yourself). Servers sharing a database never send one e-mail at the
   * same time: each attempt holds a lease of `leaseMs` (default 2 min) on its escalation, after which
   * another server may take over (the first one died). It must outlast one call of the notifier.
   * @example createEscalationHandler({ store, notify, notifyRetry: { baseMs: 5000, intervalMs: 10_000 } })
   */
  notifyRetry?: { baseMs?: number; maxMs?: number; intervalMs?: number; leaseMs?: number };
  /**
   * Told about unexpected errors: a 500, or background notification work that could not be recorded.
   * @default console.error
   * @example createEscalationHandler({ store, onError: (e) => logger.error(e) })
   */
  onError?: (error: unknown) => void;
}

/** A Fetch-standard handler, plus control over its background notification work. */
export interface EscalationHandler {
  (request: Request): Promise<Response>;
  /** Sends the notifications that are due now (pending, or failed and past their backoff). */
  retryNotifications(): Promise<void>;
  /** Resolves when no notification work is in flight (for tests and graceful shutdown). */
  settled(): Promise<void>;
  /** Stops the retry timer. In-flight work finishes; await `settled()` for it. */
  close(): void;
}

const JSON_HEADERS = {
  'content-type': 'application/json',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};
// Answered to a preflight that names no headers. One that does gets its own list back, so a host
// may add headers of its own (a CSRF token, a tracing id) without a change here.
const ALLOWED_REQUEST_HEADERS = 'content-type, authorization, idempotency-key';
// A comma-separated list of header names (RFC 9110 tokens), as a browser sends it.
const HEADER_LIST = /^[!#$%&'*+.^_`|~0-9a-z-]+(?:[ \t]*,[ \t]*[!#$%&'*+.^_`|~0-9a-z-]+)*$/i;
// Retry-After is not a CORS-safelisted response header: without this a page on another origin
// could not honour it on a 429.
const EXPOSED_HEADERS = 'retry-after, location';
const RETRY_BATCH = 100;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

function error(status: number, body: ErrorBody, headers?: Record<string, string>): Response {
  return json(status, body, headers);
}

const invalid = (issues: FieldIssue[]) => error(400, { error: 'invalid_request', issues });
const notFound = () => error(404, { error: 'not_found' });

class BodyTooLarge extends Error {}

/**
 * Reads at most `limit` bytes: a declared Content-Length over it is refused before reading, and
 * a chunked body is counted as it streams, so a client cannot make the server buffer more.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new BodyTooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: the rest of the body is of no interest, whatever the source does with it.
      reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const NOT_JSON = Symbol('not JSON');

async function readJson(request: Request, limit: number): Promise<unknown> {
  const bytes = await readBody(request, limit);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return NOT_JSON;
  }
}

const notJson = () => invalid([{ path: [], message: 'Body must be JSON' }]);
// The schemas would only say "Invalid input" about `42` or `[]`.
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const notObject = () => invalid([{ path: [], message: 'Body must be a JSON object' }]);

/** JSON with sorted keys: the same escalation hashes the same whatever order its keys were sent in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so neither the length nor a matching prefix of the token leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** A sliding-window log per client: exact over any 60 s, and memory bounded by the rate. */
function createRateLimiter(perMinute: number) {
  const windowMs = 60_000;
  const hits = new Map<string, number[]>();
  let lastSweep = 0;
  /** Seconds to wait, or 0 when the request may go ahead (and is counted). */
  return (key: string, now: number): number => {
    if (!Number.isFinite(perMinute)) return 0;
    // Forget clients that went quiet, so the map does not grow with every address ever seen.
    if (now - lastSweep >= windowMs) {
      for (const [k, times] of hits) if ((times.at(-1) ?? 0) <= now - windowMs) hits.delete(k);
      lastSweep = now;
    }
    const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= perMinute) {
      hits.set(key, recent);
      return Math.max(1, Math.ceil(((recent[0] ?? now) + windowMs - now) / 1000));
    }
    recent.push(now);
    hits.set(key, recent);
    return 0;
  };
}

/**
 * Who is asking, for the rate limit: the socket address the Node adapter puts in
 * `x-client-ip`, or, behind a trusted proxy, the first `X-Forwarded-For` hop.
 */
function clientKey(request: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || request.headers.get('x-client-ip')?.trim() || 'anonymous';
}

function receipt(record: StoredEscalation, duplicate: boolean): EscalationReceipt {
  return { id: record.id, taskId: record.request.taskId, status: 'received', team: record.team, respondBy: record.respondBy, duplicate };
}

function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message || e.name : String(e);
  return message.slice(0, 1000);
}

type Route = {
  /** Needs the bearer token when one is configured. */
  api: boolean;
  methods: Partial<Record<string, () => Promise<Response> | Response>>;
};

/**
 * Creates the handler.
 *
 * @example
 * ```ts
 * const store = createPgliteStore();
 * await store.migrate();
 * const handler = createEscalationHandler({ store, auth: { token: process.env.ESCALATE_TOKEN } });
 * const server = await serve({ handler, port: 8787 });
 * ```
 */
export function createEscalationHandler(options: EscalationHandlerOptions): EscalationHandler {
  const { store, notify } = options;
  const clock = options.clock ?? (() => new Date());
  const policy = options.policy ?? defaultPolicy;
  const categories: readonly string[] = options.categories ?? defaultCategories.map((c) => c.id);
  const bodyLimit = options.limits?.bodyBytes ?? 65_536;
  const rateLimit = createRateLimiter(options.limits?.requestsPerMinute ?? 60);
  const token = options.auth?.token || undefined;
  const origins = options.cors?.origins;
  const baseMs = options.notifyRetry?.baseMs ?? 30_000;
  const maxMs = options.notifyRetry?.maxMs ?? 3_600_000;
  const intervalMs = options.notifyRetry?.intervalMs ?? 30_000;
  const leaseMs = options.notifyRetry?.leaseMs ?? NOTIFICATION_LEASE_MS;
  const onError = options.onError ?? ((e: unknown) => console.error('escalate-kit:', e));
  const inbox = options.inbox;

  // ---------------------------------------------------------------------------
  // Notifications
  // ---------------------------------------------------------------------------

  // By id: should a lease run out while this process is still sending, a retry joins that attempt.
  const inflight = new Map<string, Promise<void>>();
  let retrying: Promise<void> | undefined;

  async function attempt(notifier: Notifier, record: StoredEscalation): Promise<void> {
    const attempts = record.notification.attempts + 1;
    let messageId: string | undefined;
    try {
      ({ messageId } = await notifier.notify(record));
    } catch (e) {
      const delay = Math.min(maxMs, baseMs * 2 ** (attempts - 1));
      await store.setNotification(record.id, {
        state: 'failed',
        attempts,
        lastError: describeError(e),
        nextAttemptAt: new Date(clock().getTime() + delay).toISOString(),
      });
      return;
    }
    await store.setNotification(record.id, {
      state: 'sent',
      attempts,
      sentAt: clock().toISOString(),
      ...(messageId !== undefined && { messageId }),
    });
  }

  function deliver(record: StoredEscalation): Promise<void> {
    if (!notify) return Promise.resolve();
    const running = inflight.get(record.id);
    if (running) return running;
    // A store error here leaves the row pending or failed: a timer tries again once the lease ends.
    const work = attempt(notify, record)
      .catch(onError)
      .finally(() => inflight.delete(record.id));
    inflight.set(record.id, work);
    return work;
  }

  function retryNotifications(): Promise<void> {
    if (!notify) return Promise.resolve();
    // One run at a time: a slow SMTP server must not make runs pile up.
    retrying ??= (async () => {
      try {
        const attempted = new Set<string>();
        // Claimed one at a time, each just before it is sent: a lease then only has to outlast one
        // e-mail, however many are due, and servers sharing the database share the work. One after
        // another, too: a burst of parallel e-mails is what trips a mail server's limits.
        for (let i = 0; i < RETRY_BATCH; i++) {
          const [record] = await store.dueNotifications(clock().toISOString(), 1, leaseMs);
          if (!record) break;
          // Failed earlier in this run and due again already (a backoff shorter than the run):
          // it stays claimed, so the first run after the lease tries it.
          if (attempted.has(record.id)) continue;
          attempted.add(record.id);
          await deliver(record);
        }
      } finally {
        retrying = undefined;
      }
    })();
    return retrying;
  }

  const timer =
    notify && intervalMs > 0
      ? setInterval(() => {
          retryNotifications().catch(onError);
        }, intervalMs)
      : undefined;
  // A retry timer must not keep a process alive that has nothing else to do.
  timer?.unref?.();

  // ---------------------------------------------------------------------------
  // Routes
  // ---------------------------------------------------------------------------

  async function createEscalation(request: Request): Promise<Response> {
    const retryAfter = rateLimit(clientKey(request, options.trustProxy ?? false), clock().getTime());
    if (retryAfter > 0) {
      return error(
        429,
        { error: 'rate_limited', message: `Too many escalations from this client: try again in ${retryAfter} s` },
        { 'retry-after': String(retryAfter) },
      );
    }
    const body = await readJson(request, bodyLimit);
    if (body === NOT_JSON) return notJson();
    if (!isObject(body)) return notObject();

    const issues: FieldIssue[] = [];
    const parsed = escalationRequestSchema.safeParse(body);
    if (!parsed.success) issues.push(...toFieldIssues(parsed.error.issues));
    else if (!categories.includes(parsed.data.category)) {
      issues.push({ path: ['category'], message: `Unknown category "${parsed.data.category}": use one of ${categories.join(', ')}` });
    }
    const key = request.headers.get('idempotency-key');
    if (key === null) {
      issues.push({ path: ['id'], message: 'The Idempotency-Key header is required and must equal id, so that a retry is recognised and stored once' });
    } else if (parsed.success && key !== parsed.data.id) {
      issues.push({ path: ['id'], message: 'The Idempotency-Key header must equal id: a retry must reuse the key of the escalation it repeats' });
    }
    if (!parsed.success || issues.length) return invalid(issues);

    const received: EscalationRequest = parsed.data;
    const receivedAt = clock();
    // The policy has the last word on what it fixes: a fraud-flagged request is urgent whatever
    // urgency the browser sent, so its respond-by and its e-mail say so.
    const decided = suggestRouting({ ...received.signals, category: received.category, urgency: received.urgency }, policy);
    const escalation: EscalationRequest =
      decided.urgencyForcedBy !== undefined && decided.urgency !== received.urgency ? { ...received, urgency: decided.urgency } : received;
    const team = escalation.routing?.team ?? decided.team;
    // The customer was promised a contact window: every escalation is due by then.
    const promised = contactDeadline(receivedAt, escalation.urgency, policy);
    // The priority table is for technical tickets; it can only make one sooner.
    const priority = escalation.routing?.priority;
    const technical = escalation.category === 'technical' || team === policy.teams.technical;
    const byPriority = priority && technical ? targetTime(receivedAt, policy.priorities[priority].respond) : undefined;
    const respondBy = byPriority && byPriority < promised ? byPriority : promised;
    // The request as parsed (defaults filled, strings trimmed) and as sent, before the policy
    // fixed anything: a replay that only differs in what the schema normalises is the same one.
    const bodyHash = sha256(canonicalJson(received)).toString('hex');

    const result = await store.insert({
      request: escalation,
      bodyHash,
      team,
      respondBy: respondBy.toISOString(),
      receivedAt: receivedAt.toISOString(),
      // The first attempt is this process's, right below: other servers leave it alone unless it dies.
      ...(notify && { notificationLeaseUntil: new Date(receivedAt.getTime() + leaseMs).toISOString() }),
    });
    if (result.taskAlreadyEscalated) {
      const open = result.record;
      return error(409, {
        error: 'task_already_escalated',
        message: `Task ${escalation.taskId} already has an escalation that is ${open.status}: the account team has it. Nothing new was stored.`,
        existing: { id: open.id, status: open.status, team: open.team, respondBy: open.respondBy },
      });
    }
    if (result.inserted) {
      void deliver(result.record);
      return json(201, receipt(result.record, false), { location: `/api/escalations/${encodeURIComponent(result.record.id)}` });
    }
    if (result.bodyHash === bodyHash) return json(200, receipt(result.record, true));
    return error(409, {
      error: 'conflict',
      message: 'An escalation with this id was already received with different details; send a new escalation with a new id',
    });
  }

  async function listEscalations(url: URL): Promise<Response> {
    const parsed = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) return invalid(toFieldIssues(parsed.error.issues));
    const badCursor = () => invalid([{ path: ['cursor'], message: 'cursor must be a nextCursor this server returned' }]);
    if (parsed.data.cursor !== undefined) {
      try {
        decodeCursor(parsed.data.cursor);
      } catch {
        return badCursor();
      }
    }
    try {
      return json(200, await store.list(parsed.data));
    } catch (e) {
      if (e instanceof InvalidCursorError) return badCursor();
      throw e;
    }
  }

  async function updateEscalation(request: Request, id: string): Promise<Response> {
    const body = await readJson(request, bodyLimit);
    if (body === NOT_JSON) return notJson();
    if (!isObject(body)) return notObject();
    const parsed = statusUpdateSchema.safeParse(body);
    if (!parsed.success) return invalid(toFieldIssues(parsed.error.issues));
    const updated = await store.updateStatus(id, parsed.data, clock().toISOString());
    return updated ? json(200, updated) : notFound();
  }

  async function stats(): Promise<Response> {
    const counted = await store.stats();
    // The configured categories first and always present, so the inbox can show "pricing: 0".
    const byCategory: Stats['byCategory'] = Object.fromEntries(categories.map((c) => [c, counted.byCategory[c] ?? 0]));
    for (const [c, n] of Object.entries(counted.byCategory)) byCategory[c] ??= n;
    return json(200, { ...counted, byCategory } satisfies Stats);
  }

  function page(body: string, contentType: string): Response {
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': contentType,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        // The inbox has buttons that change data: no other site may frame it and trick a click.
        'content-security-policy': "frame-ancestors 'none'",
        'referrer-policy': 'no-referrer',
      },
    });
  }

  function route(request: Request, url: URL): Route | undefined {
    const path = url.pathname;
    if (path === '/healthz') return { api: false, methods: { GET: () => json(200, { ok: true }) } };
    if (inbox && (path === '/inbox' || path === '/inbox/')) {
      return { api: false, methods: { GET: () => page(inbox.html, 'text/html; charset=utf-8') } };
    }
    if (inbox && path === '/inbox/app.js') {
      return { api: false, methods: { GET: () => page(inbox.script, 'text/javascript; charset=utf-8') } };
    }
    if (path === '/api/escalations') {
      return { api: true, methods: { GET: () => listEscalations(url), POST: () => createEscalation(request) } };
    }
    if (path === '/api/stats') return { api: true, methods: { GET: stats } };
    const match = /^\/api\/escalations\/([^/]+)$/.exec(path);
    if (match) {
      let id: string;
      try {
        id = decodeURIComponent(match[1]!);
      } catch {
        return undefined;
      }
      return {
        api: true,
        methods: {
          GET: async () => {
            const record = await store.get(id);
            return record ? json(200, record) : notFound();
          },
          PATCH: () => updateEscalation(request, id),
        },
      };
    }
    return undefined;
  }

  function allowedOrigin(origin: string | null): string | undefined {
    if (!origins || origin === null) return undefined;
    return origins.includes(origin) || origins.includes('*') ? origin : undefined;
  }

  /** The headers a preflight asked for, when they are a well-formed list; else the fixed list. */
  function allowedHeaders(requested: string | null): string {
    const list = requested?.trim();
    if (!list || !HEADER_LIST.test(list)) return ALLOWED_REQUEST_HEADERS;
    return [...new Set(list.toLowerCase().split(',').map((h) => h.trim()))].join(', ');
  }

  function authorized(request: Request): boolean {
    if (token === undefined) return true;
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
    return match !== null && sameSecret(match[1]!, token);
  }

  async function respond(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const found = route(request, url);
    if (!found) return notFound();
    const allow = [...Object.keys(found.methods), 'OPTIONS'].join(', ');

    if (request.method === 'OPTIONS') {
      const origin = request.headers.get('origin');
      const preflight = origin !== null && request.headers.has('access-control-request-method');
      if (!preflight || !origins) return new Response(null, { status: 204, headers: { allow } });
      if (!allowedOrigin(origin)) {
        return error(403, { error: 'forbidden', message: `Origin ${origin} may not call this API` });
      }
      return new Response(null, {
        status: 204,
        headers: {
          allow,
          'access-control-allow-origin': origin,
          'access-control-allow-methods': allow,
          'access-control-allow-headers': allowedHeaders(request.headers.get('access-control-request-headers')),
          'access-control-max-age': '600',
        },
      });
    }

    const run = found.methods[request.method];
    if (!run) return error(405, { error: 'method_not_allowed', message: `Use ${allow}` }, { allow });
    if (found.api && !authorized(request)) {
      return error(401, { error: 'unauthorized', message: 'Send Authorization: Bearer <token>' }, { 'www-authenticate': 'Bearer' });
    }
    return run();
  }

  const handler = async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      response = await respond(request);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        response = error(413, { error: 'payload_too_large', message: `The body must be at most ${bodyLimit} bytes` });
      } else {
        onError(e);
        response = error(500, { error: 'internal_error' });
      }
    }
    if (origins) {
      // Caches must not hand one origin's answer (with or without CORS headers) to another, nor a
      // preflight's answer to one that asked for other headers.
      response.headers.append('vary', request.method === 'OPTIONS' ? 'Origin, Access-Control-Request-Headers' : 'Origin');
      const origin = allowedOrigin(request.headers.get('origin'));
      if (origin) {
        response.headers.set('access-control-allow-origin', origin);
        response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
      }
    }
    return response;
  };

  return Object.assign(handler, {
    retryNotifications,
    async settled() {
      while (inflight.size || retrying) await Promise.allSettled([...inflight.values(), retrying]);
    },
    close() {
      if (timer) clearInterval(timer);
    },
  });
}
