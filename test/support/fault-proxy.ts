/**
 * A fault-injecting HTTP proxy on 127.0.0.1, for the faults suite (test/node/reliability/):
 * it forwards to a real server and, for the requests it may fault (POSTs unless told otherwise),
 * a seeded PRNG decides what happens to each one, so a failing run can be replayed with its seed.
 *
 * Faults, each as a client meets it on the wire:
 * - `drop-request`: the socket is destroyed before anything is forwarded (the server never saw it);
 * - `drop-response`: forwarded, answered by the server (so committed), then the socket is destroyed
 *   instead of answering: the client cannot tell it from `drop-request`;
 * - `error-500`, `error-503`: answered by the proxy, never forwarded;
 * - `rate-limited`: 429 with `Retry-After: 1`, never forwarded;
 * - `stall`: forwarded, then held for `stallMs` (past the client's timeout) and closed unanswered;
 * - `offline`: starts an offline period of `offlineMs` in which every faultable connection is
 *   dropped, as a network that went away would. DevTools' offline emulation would cut the test
 *   runner's own connection to the page too, so the endpoint drops connections instead.
 * Requests that may not be faulted (the page and its scripts) always pass, so a page can be
 * reloaded during an offline period.
 */
import { Agent, createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const faultKinds = ['drop-request', 'drop-response', 'error-500', 'error-503', 'rate-limited', 'stall', 'offline'] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultProxyOptions {
  /** The real server, e.g. `http://127.0.0.1:4100`. */
  upstream: string;
  /** Seeds the PRNG: the same seed and the same order of requests give the same faults. */
  seed: number;
  /** The share of faultable requests that meet a fault, 0 to 1. */
  rate: number;
  /** How long a stalled request is held before its socket is closed: longer than the client's timeout. */
  stallMs: number;
  /** How long an offline period lasts. */
  offlineMs: number;
  /** Relative weight of each fault among the faulted requests (every kind 1 unless set). */
  weights?: Partial<Record<FaultKind, number>>;
  /** Which requests may be faulted. Default: every POST. */
  faultable?: (req: IncomingMessage) => boolean;
}

/** What one faultable request met, and what the client was answered (no status: no answer). */
export interface Seen {
  key: string | undefined;
  fault: FaultKind | 'pass' | 'offline-period';
  /** The status the client received, when it received one. */
  status?: number;
  /** Whether the request reached the real server. */
  forwarded: boolean;
}

/** mulberry32: small, fast, and good enough to spread faults; seeded so a run can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions) {
  const random = prng(options.seed);
  const upstream = new URL(options.upstream);
  const faultable = options.faultable ?? ((req: IncomingMessage) => req.method === 'POST');
  const weighted = faultKinds.map((kind) => [kind, options.weights?.[kind] ?? 1] as const).filter(([, w]) => w > 0);
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Every faultable request, in arrival order. */
  const seen: Seen[] = [];
  const listeners = new Set<(s: Seen) => void>();
  let offlineUntil = 0;
  let enabled = true;

  function decide(): FaultKind | 'pass' {
    if (!enabled || random() >= options.rate) return 'pass';
    let pick = random() * total;
    for (const [kind, w] of weighted) if ((pick -= w) < 0) return kind;
    return weighted[weighted.length - 1]![0];
  }

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  /** Forwards the request; resolves with the server's whole answer (so the server has committed it). */
  function pass(req: IncomingMessage) {
    return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const out = forward(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      req.pipe(out);
    });
  }

  function record(s: Seen) {
    seen.push(s);
    for (const l of listeners) l(s);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    if (!faultable(req)) {
      try {
        const answer = await pass(req);
        res.writeHead(answer.status, answer.headers).end(answer.body);
      } catch {
        res.destroy();
      }
      return;
    }
    const key = req.headers['idempotency-key'] as string | undefined;
    if (Date.now() < offlineUntil) {
      record({ key, fault: 'offline-period', forwarded: false });
      req.socket.destroy();
      return;
    }
    const fault = decide();
    const drop = (forwarded: boolean) => {
      record({ key, fault, forwarded });
      req.socket.destroy();
    };
    const answer = (status: number, headers: Record<string, string> = {}) => {
      // Read the body first: answering a request still being sent can reset the connection.
      req.resume();
      req.on('end', () => {
        record({ key, fault, status, forwarded: false });
        res
          .writeHead(status, { 'content-type': 'application/json', ...headers })
          .end(JSON.stringify({ error: 'injected', message: `Injected fault: ${fault}` }));
      });
    };
    switch (fault) {
      case 'drop-request':
        return drop(false);
      case 'offline':
        offlineUntil = Date.now() + options.offlineMs;
        return drop(false);
      case 'error-500':
        return answer(500);
      case 'error-503':
        return answer(503);
      case 'rate-limited':
        return answer(429, { 'retry-after': '1' });
    }
    let got: Awaited<ReturnType<typeof pass>>;
    try {
      got = await pass(req);
    } catch {
      return drop(false);
    }
    if (fault === 'drop-response') return drop(true);
    if (fault === 'stall') {
      record({ key, fault, forwarded: true });
      later(options.stallMs, () => req.socket.destroy());
      return;
    }
    record({ key, fault, status: got.status, forwarded: true });
    res.writeHead(got.status, got.headers).end(got.body);
  }

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** Calls `listener` for every faultable request from now on; returns a function that stops it. */
    onSeen(listener: (s: Seen) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** How many faultable requests met each fault (and `pass`). */
    counts() {
      const counts: Record<string, number> = {};
      for (const s of seen) counts[s.fault] = (counts[s.fault] ?? 0) + 1;
      return counts;
    },
    /** Faults on or off (off: every request passes; an offline period under way ends). */
    setFaults(on: boolean) {
      enabled = on;
      if (!on) offlineUntil = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
