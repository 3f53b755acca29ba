/**
 * `@escalate-kit/server/postgres`: the store on a PostgreSQL server, through `pg`. An entry point
 * of its own, so a handler on the memory or PGlite store never loads `pg`
 * (docs/architecture.md#server).
 */
export { createPostgresDatabase, createPostgresStore } from './store/postgres.ts';
export type { PostgresStoreOptions } from './store/postgres.ts';
export { createPostgresLive, DEFAULT_LIVE_CHANNEL, type PostgresLiveOptions } from './live/postgres-bus.ts';
export type { SqlDatabase, SqlSession } from './store/sql.ts';
