/**
 * The test side of the reliability suites' server process (reliability-server.ts): start it,
 * kill it, stop it cleanly, count what it logged as errors; post to it over keep-alive
 * connections; read back everything it stored; and a PostgreSQL schema of its own per run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '../../packages/server/src/postgres.ts';
import type { ListResult, StoredEscalation } from '../../packages/server/src/index.ts';

const script = fileURLToPath(new URL('./reliability-server.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** Pino lines at level error or worse, and anything on stderr, so far. */
  errors: string[];
  /** `kill -9`: no chance to finish anything. Resolves when it is gone (at once if it already is). */
  kill(): Promise<void>;
  /** SIGTERM, and the exit code of the clean stop that follows. */
  stop(): Promise<number | null>;
}

/** Starts the server with `env` on top of this process's, and resolves once it listens. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    // stdin stays open while this process lives: the server exits when it closes (reliability-server.ts).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let gone = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      gone = true;
      resolve(code);
    }),
  );
  const errors: string[] = [];
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        let parsed: { ready?: string; level?: number };
        try {
          parsed = JSON.parse(line) as typeof parsed;
        } catch {
          continue;
        }
        if (parsed.ready) {
          resolve({
            url: parsed.ready,
            pid: child.pid!,
            errors,
            async kill() {
              if (!gone) process.kill(child.pid!, 'SIGKILL');
              await exited;
            },
            async stop() {
              process.kill(child.pid!, 'SIGTERM');
              return exited;
            },
          });
        }
        if ((parsed.level ?? 0) >= 50) errors.push(line);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => errors.push(chunk));
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it listened: ${errors.join('')}`)));
  });
}

export interface Answer {
  status: number;
  /** From sending the request to the end of the answer. */
  ms: number;
  body: string;
}

/** A pool of keep-alive connections, one per concurrent client. */
export const keepAlive = (clients: number) => new Agent({ keepAlive: true, maxSockets: clients });

/** One POST of JSON; rejects when no answer comes (the connection was refused or cut). */
export function postJson(agent: Agent, url: string, body: { id: string }): Promise<Answer> {
  const text = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'idempotency-key': body.id },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** A valid escalation, each of a task of its own (a task takes one open escalation). */
export function escalation(): { id: string; taskId: string } & Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    taskId: `T-${crypto.randomUUID().slice(0, 13)}`,
    category: 'billing',
    notes: 'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager.',
    contactMethod: 'email',
    contact: { email: 'pat@example.com' },
    customer: { name: 'Pat Doe', accountId: 'A-77' },
    createdAt: new Date().toISOString(),
  };
}

/** Every escalation the server stored, page by page. */
export async function listAll(url: string): Promise<StoredEscalation[]> {
  const items: StoredEscalation[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(`${url}/api/escalations?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new Error(`list answered ${page.status}: ${await page.text()}`);
    const body = (await page.json()) as ListResult;
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

/** The server's resident set size, in bytes. */
export async function rssOf(url: string): Promise<number> {
  const answer = await fetch(`${url}/__reliability/memory`);
  return ((await answer.json()) as NodeJS.MemoryUsage).rss;
}

export interface PostgresTarget {
  /** `DATABASE_URL` with sessions in a schema of this run's own. */
  url: string;
  /** Drops the schema. */
  drop(): Promise<void>;
}

/**
 * A fresh schema at `DATABASE_URL` (as test/node/server/postgres.test.ts makes them), or why
 * there is none: no server is guessed at.
 */
export async function postgresTarget(name: string): Promise<PostgresTarget | string> {
  const url = process.env.DATABASE_URL ?? '';
  if (!url) return 'DATABASE_URL is not set (.ci/run sets one up)';
  const admin = createPostgresDatabase({ connectionString: url, max: 1, connectTimeoutMs: 3000, onError: () => {} });
  const schema = `escalate_${name}_${process.pid}_${Date.now().toString(36)}`;
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } catch (e) {
    await admin.close().catch(() => {});
    return `no PostgreSQL at DATABASE_URL (${e instanceof Error ? e.message : String(e)})`;
  }
  const inSchema = new URL(url);
  inSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: inSchema.href,
    async drop() {
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.close();
      }
    },
  };
}
