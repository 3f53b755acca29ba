/**
 * The inbox's session: who is signed in, the sign-in form's state, and the caller every API call
 * goes through. A 401 on any call ends the session here, and the shell shows the form again
 * over everything it holds (lists, the open escalation, unsaved notes), which comes back as it
 * was once the person signs in again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createCaller, type Caller } from './http.ts';
import { sessionState, signIn, signOut, type Session, type SessionUser, type Sso } from './session.ts';
import { takeSsoError } from './sso.ts';
import { waitWords } from './views/sign-in.ts';

export interface SessionEvents {
  /** Someone signed in; `before` is who was signed in when the session ended, if anyone. */
  signedIn(user: SessionUser, before: SessionUser | undefined): void;
  /** The person signed out on purpose: whatever they left behind should go. */
  signedOut(): void;
}

export class SessionController implements ReactiveController {
  /** Undefined while nobody is signed in (or before the first answer). */
  session?: Session;
  /** The first `GET /api/session` has answered. */
  known = false;
  /** Why the form shows: first visit, or the session ended while working. */
  reason: 'start' | 'expired' = 'start';
  error = '';
  /** Why the last sign-in through the provider failed: about the provider, not the fields of the form. */
  ssoError = '';
  /** The provider that signs people in besides passwords, when the server has one. */
  sso?: Sso | undefined;
  busy = false;
  /** The e-mail of whoever was signed in, kept in the form when the session ends. */
  email = '';
  readonly call: Caller;
  #before?: SessionUser;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly events: SessionEvents,
  ) {
    host.addController(this);
    this.call = createCaller(
      () => this.session?.csrfToken,
      () => this.#ended(),
    );
  }

  hostConnected(): void {}

  get user(): SessionUser | undefined {
    return this.session?.user;
  }

  async check(): Promise<void> {
    try {
      ({ session: this.session, sso: this.sso } = await sessionState());
      this.error = '';
      this.ssoError = takeSsoError() ?? '';
    } catch (e) {
      this.error = (e as Error).message;
    }
    this.known = true;
    this.host.requestUpdate();
    if (this.session) this.events.signedIn(this.session.user, undefined);
  }

  #ended(): void {
    if (!this.session) return;
    this.#before = this.session.user;
    this.email = this.session.user.email;
    this.session = undefined;
    this.reason = 'expired';
    this.error = '';
    this.host.requestUpdate();
  }

  async signIn(email: string, password: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.ssoError = '';
    this.email = email;
    this.host.requestUpdate();
    const result = await signIn(email, password);
    this.busy = false;
    if (result.ok) {
      const before = this.#before;
      this.#before = undefined;
      this.session = result.session;
      this.error = '';
      this.host.requestUpdate();
      this.events.signedIn(result.session.user, before);
      return;
    }
    this.error =
      result.reason === 'invalid'
        ? 'That e-mail and password do not match an account. Check both and try again.'
        : result.reason === 'locked'
          ? `Too many failed sign-ins: signing in is paused for this account. Try again in ${waitWords(result.retryAfter)}.`
          : result.message;
    this.host.requestUpdate();
  }

  async signOut(): Promise<void> {
    const token = this.session?.csrfToken ?? '';
    this.session = undefined;
    this.#before = undefined;
    this.reason = 'start';
    this.error = '';
    this.email = '';
    this.events.signedOut();
    this.host.requestUpdate();
    // The cookie is HttpOnly: only the server can end it, and the page is signed out either way.
    await signOut(token).catch(() => undefined);
  }
}
