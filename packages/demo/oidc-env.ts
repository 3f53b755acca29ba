/**
 * Single sign-on for the demo's inbox, from the environment: `ESCALATE_OIDC_ISSUER`,
 * `ESCALATE_OIDC_CLIENT_ID` and `ESCALATE_OIDC_CLIENT_SECRET` (and `ESCALATE_OIDC_LABEL` for the
 * link's words). Off when none is set; half a configuration stops the start rather than leave a
 * link that cannot work.
 */
import type { OidcOptions } from '@escalate-kit/server';

export function oidcFromEnv(env: NodeJS.ProcessEnv): OidcOptions | undefined {
  const issuer = env.ESCALATE_OIDC_ISSUER || undefined;
  const clientId = env.ESCALATE_OIDC_CLIENT_ID || undefined;
  const clientSecret = env.ESCALATE_OIDC_CLIENT_SECRET || undefined;
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error('Set all of ESCALATE_OIDC_ISSUER, ESCALATE_OIDC_CLIENT_ID and ESCALATE_OIDC_CLIENT_SECRET for single sign-on, or none');
  }
  return { issuer, clientId, clientSecret, ...(env.ESCALATE_OIDC_LABEL && { label: env.ESCALATE_OIDC_LABEL }) };
}
