/**
 * `<inbox-people>`: a lead's users and API keys, inside the inbox. It calls the API through the
 * inbox's session caller (so a 401 here signs the page out like anywhere else), shows each
 * generated password and each new key once, and asks for a second press before removing a user
 * or revoking a key, since neither can be undone.
 */
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiKey, User } from '../../auth/types.ts';
import { SignedOutError, type Caller } from '../http.ts';
import { accessStyles } from '../access.styles.ts';
import { inboxStyles } from '../inbox.styles.ts';
import { renderKeys } from './keys-view.ts';
import { createPeopleApi, type NewUserInput, type PeopleApi } from './people-api.ts';
import { renderSecret, type Secret } from './secret.ts';
import { renderUsers } from './users-view.ts';

export class InboxPeople extends LitElement {
  // The inbox's look, without the page frame (:host's width and padding) it already sits in.
  static override styles = [
    inboxStyles,
    accessStyles,
    css`
      :host {
        padding: 0;
        max-width: none;
      }
    `,
  ];

  /** The inbox's caller: the session cookie, the CSRF token and the 401 handling. */
  @property({ attribute: false }) call?: Caller;
  /** The signed-in lead's user id. */
  @property({ attribute: false }) me = '';

  @state() private users: User[] = [];
  @state() private keys: ApiKey[] = [];
  @state() private secret?: Secret;
  @state() private confirming?: string;
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';
  #api?: PeopleApi;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('call') && this.call) {
      this.#api = createPeopleApi(this.call);
      void this.#load();
    }
  }

  async #load() {
    await this.#run(async (api) => {
      [this.users, this.keys] = await Promise.all([api.users(), api.keys()]);
    });
  }

  /** Runs one change, says what went wrong in words, and leaves a 401 to the inbox's sign-in form. */
  async #run(work: (api: PeopleApi) => Promise<void>) {
    if (!this.#api) return;
    this.busy = true;
    try {
      await work(this.#api);
      this.error = '';
    } catch (e) {
      if (!(e instanceof SignedOutError)) this.error = (e as Error).message;
    } finally {
      this.busy = false;
    }
  }

  async #showSecret(secret: Secret) {
    this.secret = secret;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('.secret-value')?.focus();
  }

  #addUser = (input: NewUserInput) =>
    this.#run(async (api) => {
      const { user, password } = await api.addUser(input);
      this.renderRoot.querySelector<HTMLFormElement>('#add-user')?.reset();
      this.message = `${user.email} added as ${user.role}.`;
      await this.#load();
      if (password)
        await this.#showSecret({ title: `Password for ${user.email}`, value: password, advice: `Give it to ${user.name} now.` });
    });

  #addKey = (name: string) =>
    this.#run(async (api) => {
      const key = await api.addKey(name);
      this.renderRoot.querySelector<HTMLFormElement>('#add-key')?.reset();
      this.message = `Key ${key.name} created.`;
      await this.#load();
      await this.#showSecret({ title: `Key ${key.name}`, value: key.key, advice: "Put it in the host's back end now." });
    });

  /** The first press asks; focus goes to the button that confirms. */
  async #ask(id: string) {
    this.confirming = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.confirm')?.focus();
  }

  #removeUser = (id: string) =>
    this.#run(async (api) => {
      const user = this.users.find((u) => u.id === id);
      await api.removeUser(id);
      this.confirming = undefined;
      this.message = `${user?.email ?? 'The user'} removed; their sessions have ended.`;
      await this.#load();
    });

  #revokeKey = (id: string) =>
    this.#run(async (api) => {
      const key = this.keys.find((k) => k.id === id);
      await api.revokeKey(id);
      this.confirming = undefined;
      this.message = `Key ${key?.name ?? id} revoked: it no longer works.`;
      await this.#load();
    });

  override render() {
    const cancel = () => (this.confirming = undefined);
    return html`<p role="status" aria-live="polite">${this.message}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.secret ? renderSecret(this.secret, () => (this.secret = undefined)) : nothing}
      <div class="people">
        ${renderUsers({
          users: this.users,
          me: this.me,
          confirming: this.confirming,
          busy: this.busy,
          onAdd: this.#addUser,
          onRemove: (id) => void this.#ask(id),
          onConfirm: (id) => void this.#removeUser(id),
          onCancel: cancel,
        })}
        ${renderKeys({
          keys: this.keys,
          confirming: this.confirming,
          busy: this.busy,
          onAdd: this.#addKey,
          onRevoke: (id) => void this.#ask(id),
          onConfirm: (id) => void this.#revokeKey(id),
          onCancel: cancel,
        })}
      </div>`;
  }
}

if (!customElements.get('inbox-people')) customElements.define('inbox-people', InboxPeople);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-people': InboxPeople;
  }
}
