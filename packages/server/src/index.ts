/**
 * `@escalate-kit/server`: the reference receiver of escalations, for any Fetch runtime. Whatever
 * needs more than that has an entry point of its own: the Node adapter (`toNodeListener`,
 * `serve`) is `@escalate-kit/server/node`, PostgreSQL is `@escalate-kit/server/postgres` and the
 * e-mail notifier is `@escalate-kit/server/email` (docs/architecture.md#server).
 */

// The handler
export { createEscalationHandler } from './handler.ts';
export type { EscalationHandler, EscalationHandlerOptions, HandlerLimits, NotifyRetryOptions } from './handler.ts';

// The server's decision on an escalation (docs/policy.md#respond-by), as the handler makes it
export { decide, type Decided } from './decision/decide.ts';

// The SLA clock and the closing of the loop (docs/policy.md#follow-up)
export { followUpKinds, slaDeadlines, type FollowUpKind, type FollowUpDetails, type SlaDeadline } from './sla/kinds.ts';
export { slaClocks, dueFollowUps, stoppedMs, type SlaClock, type DueFollowUp } from './sla/schedule.ts';
export { followUpsOf, type FollowUp, type FollowUpStore, type FollowUpClaim, type FollowUpCandidate, type SlaStore } from './sla/store.ts';
export type { SlaOptions } from './sla/options.ts';

// Who may use the API (docs/architecture.md#security)
export { roles, hasRole, roleSchema, actorSchema, userSchema, apiKeySchema } from './auth/types.ts';
export type { Role, Actor, User, ApiKey, AccessStore, StoredUser, StoredApiKey, StoredSession, ThrottleState } from './auth/types.ts';
export type { AuthOptions, SessionOptions, LockoutOptions } from './auth/options.ts';
export type { OidcOptions } from './auth/oidc-options.ts';
export { addUser, addKey, emailSchema, passwordSchema, newUserSchema } from './auth/accounts.ts';
export { hashPassword, verifyPassword, generatePassword, PBKDF2_ITERATIONS } from './auth/password.ts';
export { SESSION_COOKIE } from './auth/cookies.ts';

// The rate limit's settings (ESCALATE_RATE_LIMIT)
export { parseRateLimit, RateLimitConfigError, DEFAULT_RATE_LIMIT, type RateBudget } from './http/rate-limit-config.ts';

// The log sink
export { createLogger, REDACTED_PATHS, type ServerLogger } from './log.ts';

// Stores
export { createMemoryStore } from './store/memory.ts';
export { createPgliteDatabase, createPgliteStore } from './store/pglite.ts';
export type { PgliteStoreOptions } from './store/pglite.ts';
export { createSqlStore } from './store/sql.ts';
export type { SqlDatabase, SqlSession, SqlStoreOptions } from './store/sql.ts';
export { InvalidCursorError } from './store/common.ts';
export type { SqlLive } from './store/sql-live.ts';

// The work queue: owners and live updates (docs/architecture.md#work-queue).
export { assigneeSchema, assigneeUpdateSchema, historyAssigneeSchema, type Assignee, type AssigneeChange } from './assignee.ts';
export {
  liveEventDataSchema,
  liveEventSchema,
  liveEventTypes,
  liveChanges,
  type LiveEvent,
  type LiveEventData,
  type LiveEvents,
} from './live/event.ts';
export { createLiveBus, type LiveBus } from './live/bus.ts';
export type { LiveOptions } from './routes/events.ts';

// Types and schemas of what the server stores and answers
export * from './types.ts';

// Account-team inbox page
export { bundleInbox, inboxHtml, loadInboxAssets, type InboxAssets } from './inbox/assets.ts';

// The contract as JSON Schema and OpenAPI
export { contractJsonSchema, contractSchemas, openApiDocument } from './contract.ts';
// The inbox page's Content-Security-Policy, for host pages that want the same strict one.
export { pagePolicy } from './routes/inbox.ts';
