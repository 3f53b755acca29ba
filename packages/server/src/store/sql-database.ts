/** What the SQL stores need of a database: PGlite and `pg` are adapted to it (`pglite.ts`, `postgres.ts`). */

/** What a query needs: run one statement with `$1`-style parameters. */
export interface SqlSession {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

/** The rows of each statement of a script, in order. */
export type ScriptResults = { rows: unknown[] }[];

/** A database both Postgres flavours can be adapted to (see `pglite.ts` and `postgres.ts`). */
export interface SqlDatabase extends SqlSession {
  /** Runs `fn` inside one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  /**
   * How many transactions it runs at once (a pool's size); the store keeps about half of them
   * for batches of inserts. Absent: one (PGlite, a single connection).
   */
  readonly connections?: number;
  /**
   * Runs a script of several statements in one round trip, as one transaction (PostgreSQL's
   * simple query protocol: it commits at the end, or rolls back at the first error), and answers
   * the rows of each statement. Optional: without it, a batch of inserts calls its database
   * function as a query with parameters (`insert-script-sql.ts`).
   */
  script?(sql: string): Promise<ScriptResults>;
  close(): Promise<void>;
}
