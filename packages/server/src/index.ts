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

// Stores
export { createMemoryStore } from './store/memory.ts';
export { createPgliteDatabase, createPgliteStore } from './store/pglite.ts';
export type { PgliteStoreOptions } from './store/pglite.ts';
export { createSqlStore } from './store/sql.ts';
export type { SqlDatabase, SqlSession, SqlStoreOptions } from './store/sql.ts';
export { InvalidCursorError } from './store/common.ts';

// Types and schemas of what the server stores and answers
export * from './types.ts';

// Account-team inbox page
export { bundleInbox, inboxHtml, loadInboxAssets, type InboxAssets } from './inbox/assets.ts';

// The contract as JSON Schema and OpenAPI
export { contractJsonSchema, contractSchemas, openApiDocument } from './contract.ts';
