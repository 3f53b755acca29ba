/**
 * The account team's inbox: escalations by respond-by time, overdue first and highlighted,
 * filters by status, category and team, what the server decided and why, everything the agent
 * wrote, and the buttons to mark an escalation contacted or resolved. Built with the project's own
 * stack (Lit), served by the reference server at /inbox. This shell holds the state and the calls;
 * the session is in `session-controller.ts`, the views in `views/`, the styles in
 * `inbox.styles.ts`, the API calls in `api.ts`, a lead's users and keys in `people/`.
 *
 * What a person sees follows their role (docs/architecture.md#security): an agent reads, a member
 * also changes status and writes notes, a lead also sees the counts and manages users and keys.
 */
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { EscalationStatus, Meta, Stats, StoredEscalation } from '../types.ts';
import { createInboxApi } from './api.ts';
import { categoryOptions, labelsFrom, teamOptions } from './format.ts';
import { SignedOutError } from './http.ts';
import { accessStyles } from './access.styles.ts';
import { inboxStyles } from './inbox.styles.ts';
import './people/inbox-people.ts';
import './metrics/inbox-metrics.ts';
import { SessionController } from './session-controller.ts';
import { renderAccount, type InboxView } from './views/account.ts';
import { renderDetail } from './views/detail.ts';
import { renderHeader } from './views/header.ts';
import { renderList } from './views/list.ts';
import { renderSignIn } from './views/sign-in.ts';
import { renderStats } from './views/stats.ts';

export class EscalationInbox extends LitElement {
  static override styles = [inboxStyles, accessStyles];

  @state() private items: StoredEscalation[] = [];
  /** The list stopped at MAX_ITEMS while the server had more. */
  @state() private capped = false;
  @state() private stats?: Stats;
  /** Category labels and team names from the server, loaded with the first list. */
  @state() private meta?: Meta;
  @state() private selected?: StoredEscalation;
  @state() private status: EscalationStatus | '' = 'open';
  @state() private category = '';
  @state() private team = '';
  @state() private message = '';
  @state() private error = '';
  @state() private view: InboxView = 'escalations';
  @state() private now = Date.now();
  /**
   * Notes typed but not saved yet, by escalation id: a note belongs to the escalation it was
   * typed on. Switching escalations never carries text across, and coming back finds it again.
   * They outlive an ended session, for the same person: signing in again finds them where they were.
   */
  @state() private drafts = new Map<string, string>();
  #session = new SessionController(this, {
    signedIn: (user, before) => {
      if (before && before.id !== user.id) this.#forget();
      this.message = before ? 'Signed in again: everything you typed is still here.' : '';
      void this.load().then(() => this.#afterSignIn());
    },
    signedOut: () => this.#forget(),
  });
  #api = createInboxApi(this.#session.call);
  #timer?: ReturnType<typeof setInterval>;
  #formShown = false;
  /** The error on screen came from loading the list (the refresh clears it once loading works again). */
  #loadFailed = false;
  /** Counts selections, so a slow one that a newer click overtook is dropped. */
  #selects = 0;
  /** Counts loads, so a slow one that a newer one (a filter change, the refresh) overtook is dropped. */
  #loads = 0;

  override connectedCallback() {
    super.connectedCallback();
    void this.#session.check();
    // New escalations arrive while the team works: refresh every 15 s.
    this.#timer = setInterval(() => {
      this.now = Date.now();
      if (this.#session.session) void this.load();
    }, 15_000);
  }

  /** The form took the place of what had focus: put focus in it, on the field to fill next. */
  override updated() {
    const form = this.renderRoot.querySelector('.sign-in');
    if (form && !this.#formShown) form.querySelector<HTMLInputElement>(this.#session.email ? '#password' : '#email')?.focus();
    this.#formShown = form !== null;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  /** Open the escalation the URL names (the e-mail links here), or keep the one that was open. */
  async #afterSignIn() {
    const id = this.selected?.id ?? location.hash.slice(1);
    if (id) await this.select(id);
    else this.renderRoot.querySelector<HTMLElement>('#list-title')?.focus();
  }

  /** Drops everything the last person had on screen: someone else may sit down next. */
  #forget() {
    this.items = [];
    this.stats = undefined;
    this.selected = undefined;
    this.drafts = new Map();
    this.message = '';
    this.error = '';
    this.view = 'escalations';
  }

  /** Says what went wrong; `fromLoad` errors are cleared by the next good load, an action's stays until the next action. */
  #report(e: unknown, fromLoad = false) {
    // A 401 shows the sign-in form, which says why: no second message for it.
    if (e instanceof SignedOutError) return;
    this.error = (e as Error).message;
    this.#loadFailed = fromLoad;
  }

  async load() {
    const load = ++this.#loads;
    const lead = this.#session.user?.role === 'lead';
    try {
      const [list, stats, meta] = await Promise.all([
        this.#api.listAll({ status: this.status, category: this.category, team: this.team }),
        lead ? this.#api.stats() : undefined,
        this.meta ?? this.#api.meta(),
      ]);
      if (load !== this.#loads) return;
      this.items = list.items;
      this.capped = list.capped;
      this.stats = stats;
      this.meta = meta;
      if (this.#loadFailed) this.error = '';
      this.#loadFailed = false;
      if (this.selected) this.selected = list.items.find((i) => i.id === this.selected!.id) ?? this.selected;
    } catch (e) {
      if (load === this.#loads) this.#report(e, true);
    }
  }

  async select(id: string) {
    const select = ++this.#selects;
    try {
      const item = await this.#api.get(id);
      if (select !== this.#selects) return;
      this.selected = item;
      history.replaceState(null, '', `#${id}`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#detail h2')?.focus();
    } catch (e) {
      this.#report(e);
    }
  }

  /** Saves a status change on one escalation, with the note typed on that escalation. */
  async mark(id: string, status: EscalationStatus) {
    const note = this.drafts.get(id)?.trim();
    this.error = '';
    try {
      const updated = await this.#api.mark(id, status, note);
      // Saved: the note is in the history now. Only what was sent is cleared; anything typed
      // meanwhile stays in the box.
      if (this.drafts.get(id)?.trim() === note) this.#setDraft(id, '');
      if (this.selected?.id === id) this.selected = updated;
      this.message = `Task ${updated.request.taskId} marked ${status}.`;
      await this.load();
    } catch (e) {
      this.#report(e);
    }
  }

  #setDraft(id: string, text: string) {
    const drafts = new Map(this.drafts);
    if (text) drafts.set(id, text);
    else drafts.delete(id);
    this.drafts = drafts;
  }

  /** A filter changed: the list is loaded again with it. */
  #filtered(change: () => void) {
    change();
    void this.load();
  }

  #renderEscalations() {
    const labels = labelsFrom(this.meta);
    const selected = this.selected;
    const role = this.#session.user?.role;
    return html`<div class="layout">
      <section aria-labelledby="list-title">
        ${renderList({ items: this.items, capped: this.capped, selectedId: selected?.id, now: this.now, labels, onSelect: (id) => this.select(id) })}
        ${role === 'lead' ? renderStats(this.stats, labels) : nothing}
      </section>
      <section id="detail" aria-live="polite">
        ${
          selected
            ? renderDetail({
                item: selected,
                now: this.now,
                labels,
                // An agent reads; changing status and writing notes is the account team's.
                canChange: role === 'member' || role === 'lead',
                draft: this.drafts.get(selected.id) ?? '',
                onDraft: (text) => this.#setDraft(selected.id, text),
                onMark: (status) => this.mark(selected.id, status),
              })
            : html`<p class="muted">Choose an escalation to see everything the agent wrote.</p>`
        }
      </section>
    </div>`;
  }

  override render() {
    const session = this.#session;
    const user = session.user;
    const escalations = this.view === 'escalations';
    return html`${renderHeader({
        filters: user !== undefined && escalations,
        status: this.status,
        category: this.category,
        categories: categoryOptions(this.meta, this.stats, this.category),
        onStatus: (status) => this.#filtered(() => (this.status = status)),
        onCategory: (category) => this.#filtered(() => (this.category = category)),
        team: this.team,
        teams: teamOptions(this.meta, this.team),
        onTeam: (team) => this.#filtered(() => (this.team = team)),
      })}
      ${user ? renderAccount({ user, view: this.view, onView: (view) => (this.view = view), onSignOut: () => void session.signOut() }) : nothing}
      <p role="status" aria-live="polite">${this.message}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        !session.known
          ? nothing
          : !user
            ? renderSignIn({
                reason: session.reason,
                error: session.error,
                ssoError: session.ssoError,
                sso: session.sso,
                busy: session.busy,
                email: session.email,
                onSubmit: (email, password) => void session.signIn(email, password),
              })
            : escalations
              ? this.#renderEscalations()
              : this.view === 'metrics'
                ? html`<inbox-metrics .call=${session.call} .meta=${this.meta}></inbox-metrics>`
                : html`<inbox-people .call=${session.call} .me=${user.id}></inbox-people>`
      }`;
  }
}

if (!customElements.get('escalation-inbox')) customElements.define('escalation-inbox', EscalationInbox);
