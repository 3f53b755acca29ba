/**
 * The reference receiver as one Fetch-standard function: `(Request) => Promise<Response>`.
 * It runs wherever Request/Response and Web Crypto do (the Node adapter in `node.ts`, Hono,
 * Next.js route handlers, Bun, Deno) and answers exactly the wire contract
 * (docs/architecture.md#wire-contract). This file only puts the parts together: the HTTP
 * concerns are in `http/`, the routes in `routes/`, the e-mail retries in `notifications/`.
 */
import { defaultCategories, defaultPolicy, type CategoryDefinition } from '@escalate-kit/sdk';
import { createBearerAuth, unauthorized } from './http/auth.ts';
import { BodyTooLarge } from './http/body.ts';
import { createCors } from './http/cors.ts';
import { createRateLimit } from './http/rate-limit.ts';
import { error, notFound } from './http/responses.ts';
import { createNotificationWorker } from './notifications/worker.ts';
import { escalationRoutes } from './routes/escalations.ts';
import { healthRoutes } from './routes/health.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { metaRoutes } from './routes/meta.ts';
import type { Route, Routes } from './routes/route.ts';
import { statsRoutes } from './routes/stats.ts';
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
 * const handler = createEscalationHandler({ store, auth: { token: process.env.ESCALATE_TOKEN } });
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
  const onError = options.onError ?? ((e: unknown) => console.error('escalate-kit:', e));
  const authorized = createBearerAuth(options.auth?.token || undefined);
  const cors = createCors(options.cors?.origins);
  const notifications = createNotificationWorker({
    store,
    notify: options.notify,
    clock,
    onError,
    baseMs: options.notifyRetry?.baseMs ?? 30_000,
    maxMs: options.notifyRetry?.maxMs ?? 3_600_000,
    intervalMs: options.notifyRetry?.intervalMs ?? 30_000,
    leaseMs: options.notifyRetry?.leaseMs ?? NOTIFICATION_LEASE_MS,
  });
  const rateLimit = createRateLimit({ perMinute: options.limits?.requestsPerMinute ?? 60, trustProxy: options.trustProxy ?? false, clock });

  const routes: Routes[] = [
    healthRoutes(),
    inboxRoutes(options.inbox),
    escalationRoutes({ store, clock, policy, categories: categoryIds, bodyLimit, rateLimit, notifications }),
    statsRoutes(store, categoryIds),
    metaRoutes({ categories, teams: { ...policy.teams.names } }),
  ];
  const find = (path: string): Route | undefined => {
    for (const r of routes) {
      const found = r(path);
      if (found) return found;
    }
    return undefined;
  };

  async function respond(request: Request): Promise<Response> {
    const found = find(new URL(request.url).pathname);
    if (!found) return notFound();
    const allow = [...Object.keys(found.methods), 'OPTIONS'].join(', ');
    if (request.method === 'OPTIONS') return cors.preflight(request, allow);
    const run = found.methods[request.method];
    if (!run) return error(405, { error: 'method_not_allowed', message: `Use ${allow}` }, { allow });
    if (found.api && !(await authorized(request))) return unauthorized();
    return run(request);
  }

  const handler = async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      response = await respond(request);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        response = error(413, { error: 'payload_too_large', message: e.message });
      } else {
        onError(e);
        response = error(500, { error: 'internal_error' });
      }
    }
    return cors.decorate(request, response);
  };

  return Object.assign(handler, {
    retryNotifications: notifications.retryNotifications,
    settled: notifications.settled,
    close: notifications.close,
  });
}
