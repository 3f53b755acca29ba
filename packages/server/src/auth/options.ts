/** The options of sign-in, sessions and keys (`createEscalationHandler({ auth })`). */
import { resolveOidc, type OidcOptions, type ResolvedOidc } from './oidc-options.ts';

/** How long a signed-in session lasts. */
export interface SessionOptions {
  /**
   * A session unused for this long ends, in ms.
   * @default 28_800_000 (8 hours)
   * @example createEscalationHandler({ store, auth: { session: { idleMs: 3_600_000 } } })
   */
  idleMs?: number;
  /**
   * A session ends this long after sign-in however much it is used, in ms.
   * @default 86_400_000 (24 hours)
   * @example createEscalationHandler({ store, auth: { session: { absoluteMs: 43_200_000 } } })
   */
  absoluteMs?: number;
  /**
   * Send the cookie with `Secure` even when the request reached this server over plain HTTP (a
   * proxy ends TLS in front of it). Requests that arrive over https always get `Secure`.
   * @default false
   * @example createEscalationHandler({ store, auth: { session: { secureCookie: true } } })
   */
  secureCookie?: boolean;
}

/** When failed sign-ins lock an account, or an address, out. */
export interface LockoutOptions {
  /**
   * Failed sign-ins to one account within `windowMs` that lock it for `lockMs`. Counted for any
   * e-mail, known or not, so a lock does not tell whether an account exists.
   * @default 5
   * @example createEscalationHandler({ store, auth: { lockout: { maxFailures: 10 } } })
   */
  maxFailures?: number;
  /**
   * Failed sign-ins from one address (to any accounts) within `windowMs` that lock the address.
   * Higher than per account: several people may share an office's address.
   * @default 20
   * @example createEscalationHandler({ store, auth: { lockout: { maxFailuresPerAddress: 50 } } })
   */
  maxFailuresPerAddress?: number;
  /**
   * The window failures are counted in, in ms.
   * @default 900_000 (15 minutes)
   * @example createEscalationHandler({ store, auth: { lockout: { windowMs: 600_000 } } })
   */
  windowMs?: number;
  /**
   * How long a lock lasts, in ms; sign-ins in that time get 429 with `Retry-After`, even with the right password.
   * @default 900_000 (15 minutes)
   * @example createEscalationHandler({ store, auth: { lockout: { lockMs: 1_800_000 } } })
   */
  lockMs?: number;
}

export interface AuthOptions {
  /**
   * A service key: `Authorization: Bearer <token>` acts with the role `lead` (the key id
   * `service` in the history). For a back end of your own; hosts get API keys (`POST /api/keys`).
   * @default undefined (no service key)
   * @example createEscalationHandler({ store, auth: { token: process.env.ESCALATE_TOKEN } })
   */
  token?: string | undefined;
  /**
   * Session lifetimes and the cookie (see {@link SessionOptions}).
   * @default { idleMs: 28_800_000, absoluteMs: 86_400_000, secureCookie: false }
   * @example createEscalationHandler({ store, auth: { session: { idleMs: 3_600_000 } } })
   */
  session?: SessionOptions;
  /**
   * Lockout after failed sign-ins (see {@link LockoutOptions}).
   * @default { maxFailures: 5, maxFailuresPerAddress: 20, windowMs: 900_000, lockMs: 900_000 }
   * @example createEscalationHandler({ store, auth: { lockout: { maxFailures: 3 } } })
   */
  lockout?: LockoutOptions;
  /**
   * Origins, besides the server's own, whose pages may make cookie-authenticated changes (with
   * the CSRF token). Exact `scheme://host[:port]`; there is no wildcard.
   * @default [] (the server's own origin only)
   * @example createEscalationHandler({ store, auth: { origins: ['https://inbox.example.com'] } })
   */
  origins?: readonly string[];
  /**
   * Sign-in through an OpenID Connect provider, besides passwords (see {@link OidcOptions}).
   * @default undefined (passwords only)
   * @example createEscalationHandler({ store, auth: { oidc: { issuer: 'https://login.example.com', clientId, clientSecret, label: 'Example SSO' } } })
   */
  oidc?: OidcOptions | undefined;
}

/** The options with every default filled. */
export interface ResolvedAuth {
  token: string | undefined;
  idleMs: number;
  absoluteMs: number;
  secureCookie: boolean;
  lockout: Required<LockoutOptions>;
  origins: readonly string[];
  oidc: ResolvedOidc | undefined;
}

export function resolveAuth(options: AuthOptions = {}): ResolvedAuth {
  return {
    token: options.token || undefined,
    idleMs: options.session?.idleMs ?? 8 * 3_600_000,
    absoluteMs: options.session?.absoluteMs ?? 24 * 3_600_000,
    secureCookie: options.session?.secureCookie ?? false,
    lockout: {
      maxFailures: options.lockout?.maxFailures ?? 5,
      maxFailuresPerAddress: options.lockout?.maxFailuresPerAddress ?? 20,
      windowMs: options.lockout?.windowMs ?? 15 * 60_000,
      lockMs: options.lockout?.lockMs ?? 15 * 60_000,
    },
    origins: options.origins ?? [],
    oidc: options.oidc ? resolveOidc(options.oidc) : undefined,
  };
}
