/**
 * A real HTTP endpoint with scripted misbehaviour, for client tests in Node and in Chromium.
 * It speaks the wire contract (validating with the SDK's own schema) and records every
 * request so tests can count what really reached it.
 *
 * POST /scenario/<name>[~<tag>]/escalations, where <name> is one of:
 *   ok                  the contract: 201, replay 200 duplicate, 409 on a changed body, 400 on bad input
 *   status-<code>       always <code>, with a contract error body
 *   fail-<n>-<code>     the first n requests per Idempotency-Key get <code>, then ok
 *   retry-after-<v>     the first request per key gets 429 with Retry-After <v> ("date" = an HTTP date 2 s ahead), then ok
 *   slow-<ms>           every request waits <ms> before ok; slowfirst-<ms> only the first per key
 *   cutbody             stores and answers ok, but the first answer per key breaks off halfway through its body
 *   malformed           201 with a body that is not a receipt
 *   already-<status>    409 task_already_escalated: the task has an escalation in <status> (id 7f3ca1b2-…)
 *   down                the socket is destroyed (a network error) until POST /scenario-control/up/<tag>
 * GET /scenario-log[?tag=<tag>] lists what was received.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escalationRequestSchema } from '@escalate-kit/sdk';

export interface LoggedRequest {
  scenario: string;
  tag: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
  /** What the scenario answered (0 for a dropped connection). */
  status: number;
}

export function createScenarioServer() {
  const log: LoggedRequest[] = [];
  const attempts = new Map<string, number>();
  const stored = new Map<string, string>();
  const up = new Set<string>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/scenario-log') {
      const tag = url.searchParams.get('tag');
      return json(res, 200, tag ? log.filter((l) => l.tag === tag) : log);
    }
    const control = url.pathname.match(/^\/scenario-control\/up\/(.+)$/);
    if (req.method === 'POST' && control) {
      up.add(decodeURIComponent(control[1]!));
      return json(res, 200, { ok: true });
    }
    const m = url.pathname.match(/^\/scenario\/([^/~]+)(?:~([^/]+))?\/escalations$/);
    if (req.method !== 'POST' || !m) return json(res, 404, { error: 'not_found' });

    const scenario = m[1]!;
    const tag = decodeURIComponent(m[2] ?? '');
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    const key = header(req, 'idempotency-key');
    const entry: LoggedRequest = {
      scenario,
      tag,
      idempotencyKey: key,
      authorization: header(req, 'authorization'),
      contentType: header(req, 'content-type'),
      body,
      status: 0,
    };
    log.push(entry);
    const count = (attempts.get(`${scenario}~${tag}~${key}`) ?? 0) + 1;
    attempts.set(`${scenario}~${tag}~${key}`, count);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      json(res, status, payload, headers);
    };

    let n: RegExpMatchArray | null;
    if (scenario === 'down' && !up.has(tag)) {
      req.socket.destroy();
      return;
    }
    const scripted = (status: number) =>
      status === 400
        ? { error: 'invalid_request', issues: [{ path: ['notes'], message: 'Notes are required' }] }
        : { error: status === 401 ? 'unauthorized' : status >= 500 ? 'unavailable' : 'failed', message: `Scripted ${status}` };
    if ((n = scenario.match(/^status-(\d{3})$/))) return answer(Number(n[1]), scripted(Number(n[1])));
    if ((n = scenario.match(/^fail-(\d+)-(\d{3})$/)) && count <= Number(n[1])) {
      return answer(Number(n[2]), scripted(Number(n[2])));
    }
    if ((n = scenario.match(/^retry-after-(.+)$/)) && count === 1) {
      // HTTP dates have whole seconds: 2 s ahead is at least 1 s of waiting.
      const value = n[1] === 'date' ? new Date(Date.now() + 2000).toUTCString() : n[1]!;
      return answer(429, { error: 'rate_limited' }, { 'Retry-After': value });
    }
    if ((n = scenario.match(/^slow(first)?-(\d+)$/)) && (!n[1] || count === 1)) {
      await new Promise((r) => setTimeout(r, Number(n![2])));
      if (res.destroyed || req.socket.destroyed) return;
    }
    if (scenario === 'malformed') return answer(201, { id: 'not-a-uuid', status: 'ok' });
    if ((n = scenario.match(/^already-(\w+)$/))) {
      return answer(409, {
        error: 'task_already_escalated',
        message: `The task already has an escalation that is ${n[1]}`,
        existing: { id: '7f3ca1b2-0000-4000-8000-000000000001', status: n[1], team: 'billing', respondBy: '2025-11-19T23:59:59.999Z' },
      });
    }

    const parsed = escalationRequestSchema.safeParse(body);
    if (!parsed.success) {
      return answer(400, {
        error: 'invalid_request',
        issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
      });
    }
    const request = parsed.data;
    if (key !== request.id) {
      return answer(400, { error: 'invalid_request', issues: [{ path: ['id'], message: 'Idempotency-Key must equal id' }] });
    }
    const receipt = {
      id: request.id,
      taskId: request.taskId,
      status: 'received',
      team: request.routing?.team ?? 'account',
      respondBy: new Date(Date.parse(request.createdAt) + 86_400_000).toISOString(),
    };
    const previous = stored.get(request.id);
    if (previous !== undefined) {
      if (previous !== JSON.stringify(request)) return answer(409, { error: 'conflict' });
      return answer(200, { ...receipt, duplicate: true });
    }
    stored.set(request.id, JSON.stringify(request));
    if (scenario === 'cutbody' && count === 1) {
      // Stored, the status and half the receipt sent, then the connection goes (a network that failed mid-answer).
      entry.status = 201;
      const text = JSON.stringify({ ...receipt, duplicate: false });
      res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': String(text.length), 'Cache-Control': 'no-store' });
      res.write(text.slice(0, text.length >> 1), () => setTimeout(() => req.socket.destroy(), 20));
      return;
    }
    return answer(201, { ...receipt, duplicate: false });
  }

  return {
    log,
    /** Node `(req, res)` handler; errors end in a 500 rather than a hung test. */
    handler(req: IncomingMessage, res: ServerResponse) {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) json(res, 500, { error: 'scenario_failed', message: String(error) });
      });
    },
    /** How many requests with this Idempotency-Key the server stored (201) — "exactly once" checks. */
    storedCount(id: string) {
      return log.filter((l) => l.idempotencyKey === id && l.status === 201).length;
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(payload));
}
