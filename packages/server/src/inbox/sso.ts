/**
 * Why signing in through the provider failed, in words, from the code the server's callback put
 * in the URL (`/inbox?sign_in_error=sso_…`, routes/oidc.ts). Only codes travel: a crafted link
 * can show one of these messages and nothing else. The code leaves the address bar once read, so
 * a reload or a bookmark does not show it again.
 */
import type { SsoError } from '../auth/oidc.ts';

const PARAM = 'sign_in_error';

const messages: Record<SsoError, string> = {
  sso_expired: 'The sign-in took too long, or this browser did not keep what it started with. Try again.',
  sso_state: 'That sign-in was not the one this browser started, so nobody was signed in. Try again.',
  sso_denied: 'The sign-in provider did not sign you in. Try again, or ask whoever runs it.',
  sso_unavailable: 'The sign-in provider could not be reached. Try again in a moment, or sign in with your password.',
  sso_invalid:
    'The sign-in provider’s answer could not be verified, so nobody was signed in. Try again; if it happens again, tell whoever runs this server.',
  sso_no_email: 'The sign-in provider did not vouch for an e-mail address of yours, so there is no account to sign you in to.',
  sso_domain: 'People with an e-mail address of that domain do not sign in here.',
  sso_unknown_user: 'You signed in with the provider, but no account here has your e-mail address. Ask a lead to add you.',
};

/** The message of the error the URL carries, if any, taking the code out of the address bar. */
export function takeSsoError(): string | undefined {
  const url = new URL(location.href);
  const code = url.searchParams.get(PARAM);
  if (code === null) return undefined;
  url.searchParams.delete(PARAM);
  history.replaceState(history.state, '', url.href);
  return Object.hasOwn(messages, code) ? messages[code as SsoError] : 'Signing in with the provider failed. Try again.';
}
