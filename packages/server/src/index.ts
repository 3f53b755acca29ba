/**
 * `@escalate-kit/server`: the reference receiver of escalations. The Node adapter
 * (`toNodeListener`, `serve`) is its own entry point, `@escalate-kit/server/node`, so the handler
 * can be used from runtimes that only speak Request/Response.
 */

// The handler
export { createEscalationHandler } from './handler.ts';
export type { EscalationHandler, EscalationHandlerOptions } from './handler.ts';

// Stores
export { createMemoryStore } from './store/memory.ts';
export { createPgliteDatabase, createPgliteStore } from './store/pglite.ts';
export type { PgliteStoreOptions } from './store/pglite.ts';
export { createPostgresDatabase, createPostgresStore } from './store/postgres.ts';
export type { PostgresStoreOptions } from './store/postgres.ts';
export { createSqlStore } from './store/sql.ts';
export type { SqlDatabase, SqlSession, SqlStoreOptions } from './store/sql.ts';
export { InvalidCursorError } from './store/common.ts';

// Types and schemas of what the server stores and answers
export * from './types.ts';

// Notifier (e-mail to the account team)
export * from './notify/index.ts';

// Account-team inbox page
export { bundleInbox, inboxHtml, loadInboxAssets, type InboxAssets } from './inbox/assets.ts';

// The contract as JSON Schema and OpenAPI
export { contractJsonSchema, contractSchemas, openApiDocument } from './contract.ts';
