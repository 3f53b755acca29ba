/**
 * The real handler for test/node/server/openapi-responses.test.ts: on PGlite with auth on, served
 * over HTTP on 127.0.0.1 with single sign-on through a real provider (test/support/oidc-provider.ts),
 * and a second one with a rate limit of one a minute (the 429) and no single sign-on (its 404s);
 * a lead, a member and an agent, sessions for the first two; and a store that can be broken on
 * demand, for the 500s.
 */
import { createEscalationHandler, createPgliteStore, type EscalationStore } from '../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../packages/server/src/node.ts';
import { addPerson, apiSession, type ApiSession, type Person } from '../node/security/inbox-session.ts';
import { startOidcProvider } from './oidc-provider.ts';

export const SERVICE = `service-${crypto.randomUUID()}`;
export const BODY_LIMIT = 4096;

/**
 * A store that works until `broken` is set, then throws from every method; while `racing` is set,
 * every change of owner loses to one made meanwhile (the 409 `conflict` of the owner's routes).
 */
function breakable(store: EscalationStore) {
  const state = { broken: false, racing: false };
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value: unknown = Reflect.get(t, prop, receiver);
        if (prop === 'access') return wrap(value as object);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (state.broken) throw new Error('the database is down');
          if (state.racing && prop === 'assign') return store.get(args[0] as string).then((record) => ({ record, changed: false }));
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  return { store: wrap(store), state };
}

/** Who asks: nobody, the service key (a lead), an API key (an agent), or a session (with its CSRF token unless `csrf: false`). */
export type Who = 'nobody' | 'service' | { key: string } | (ApiSession & { csrf?: boolean });
export interface Call {
  as?: Who;
  body?: unknown;
  /** The body's Content-Type. */
  type?: string;
  headers?: Record<string, string>;
}

function headersOf(who: Who): Record<string, string> {
  if (who === 'nobody') return {};
  if (who === 'service') return { authorization: `Bearer ${SERVICE}` };
  if ('key' in who) return { authorization: `Bearer ${who.key}` };
  return { cookie: who.cookie, ...(who.csrf !== false && { 'x-csrf-token': who.csrfToken }) };
}

/** `method path` on `server`, as the service key unless `as` says otherwise. */
export function send(server: RunningServer, method: string, path: string, call: Call = {}): Promise<Response> {
  const { as = 'service', body, type = 'application/json', headers = {} } = call;
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...headersOf(as), ...(body !== undefined && { 'content-type': type }), ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    // A redirect is the answer under test, not something to follow.
    redirect: 'manual',
  });
}

export async function startApiUnderTest() {
  const raw = createPgliteStore({ dataDir: 'memory://' });
  await raw.migrate();
  const { store, state } = breakable(raw);
  const client = { clientId: 'escalate-kit', clientSecret: `secret-${crypto.randomUUID()}` };
  const provider = await startOidcProvider(client);
  const auth = { token: SERVICE, lockout: { maxFailures: 2 } };
  const options = {
    store,
    auth,
    limits: { bodyBytes: BODY_LIMIT, requestsPerMinute: 1000 },
    // The 500s are provoked: nothing to log.
    onError: () => {},
  };
  const handlers = [
    createEscalationHandler({ ...options, auth: { ...auth, oidc: { issuer: provider.issuer, ...client, label: 'Example SSO' } } }),
    createEscalationHandler({ ...options, limits: { requestsPerMinute: 1 } }),
  ];
  const main = await serve({ handler: handlers[0]! });
  const limited = await serve({ handler: handlers[1]! });
  const people = {} as Record<'lead' | 'member' | 'agent', Person>;
  for (const role of ['lead', 'member', 'agent'] as const) people[role] = await addPerson({ access: raw.access }, role);
  const sessions = { lead: await apiSession(main.url, people.lead), member: await apiSession(main.url, people.member) };
  return {
    main,
    limited,
    people,
    sessions,
    store: raw,
    /** Set `broken` and every store call throws; set `racing` and every change of owner loses a race. */
    fault: state,
    async close() {
      await Promise.all([main.close(), limited.close(), provider.close()]);
      for (const h of handlers) {
        h.close();
        await h.settled();
      }
      await raw.close();
    },
  };
}
