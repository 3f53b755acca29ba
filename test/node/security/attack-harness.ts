/**
 * The handler as an attacker meets it, for the security tests: auth on (the default), a fake
 * clock, the pino log sink captured line by line, and one person of each role (two agents, so
 * one can try to read the other's cases) and an API key. Requests go straight to the handler.
 */
import assert from 'node:assert/strict';
import {
  addKey,
  createEscalationHandler,
  createLogger,
  createMemoryStore,
  type AuthOptions,
  type EscalationHandler,
  type EscalationStore,
} from '../../../packages/server/src/index.ts';
import { BASE, fakeClock } from '../../support/fixtures.ts';
import { addPerson, type Person } from './inbox-session.ts';

export interface Session {
  /** The id, as the cookie carries it. */
  id: string;
  cookie: string;
  csrfToken: string;
}

export interface CallOptions {
  session?: Session;
  /** The CSRF token to send; the session's own by default, `null` for none. */
  csrf?: string | null;
  /** `Authorization: Bearer <key>`. */
  key?: string;
  /** JSON of it; a string as it is; bytes as they are, with no Content-Type of their own. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Harness {
  handler: EscalationHandler;
  store: EscalationStore;
  clock: ReturnType<typeof fakeClock>;
  /** Every line the handler logged, as written (JSON). */
  logLines: string[];
  people: Record<'agent' | 'otherAgent' | 'member' | 'lead', Person>;
  /** An API key (`ek_…`) and its id. */
  key: { key: string; id: string };
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  signIn(person: Pick<Person, 'email' | 'password'>, headers?: Record<string, string>): Promise<Response>;
  /** Signs in and asserts it worked. */
  session(person: Pick<Person, 'email' | 'password'>, headers?: Record<string, string>): Promise<Session>;
  close(): Promise<void>;
}

export async function attackHarness(auth: AuthOptions = {}, store: EscalationStore = createMemoryStore()): Promise<Harness> {
  const clock = fakeClock();
  const logLines: string[] = [];
  const log = createLogger({ destination: { write: (line: string) => void logLines.push(line) } });
  // No rate limit on POSTs: these tests send many from one client on purpose.
  const handler = createEscalationHandler({ store, clock: clock.now, log, auth, limits: { requestsPerMinute: Infinity } });
  const [agent, otherAgent, member, lead] = await Promise.all([
    addPerson(store, 'agent'),
    addPerson(store, 'agent', 'other-agent@example.com'),
    addPerson(store, 'member'),
    addPerson(store, 'lead'),
  ]);
  const added = await addKey(store.access, 'host app', clock.now());

  function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    const headers = new Headers(options.headers);
    if (options.session) {
      if (!headers.has('cookie')) headers.set('cookie', options.session.cookie);
      const csrf = options.csrf === undefined ? options.session.csrfToken : options.csrf;
      if (csrf !== null && !['GET', 'HEAD'].includes(method)) headers.set('x-csrf-token', csrf);
    }
    if (options.key) headers.set('authorization', `Bearer ${options.key}`);
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.body instanceof Uint8Array) {
      // Bytes go as they are, with no Content-Type unless one is given (a string would get text/plain).
      body = options.body as Uint8Array<ArrayBuffer>;
    } else if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    return handler(new Request(`${BASE}${path}`, { method, headers, ...(body !== undefined && { body }) }));
  }

  const signIn = (person: Pick<Person, 'email' | 'password'>, headers: Record<string, string> = {}) =>
    call('POST', '/api/session', { body: { email: person.email, password: person.password }, headers });

  async function session(person: Pick<Person, 'email' | 'password'>, headers: Record<string, string> = {}): Promise<Session> {
    const response = await signIn(person, headers);
    assert.equal(response.status, 200, `signing in as ${person.email}: ${await response.clone().text()}`);
    const cookie = response.headers.getSetCookie()[0]!.split(';', 1)[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { id: cookie.slice(cookie.indexOf('=') + 1), cookie, csrfToken };
  }

  return {
    handler,
    store,
    clock,
    logLines,
    people: { agent, otherAgent, member, lead },
    key: { key: added.key, id: added.id },
    call,
    signIn,
    session,
    async close() {
      handler.close();
      await handler.settled();
      await store.close();
    },
  };
}

/** The error code of a JSON error answer, after checking its status. */
export async function codeOf(response: Response, status: number): Promise<string> {
  const text = await response.text();
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${text}`);
  assert.equal(response.headers.get('content-type'), 'application/json');
  return (JSON.parse(text) as { error: string }).error;
}
