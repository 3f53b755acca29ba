/**
 * The options of OpenID Connect sign-in (`createEscalationHandler({ auth: { oidc } })`): a team
 * with single sign-on signs in to the inbox through its provider instead of (or besides) a
 * password. The provider says who someone is; the store still says what they may do.
 */
import type { Role } from './types.ts';

export interface OidcOptions {
  /**
   * The provider's issuer identifier; its discovery document is at
   * `<issuer>/.well-known/openid-configuration`. Must be https, except on a loopback address
   * (a provider on the same machine, as in tests).
   * @example createEscalationHandler({ store, auth: { oidc: { issuer: 'https://accounts.google.com', clientId, clientSecret } } })
   */
  issuer: string;
  /**
   * The client id this server was registered with at the provider.
   * @example createEscalationHandler({ store, auth: { oidc: { issuer, clientId: process.env.ESCALATE_OIDC_CLIENT_ID!, clientSecret } } })
   */
  clientId: string;
  /**
   * The client secret, sent to the token endpoint (`client_secret_basic`). PKCE is used as well.
   * @example createEscalationHandler({ store, auth: { oidc: { issuer, clientId, clientSecret: process.env.ESCALATE_OIDC_CLIENT_SECRET! } } })
   */
  clientSecret: string;
  /**
   * Where the provider sends the browser back: registered at the provider exactly as written here.
   * Set it when the server is reached through a name the request does not carry (a proxy without
   * `trustProxy`).
   * @default `<this server's origin>/api/session/oidc/callback`
   * @example createEscalationHandler({ store, auth: { oidc: { issuer, clientId, clientSecret, redirectUri: 'https://escalations.example.com/api/session/oidc/callback' } } })
   */
  redirectUri?: string;
  /**
   * The scopes asked for; `openid` and `email` are needed to know who signed in.
   * @default ['openid', 'email', 'profile']
   * @example createEscalationHandler({ store, auth: { oidc: { issuer, clientId, clientSecret, scopes: ['openid', 'email'] } } })
   */
  scopes?: readonly string[];
  /**
   * The words after "Sign in with" on the inbox's sign-in form.
   * @default 'single sign-on'
   * @example createEscalationHandler({ store, auth: { oidc: { issuer, clientId, clientSecret, label: 'Okta' } } })
   */
  label?: string;
  /**
   * E-mail domains whose people may sign in this way (`example.com` matches `ana@example.com`
   * only, not subdomains). Empty: any domain, as long as the user exists or is provisioned.
   * @default [] (any domain)
   * @example createEscalationHandler({ store, auth: { oidc: { issuer, clientId, clientSecret, allowedDomains: ['example.com'] } } })
   */
  allowedDomains?: readonly string[];
  /**
   * What happens to someone the provider vouches for who has no user in the store: `false`
   * refuses them (a lead adds users first, `POST /api/users`); a role creates the user with it
   * on their first sign-in.
   * @default false (only users already in the store)
   * @example createEscalationHandler({ store, auth: { oidc: { issuer, clientId, clientSecret, provision: 'agent', allowedDomains: ['example.com'] } } })
   */
  provision?: Role | false;
  /**
   * An id-token claim whose value (a role name, or a list of group names among which role names
   * are looked for, the highest winning) gives a provisioned user's role instead of `provision`'s.
   * Users already in the store keep the role the store gives them: a lead changes roles.
   * @default undefined (every provisioned user gets the `provision` role)
   * @example createEscalationHandler({ store, auth: { oidc: { issuer, clientId, clientSecret, provision: 'agent', roleClaim: 'escalate_role' } } })
   */
  roleClaim?: string;
}

/** The options with every default filled. */
export interface ResolvedOidc {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: string | undefined;
  scopes: readonly string[];
  label: string;
  allowedDomains: readonly string[];
  provision: Role | false;
  roleClaim: string | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Plain http only reaches a provider on this machine: anywhere else the tokens would cross a network in clear. */
export const isLoopback = (url: URL): boolean => LOOPBACK.has(url.hostname);

export function resolveOidc(options: OidcOptions): ResolvedOidc {
  const issuer = new URL(options.issuer);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer))) {
    throw new Error(`auth.oidc.issuer must be an https URL (or http on a loopback address), not ${issuer.origin}`);
  }
  if (!options.clientId || !options.clientSecret) throw new Error('auth.oidc needs clientId and clientSecret');
  return {
    issuer,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    scopes: options.scopes ?? ['openid', 'email', 'profile'],
    label: options.label ?? 'single sign-on',
    allowedDomains: (options.allowedDomains ?? []).map((d) => d.toLowerCase()),
    provision: options.provision ?? false,
    roleClaim: options.roleClaim,
  };
}
