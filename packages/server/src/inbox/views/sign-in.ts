/**
 * The sign-in form: e-mail and password, labelled, in the order a keyboard reaches them. A
 * failure is announced (role="alert") and tied to the fields it concerns; a lockout says how long
 * to wait, since that is what the person needs to know.
 */
import { html, nothing } from 'lit';

export interface SignInView {
  /** Why the form is shown again: the session ended while working. */
  reason: 'start' | 'expired';
  /** What went wrong with the last attempt, already in words. */
  error: string;
  /** What went wrong signing in through the provider: said in the same place, but no field is at fault. */
  ssoError?: string;
  /** The provider that signs people in too (`auth.oidc`): a link to leave for it. */
  sso?: { label: string; href: string } | undefined;
  busy: boolean;
  /** The e-mail last used, kept when a session expires. */
  email: string;
  onSubmit(email: string, password: string): void;
}

/** "5 minutes", "1 minute", "40 seconds": the wait a lockout asks for. */
export function waitWords(seconds: number | undefined): string {
  if (seconds === undefined) return 'a while';
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function renderSignIn(view: SignInView) {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    view.onSubmit(field('email').trim(), field('password'));
  };
  const invalid = view.error ? 'true' : 'false';
  return html`<form class="sign-in" aria-labelledby="sign-in-title" aria-busy=${view.busy ? 'true' : 'false'} @submit=${submit}>
    <h2 id="sign-in-title">Sign in</h2>
    ${
      view.reason === 'expired'
        ? html`<p class="muted">Your session has ended. Sign in again to go on; nothing you typed is lost.</p>`
        : html`<p class="muted">The account team's escalations, for the people who handle them.</p>`
    }
    <label
      >E-mail
      <input
        id="email"
        name="email"
        type="email"
        autocomplete="username"
        required
        .value=${view.email}
        aria-invalid=${invalid}
        aria-describedby="sign-in-error"
      />
    </label>
    <label
      >Password
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        aria-invalid=${invalid}
        aria-describedby="sign-in-error"
      />
    </label>
    <p id="sign-in-error" class="error" role="alert">${view.error || view.ssoError || nothing}</p>
    <button type="submit" ?disabled=${view.busy}>${view.busy ? 'Signing in…' : 'Sign in'}</button>
    ${view.sso ? renderSso(view.sso, view.reason) : nothing}
  </form>`;
}

/**
 * A real link, not a button: it leaves the page for the provider, as a link does, and a keyboard
 * reaches it after the form's own button. Leaving drops what this page held, which the expired
 * form otherwise promises to keep, so it says so there.
 */
function renderSso(sso: { label: string; href: string }, reason: SignInView['reason']) {
  return html`<p class="sso">
    <a href=${sso.href}>Sign in with ${sso.label}</a>
    ${reason === 'expired' ? html`<span class="muted">(reloads the inbox: a note not yet saved is lost)</span>` : nothing}
  </p>`;
}
