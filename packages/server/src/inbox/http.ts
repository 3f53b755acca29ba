/**
 * How the inbox talks to the API: same-origin fetch with the session cookie (HttpOnly: the page
 * never sees it), `X-CSRF-Token` on every call that changes something, every answer parsed with
 * the server's schemas, and a 401 anywhere handed to the shell, which asks the person to sign in
 * again without dropping what they were doing.
 */
import { errorBodySchema } from '@escalate-kit/sdk';
import type * as z from 'zod/mini';

/** The session ended (expired, signed out elsewhere, revoked): the shell shows the sign-in form. */
export class SignedOutError extends Error {
  constructor() {
    super('Your session has ended. Sign in again to continue.');
    this.name = 'SignedOutError';
  }
}

/** An answer the API refused, with its `error` code (`forbidden`, `invalid_request`, …). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Caller {
  /** Calls `path` and parses the answer with `schema`; `undefined` schema for answers without a body (204). */
  <T>(schema: z.ZodMiniType<T>, path: string, init?: RequestInit): Promise<T>;
  (schema: undefined, path: string, init?: RequestInit): Promise<void>;
}

const changes = (method: string | undefined) => method !== undefined && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/**
 * @param csrfToken the session's token (from `GET /api/session`), sent on PATCH, POST and DELETE
 * @param onSignedOut told of a 401 before the call rejects with {@link SignedOutError}
 */
export function createCaller(csrfToken: () => string | undefined, onSignedOut: () => void): Caller {
  return (async (schema: z.ZodMiniType | undefined, path: string, init: RequestInit = {}) => {
    const token = csrfToken();
    const response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: {
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...(changes(init.method) && token && { 'X-CSRF-Token': token }),
        ...init.headers,
      },
    });
    if (response.status === 401) {
      onSignedOut();
      throw new SignedOutError();
    }
    const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = errorBodySchema.safeParse(body);
      const message = error.success ? (error.data.message ?? error.data.issues?.[0]?.message) : undefined;
      const fallback = response.status === 403 ? 'You are not allowed to do that.' : `Request failed (${response.status})`;
      throw new ApiError(message ?? fallback, response.status, error.success ? error.data.error : undefined);
    }
    if (!schema) return undefined;
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new Error(`The server answered ${path} with something this inbox does not understand`);
    return parsed.data;
  }) as Caller;
}
