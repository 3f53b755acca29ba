/**
 * OpenID Connect sign-in with `openid-client`: the provider's metadata (discovered once, again
 * after a failure), the authorization URL with PKCE, state and nonce, and the way back: the code
 * exchanged, the id_token checked by openid-client (its signature against the provider's JWKS,
 * issuer, audience, expiry, nonce), and the e-mail it vouches for mapped to a user in the store.
 * The provider says who someone is; the store says what they may do.
 */
import type { Configuration } from 'openid-client';
import { addUser, emailSchema, newUserSchema } from './accounts.ts';
import type { Flow } from './oidc-flow.ts';
import { isLoopback, type ResolvedOidc } from './oidc-options.ts';
import { roles, type AccessStore, type Role, type StoredUser } from './types.ts';

/**
 * Why a sign-in through the provider signed nobody in, as the callback sends it to the inbox
 * (`/inbox?sign_in_error=<code>`): a code, never words or data from the request, so a crafted
 * link can only ever show one of the inbox's own messages.
 */
export const ssoErrors = [
  'sso_expired',
  'sso_state',
  'sso_denied',
  'sso_unavailable',
  'sso_invalid',
  'sso_no_email',
  'sso_domain',
  'sso_unknown_user',
] as const;
export type SsoError = (typeof ssoErrors)[number];

/** A failure with the cause kept for the log (never shown to the person). */
export class SsoFailure extends Error {
  constructor(
    readonly code: SsoError,
    cause?: unknown,
  ) {
    super(code, { cause });
  }
}

/** The highest role named by a claim: a role name, or a list (groups) that may contain some. */
function roleFromClaim(value: unknown): Role | undefined {
  const named = (Array.isArray(value) ? value : [value]).filter((v): v is Role => roles.includes(v as Role));
  return named.sort((a, b) => roles.indexOf(b) - roles.indexOf(a))[0];
}

/** Network failures (refused, reset, timed out) as opposed to an answer that was wrong. */
function unreachable(e: unknown): boolean {
  for (let cause = e; cause instanceof Error; cause = cause.cause) {
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError' || (cause instanceof TypeError && cause.message === 'fetch failed')) {
      return true;
    }
  }
  return false;
}

export function createOidc(options: ResolvedOidc, store: AccessStore, clock: () => Date) {
  // Loaded on first use: a handler without SSO never loads it.
  const client = () => import('openid-client');
  let configuration: Promise<Configuration> | undefined;

  function discover(): Promise<Configuration> {
    configuration ??= client()
      .then(async (c) => {
        // openid-client trusts an id_token from the token endpoint on TLS alone unless told to
        // check its signature (OIDC Core §3.1.3.7); checked always, and a must over loopback http.
        const execute = [c.enableNonRepudiationChecks, ...(isLoopback(options.issuer) ? [c.allowInsecureRequests] : [])];
        return c.discovery(options.issuer, options.clientId, options.clientSecret, c.ClientSecretBasic(options.clientSecret), {
          execute,
          timeout: 10,
        });
      })
      .catch((e: unknown) => {
        // Not cached: the next sign-in asks the provider again.
        configuration = undefined;
        throw new SsoFailure('sso_unavailable', e);
      });
    return configuration;
  }

  /** The user the provider vouched for: existing, or provisioned when the options say so. */
  async function userFor(claims: Record<string, unknown>): Promise<StoredUser> {
    const email = emailSchema.safeParse(claims.email);
    // Absent `email_verified` is accepted: some providers (Entra ID) never send it for the work
    // addresses they issue themselves. An explicit `false` is an address nobody proved.
    if (!email.success || claims.email_verified === false) throw new SsoFailure('sso_no_email');
    const domain = email.data.slice(email.data.lastIndexOf('@') + 1);
    if (options.allowedDomains.length > 0 && !options.allowedDomains.includes(domain)) throw new SsoFailure('sso_domain');
    const known = await store.userByEmail(email.data);
    if (known) return known;
    if (options.provision === false) throw new SsoFailure('sso_unknown_user');
    const role = (options.roleClaim !== undefined ? roleFromClaim(claims[options.roleClaim]) : undefined) ?? options.provision;
    // The provider's name for them when it passes the same checks as one a lead types; else the e-mail's local part.
    const withName = newUserSchema.safeParse({ email: email.data, role, name: claims.name });
    const input = withName.success ? withName.data : { email: email.data, role };
    // The generated password is never shown: this person signs in through the provider.
    await addUser(store, input, clock());
    const added = await store.userByEmail(email.data);
    if (!added) throw new SsoFailure('sso_unknown_user');
    return added;
  }

  return {
    label: options.label,
    redirectUri: options.redirectUri,

    /** Where to send the browser, and what the flow cookie must keep until it comes back. */
    async begin(redirectUri: string): Promise<{ url: URL; flow: Flow }> {
      const [c, config] = await Promise.all([client(), discover()]);
      const verifier = c.randomPKCECodeVerifier();
      const flow: Flow = { state: c.randomState(), nonce: c.randomNonce(), verifier, at: clock().getTime() };
      const url = c.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: options.scopes.join(' '),
        code_challenge: await c.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url, flow };
    },

    /**
     * The user signed in by the provider's answer at `callback` (the redirect URI with the
     * answer's query), or an {@link SsoFailure} saying why not.
     */
    async finish(callback: URL, flow: Flow): Promise<StoredUser> {
      const [c, config] = await Promise.all([client(), discover()]);
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await c.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (e) {
        if (e instanceof c.AuthorizationResponseError || e instanceof c.ResponseBodyError) throw new SsoFailure('sso_denied', e);
        throw new SsoFailure(unreachable(e) ? 'sso_unavailable' : 'sso_invalid', e);
      }
      if (!claims) throw new SsoFailure('sso_invalid');
      return userFor(claims);
    },
  };
}
export type Oidc = ReturnType<typeof createOidc>;
