/**
 * What the server tests share: the request literals (as a client sends them, and as a store
 * receives them), a fake clock, request builders, assertions on the contract's answers, and a
 * handler on each store flavour.
 */
import assert from 'node:assert/strict';
import { after } from 'node:test';
import {
  errorBodySchema,
  escalationReceiptSchema,
  escalationRequestSchema,
  type EscalationReceipt,
  type EscalationRequest,
} from '@escalate-kit/sdk';
import {
  createEscalationHandler,
  createMemoryStore,
  createPgliteStore,
  type Actor,
  type EscalationHandler,
  type EscalationHandlerOptions,
  type EscalationStatus,
  type EscalationStore,
  type NewEscalation,
  type Notifier,
  type StoredEscalation,
} from '../../packages/server/src/index.ts';

export const BASE = 'http://escalations.test';
/** A Friday, 10:00 UTC. */
export const FRIDAY = '2025-11-14T10:00:00.000Z';

/** The note of the requests below (docs/policy.md#notes). */
export const notes = 'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager.';
/** The note an agent types in the demo's dialog (the visual baselines show it). */
export const typedNotes =
  'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.';

export const uniqueTask = () => `T-${crypto.randomUUID().slice(0, 8)}`;
export const uniqueCategory = () => `c${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** The fields every request below has. */
const base = {
  category: 'billing',
  notes,
  contactMethod: 'email',
  contact: { email: 'pat@example.com' },
  createdAt: '2025-11-14T09:59:00.000Z',
};

/** A request body as a client sends it (not parsed: the server must do that). */
export function wire(overrides: Record<string, unknown> = {}): Record<string, unknown> & { id: string; taskId: string } {
  return {
    id: crypto.randomUUID(),
    // A task of its own: a task with an open escalation takes no second one (409).
    taskId: uniqueTask(),
    ...base,
    customer: { name: 'Pat Doe', accountId: 'A-77' },
    ...overrides,
  } as Record<string, unknown> & { id: string; taskId: string };
}

/** A valid request, through the SDK schema (defaults filled), with a fresh id and task unless given. */
export function makeRequest(overrides: Record<string, unknown> = {}): EscalationRequest {
  return escalationRequestSchema.parse({ id: crypto.randomUUID(), taskId: uniqueTask(), ...base, ...overrides });
}

/** What a handler would insert, with times given in any ISO form. */
export function makeNew(overrides: Partial<NewEscalation> & { request?: EscalationRequest } = {}): NewEscalation {
  return {
    request: overrides.request ?? makeRequest(),
    bodyHash: overrides.bodyHash ?? 'hash-a',
    team: overrides.team ?? 'billing',
    respondBy: overrides.respondBy ?? '2025-11-19T23:59:59.999Z',
    receivedAt: overrides.receivedAt ?? FRIDAY,
  };
}

/** Who the store tests say made a change. */
export const testActor: Actor = { type: 'user', id: '5b0f3f0e-7a52-4a8e-9d3c-2f1d2a6e0c11', email: 'lead@example.com' };

/**
 * Sets the status in a store from whatever it is now (the store compares and sets; the rules of
 * which change is allowed are the API's, tested in status.test.ts). `undefined` for an unknown id.
 */
export async function setStatus(store: EscalationStore, id: string, to: EscalationStatus, at: string, note?: string) {
  const current = await store.get(id);
  if (!current) return undefined;
  const result = await store.changeStatus(id, { from: current.status, to, at, actor: testActor, ...(note !== undefined && { note }) });
  return result?.record;
}

export function fakeClock(start = FRIDAY) {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(iso: string) {
      t = Date.parse(iso);
    },
  };
}

export interface PostInit {
  /** The Idempotency-Key; defaults to the body's id, `null` leaves it out. */
  key?: string | null;
  headers?: Record<string, string>;
}

export function postRequest(body: unknown, init: PostInit = {}): Request {
  const headers = new Headers({ 'content-type': 'application/json', ...init.headers });
  const key = init.key === undefined ? (body as { id?: string } | null)?.id : init.key;
  if (typeof key === 'string') headers.set('idempotency-key', key);
  return new Request(`${BASE}/api/escalations`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers });
export const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${BASE}/api/escalations/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** The JSON body, after checking the headers every JSON answer must have. */
export async function jsonOf<T = unknown>(response: Response): Promise<T> {
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return (await response.json()) as T;
}

/** Asserts an error answer: its status, the contract's error shape and its code. */
export async function errorOf(response: Response, status: number, code: string) {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}`);
  const body = errorBodySchema.parse(await jsonOf(response));
  assert.equal(body.error, code);
  return body;
}

export async function receiptOf(response: Response, status: 200 | 201): Promise<EscalationReceipt> {
  assert.equal(response.status, status);
  const raw = await jsonOf<Record<string, unknown>>(response);
  const receipt = escalationReceiptSchema.parse(raw);
  // `duplicate` is always sent, not left to the schema's default.
  assert.equal(typeof raw.duplicate, 'boolean');
  return receipt;
}

/** A notifier that fails the first `failures` calls, then succeeds. */
export function flakyNotifier(failures: number) {
  const calls: StoredEscalation[] = [];
  const notifier: Notifier = {
    async notify(record) {
      calls.push(record);
      if (calls.length <= failures) throw new Error(`SMTP 451 try again later (${calls.length})`);
      return { messageId: `<${record.id}@mail.test>` };
    },
  };
  return { notifier, calls };
}

export interface StoreKind {
  name: string;
  /** A fresh, migrated, empty store. */
  open(): Promise<EscalationStore>;
}

/** The flavours every handler test runs on: in memory, and PGlite (the embedded default). */
export const storeKinds: StoreKind[] = [
  { name: 'memory', open: async () => createMemoryStore() },
  {
    name: 'PGlite',
    async open() {
      const store = createPgliteStore({ dataDir: 'memory://' });
      await store.migrate();
      return store;
    },
  },
];

/**
 * Handlers on one store flavour, for the tests of one `describe`: `setup` makes a handler on the
 * suite's shared store (or a fresh one) with a fake clock at Friday 10:00 UTC, and auth off
 * unless `auth` is given. Every handler is
 * closed and settled, and every store closed, after the suite.
 */
export function handlerHarness(kind: StoreKind) {
  const opened: EscalationStore[] = [];
  const handlers: EscalationHandler[] = [];
  let shared: Promise<EscalationStore> | undefined;
  const open = async () => {
    const store = await kind.open();
    opened.push(store);
    return store;
  };

  async function setup(options: Partial<EscalationHandlerOptions> & { fresh?: boolean } = {}) {
    const { fresh, ...rest } = options;
    const store = rest.store ?? (fresh ? await open() : await (shared ??= open()));
    const clock = fakeClock();
    // Open unless a test asks for auth: these suites are about escalations, not about who may
    // send them (that is cors-auth.test.ts, session.test.ts and the other auth suites).
    const handler = createEscalationHandler({ clock: clock.now, auth: false, ...rest, store });
    handlers.push(handler);
    return { handler, store, clock };
  }

  after(async () => {
    for (const h of handlers) {
      h.close();
      await h.settled();
    }
    await Promise.all(opened.map((s) => s.close()));
  });

  return { setup, open };
}
