/** The options of `createEscalationHandler`, and the handler it returns. */
import type { CategoryDefinition, EscalationPolicy } from '@escalate-kit/sdk';
import type { AuthOptions } from './auth/options.ts';
import type { LiveOptions } from './routes/events.ts';
import type { ServerLogger } from './log.ts';
import type { SlaOptions } from './sla/options.ts';
import type { EscalationStore, Notifier } from './types.ts';

/** Sizes and rates over which a request is refused. */
export interface HandlerLimits {
  /**
   * The largest request body in bytes; larger is 413, and no more than that is ever read.
   * @default 65_536
   * @example createEscalationHandler({ store, limits: { bodyBytes: 16_384 } })
   */
  bodyBytes?: number;
  /**
   * POSTs of escalations per client per minute; more is 429 with `Retry-After`. A client is the
   * API key or the signed-in user a request proves, each with a budget of its own however many
   * share an address; only a request that proves nobody (auth off) is counted by its address.
   * A replay of a stored escalation (same `Idempotency-Key` and body) never counts, and is
   * answered even over the budget. `Infinity` turns the limit off. Without it the environment
   * variable `ESCALATE_RATE_LIMIT` decides (`600`, `600/min`, `10/s`, `5000/h` or `off`; any other
   * value throws `RateLimitConfigError` when the handler is created).
   * @default ESCALATE_RATE_LIMIT, else 600
   * @example createEscalationHandler({ store, limits: { requestsPerMinute: 120 } })
   */
  requestsPerMinute?: number;
}

/**
 * Retries of failed notifications. Servers sharing a database never send one e-mail at the same
 * time: each attempt holds a lease on its escalation, after which another server may take over.
 */
export interface NotifyRetryOptions {
  /**
   * The first retry after a failure, in ms; each further one waits twice as long.
   * @default 30_000
   * @example createEscalationHandler({ store, notify, notifyRetry: { baseMs: 5000 } })
   */
  baseMs?: number;
  /**
   * The longest wait between two attempts, in ms.
   * @default 3_600_000 (1 hour)
   * @example createEscalationHandler({ store, notify, notifyRetry: { maxMs: 600_000 } })
   */
  maxMs?: number;
  /**
   * How often a timer looks for due notifications, in ms; 0 = no timer (call `retryNotifications()` yourself).
   * @default 30_000
   * @example createEscalationHandler({ store, notify, notifyRetry: { intervalMs: 10_000 } })
   */
  intervalMs?: number;
  /**
   * How long one attempt holds its escalation before another server may take over (the first one
   * died), in ms. It must outlast one call of the notifier.
   * @default 120_000 (`NOTIFICATION_LEASE_MS`)
   * @example createEscalationHandler({ store, notify, notifyRetry: { leaseMs: 300_000 } })
   */
  leaseMs?: number;
}

export interface EscalationHandlerOptions {
  /**
   * Where escalations are kept. Call its `migrate()` before the first request. Required.
   * @example createEscalationHandler({ store: createPgliteStore() })
   */
  store: EscalationStore;
  /**
   * Tells the account team about each new escalation, in the background: the response never
   * waits for it, and a failure is retried with backoff, never losing the escalation.
   * @default undefined (notifications stay `pending`)
   * @example createEscalationHandler({ store, notify: createEmailNotifier({ outboxDir: '.data/outbox', to: 'team@example.com' }) })
   */
  notify?: Notifier;
  /**
   * Who may use the API (docs/architecture.md#security). On by default: every `/api/*` route
   * needs a signed-in user (session cookie, plus `X-CSRF-Token` on changes) or a key in
   * `Authorization: Bearer`, and answers 401 otherwise, 403 below the route's role. `/healthz`,
   * `POST /api/session` (signing in) and the inbox page are open. `false` turns all of it off:
   * every route is open and acts as a lead, for a handler embedded behind an auth of its own, or tests.
   * @default {} (on, no service key; see {@link AuthOptions} for sessions, lockout and trusted origins)
   * @example createEscalationHandler({ store, auth: { token: process.env.ESCALATE_TOKEN, session: { idleMs: 3_600_000 } } })
   */
  auth?: AuthOptions | false;
  /**
   * Origins whose pages may call the API from a browser (exact `scheme://host[:port]`;
   * `'*'` allows any).
   * @default undefined (no CORS headers are sent: same-origin use only)
   * @example createEscalationHandler({ store, cors: { origins: ['https://support.example.com'] } })
   */
  cors?: { origins: readonly string[] };
  /**
   * The largest body and the rate of POSTs per client (see {@link HandlerLimits}).
   * @default { bodyBytes: 65_536, requestsPerMinute: ESCALATE_RATE_LIMIT, else 600 }
   * @example createEscalationHandler({ store, limits: { bodyBytes: 16_384, requestsPerMinute: 30 } })
   */
  limits?: HandlerLimits;
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
   * The escalation policy the server decides with: from each case (category, urgency, signals) it
   * gives the team, level, priority, urgency, reasons, respond-by and resolve-by, stored as the
   * escalation's `decision` (docs/policy.md#respond-by); a client's `routing` is only a suggestion.
   * Its team names are shown in the inbox.
   * @default the SDK's `defaultPolicy` (docs/policy.md)
   * @example createEscalationHandler({ store, policy: definePolicy({ urgencies: { standard: { businessDays: 2 } } }) })
   */
  policy?: EscalationPolicy;
  /**
   * The categories accepted; anything else is a 400 on `category`. Ids, or definitions whose
   * labels the inbox shows (an id alone shows the SDK's label for a default category, else the id).
   * @default the SDK's `defaultCategories` (complaint, billing, pricing, technical, other)
   * @example createEscalationHandler({ store, categories: ['complaint', 'billing', { id: 'warranty', label: 'Warranty' }] })
   */
  categories?: readonly (string | CategoryDefinition)[];
  /**
   * The account-team inbox page, served at `GET /inbox` and `GET /inbox/app.js`.
   * @default undefined (no inbox page)
   * @example createEscalationHandler({ store, inbox: await loadInboxAssets() })
   */
  inbox?: { html: string; script: string } | undefined;
  /**
   * Retries of failed notifications (see {@link NotifyRetryOptions}).
   * @default { baseMs: 30_000, maxMs: 3_600_000, intervalMs: 30_000, leaseMs: 120_000 }
   * @example createEscalationHandler({ store, notify, notifyRetry: { baseMs: 5000, intervalMs: 10_000 } })
   */
  notifyRetry?: NotifyRetryOptions;
  /**
   * The live updates of `GET /api/events` and `GET /api/escalations/:id/events` (see {@link LiveOptions}).
   * @default { heartbeatMs: 15_000, retryMs: 3000 }
   * @example createEscalationHandler({ store, live: { heartbeatMs: 30_000 } })
   */
  live?: LiveOptions;
  /**
   * The SLA clock (docs/architecture.md#sla-clock): reminders before a deadline, a level up and
   * "chase if no update" at a breach, the agent told of contact and resolution, each once across
   * servers (see {@link SlaOptions}). It runs on stores with follow-ups (the memory, PGlite and
   * PostgreSQL stores); `false` turns it off.
   * @default { warnAt: 0.75, intervalMs: 60_000 }
   * @example createEscalationHandler({ store, notify, sla: { warnAt: 0.5, intervalMs: 15_000 } })
   */
  sla?: SlaOptions | false;
  /**
   * Where the handler logs: unexpected errors (once each, with the `errorId` the 500 answered),
   * sign-in lockouts. Never a header, a body, a password or a token (see `createLogger`).
   * @default createLogger(): pino, JSON lines on stdout, with secrets and customer data redacted
   * @example createEscalationHandler({ store, log: createLogger({ level: 'warn' }) })
   */
  log?: ServerLogger;
  /**
   * Told about unexpected errors: a 500 (with the `errorId` its body carries), or background
   * notification work that could not be recorded. Expected faults (bad input, a client that went
   * away) are not errors and never reach it.
   * @default logs the error with `log.error`
   * @example createEscalationHandler({ store, onError: (e, { errorId }) => sentry.captureException(e, { tags: { errorId } }) })
   */
  onError?: (error: unknown, info: { errorId: string }) => void;
}

/** A Fetch-standard handler, plus control over its background notification work. */
export interface EscalationHandler {
  (request: Request): Promise<Response>;
  /** Sends the notifications that are due now (pending, or failed and past their backoff). */
  retryNotifications(): Promise<void>;
  /**
   * One run of the SLA clock now: claims and sends the reminders, level-ups and agent e-mails due,
   * and retries those that failed (the timer does the same every `sla.intervalMs`).
   */
  runSla(): Promise<void>;
  /** Resolves when no notification work is in flight (for tests and graceful shutdown). */
  settled(): Promise<void>;
  /** Stops the retry timer and the SLA clock's and ends the open event streams. In-flight work finishes; await `settled()` for it. */
  close(): void;
}
