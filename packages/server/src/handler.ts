/**
 * The reference receiver as one Fetch-standard function: `(Request) => Promise<Response>`.
 * It runs wherever Request/Response and Web Crypto do (the Node adapter in `node.ts`, Hono,
 * Next.js route handlers, Bun, Deno) and answers exactly the wire contract
 * (docs/architecture.md#wire-contract). This file only puts the parts together: the HTTP
 * concerns are in `http/`, who may do what in `auth/`, the routes in `routes/`, the e-mail
 * retries in `notifications/`.
 */
import { defaultCategories, defaultPolicy, type CategoryDefinition } from '@escalate-kit/sdk';
import { createAuthenticator } from './auth/authenticate.ts';
import { createGate } from './auth/gate.ts';
import { withKeyCache } from './auth/key-cache.ts';
import { createLockout } from './auth/lockout.ts';
import { createOidc } from './auth/oidc.ts';
import { resolveAuth } from './auth/options.ts';
import { createSessions } from './auth/sessions.ts';
import { createCors } from './http/cors.ts';
import { createDispatch } from './http/dispatch.ts';
import { TAKES_WHOLE_BODIES } from './http/plain-bodies.ts';
import { createRateLimit } from './http/rate-limit.ts';
import { resolveRateLimit } from './http/rate-limit-config.ts';
import { createLogger } from './log.ts';
import { createNotificationWorker } from './notifications/worker.ts';
import { resolveSlaOptions } from './sla/options.ts';
import { createSlaRunner } from './sla/runner.ts';
import { followUpsOf } from './sla/store.ts';
import { escalationRoutes } from './routes/escalations.ts';
import { eventRoutes } from './routes/events.ts';
import { ownershipRoutes } from './routes/ownership.ts';
import { handledRoutes } from './routes/handled.ts';
import { healthRoutes } from './routes/health.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { keyRoutes } from './routes/keys.ts';
import { metaRoutes } from './routes/meta.ts';
import { OIDC_START, oidcRoutes } from './routes/oidc.ts';
import type { Routes } from './routes/route.ts';
import { sessionRoutes } from './routes/session.ts';
import { statsRoutes } from './routes/stats.ts';
import { userRoutes } from './routes/users.ts';
import type { EscalationHandler, EscalationHandlerOptions } from './options.ts';
import { NOTIFICATION_LEASE_MS } from './types.ts';

export type { EscalationHandler, EscalationHandlerOptions, HandlerLimits, NotifyRetryOptions } from './options.ts';

/** A category id alone gets the SDK's label for it, or the id itself. */
function categoryDefinitions(categories: readonly (string | CategoryDefinition)[]): { id: string; label: string }[] {
  return categories.map((c) => {
    if (typeof c !== 'string') return { id: c.id, label: c.label };
    return { id: c, label: defaultCategories.find((d) => d.id === c)?.label ?? c };
  });
}

/**
 * Creates the handler.
 *
 * @example
 * ```ts
 * const store = createPgliteStore();
 * await store.migrate();
 * const handler = createEscalationHandler({ store });
 * const server = await serve({ handler, port: 8787 });
 * ```
 */
export function createEscalationHandler(options: EscalationHandlerOptions): EscalationHandler {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());
  const policy = options.policy ?? defaultPolicy;
  const categories = categoryDefinitions(options.categories ?? defaultCategories);
  const categoryIds = categories.map((c) => c.id);
  const bodyLimit = options.limits?.bodyBytes ?? 65_536;
  const trustProxy = options.trustProxy ?? false;
  const log = options.log ?? createLogger();
  const onError = options.onError ?? ((e: unknown, { errorId }: { errorId: string }) => log.error({ err: e, errorId }, 'unexpected error'));
  const auth = options.auth === false ? undefined : resolveAuth(options.auth);
  const resolvedForSessions = auth ?? resolveAuth();
  // Every route reads keys through one cache, so that a revocation here clears it (auth/key-cache.ts).
  const access = withKeyCache(store.access);
  const sessions = createSessions(access, resolvedForSessions, clock);
  const lockout = createLockout(access, resolvedForSessions.lockout, clock);
  const gate = createGate({ auth, authenticate: createAuthenticator(access, resolvedForSessions, sessions), trustProxy });
  const notifications = createNotificationWorker({
    store,
    notify: options.notify,
    clock,
    onError: (e) => onError(e, { errorId: crypto.randomUUID() }),
    baseMs: options.notifyRetry?.baseMs ?? 30_000,
    maxMs: options.notifyRetry?.maxMs ?? 3_600_000,
    intervalMs: options.notifyRetry?.intervalMs ?? 30_000,
    leaseMs: options.notifyRetry?.leaseMs ?? NOTIFICATION_LEASE_MS,
  });
  // The SLA clock (docs/policy.md#follow-up), on stores that keep follow-ups.
  const followUps = options.sla === false ? undefined : followUpsOf(store);
  const sla =
    followUps &&
    createSlaRunner({
      ...resolveSlaOptions(options.sla || undefined),
      store,
      followUps,
      notify: options.notify,
      clock,
      policy,
      onError: (e) => onError(e, { errorId: crypto.randomUUID() }),
      leaseMs: options.notifyRetry?.leaseMs ?? NOTIFICATION_LEASE_MS,
      baseMs: options.notifyRetry?.baseMs ?? 30_000,
      maxMs: options.notifyRetry?.maxMs ?? 3_600_000,
    });
  // Sign-in through a provider (`auth.oidc`): its routes, and the link the inbox shows for it.
  const oidc = auth?.oidc && createOidc(auth.oidc, access, clock);
  const sso = oidc && { label: oidc.label, href: OIDC_START };
  // Live updates (Server-Sent Events); `close()` ends the open streams.
  const events = eventRoutes({ store, ...options.live });
  // Per key or user, per address only without either; `limits.requestsPerMinute`, else ESCALATE_RATE_LIMIT (http/rate-limit-config.ts).
  const rateLimit = createRateLimit({ budget: resolveRateLimit(options.limits?.requestsPerMinute), trustProxy, clock });

  const routes: Routes[] = [
    healthRoutes(),
    inboxRoutes(options.inbox),
    sessionRoutes({ store: access, auth, sessions, lockout, trustProxy, bodyLimit, sso }),
    ...(auth && oidc ? [oidcRoutes({ oidc, auth, sessions, trustProxy, clock, log })] : []),
    escalationRoutes({ store, clock, policy, categories: categoryIds, bodyLimit, rateLimit, notifications }),
    ownershipRoutes({ store, clock, bodyLimit }),
    events,
    statsRoutes({ store, clock, categories: categoryIds, teams: Object.keys(policy.teams.names) }),
    handledRoutes({ store, clock, bodyLimit }),
    metaRoutes({ categories, teams: { ...policy.teams.names } }),
    userRoutes({ store: access, clock, bodyLimit }),
    keyRoutes({ store: access, clock, bodyLimit }),
  ];

  const handler = createDispatch({ routes, gate, cors: createCors(options.cors?.origins), bodyLimit, onError, log });

  // A change of status may be due a follow-up (the agent hears of contact and resolution): the
  // clock looks at once rather than at its next tick.
  const served = sla
    ? async (request: Request) => {
        const response = await handler(request);
        if (request.method === 'PATCH' && response.ok) sla.kick();
        return response;
      }
    : handler;

  return Object.assign(served, {
    // Every route reads bodies through http/body.ts: the Node adapter may give them whole, without streams.
    [TAKES_WHOLE_BODIES]: true,
    retryNotifications: notifications.retryNotifications,
    runSla: () => sla?.run() ?? Promise.resolve(),
    settled: async () => {
      await Promise.all([notifications.settled(), sla?.settled()]);
    },
    close: () => {
      notifications.close();
      sla?.close();
      events.close();
    },
  });
}
