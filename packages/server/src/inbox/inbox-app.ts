/**
 * The account team's inbox, served by the reference server at /inbox (Lit): the work queue with
 * its filters in the address bar, each escalation's SLA clock, owner and follow-up, live updates,
 * keyboard shortcuts. This shell holds the state and composes: the session in
 * `session-controller.ts`, the calls in `api.ts`, the filters in `queue-filters.ts`, the changes
 * in `queue-actions.ts`, the stream in `live.ts`, the shortcuts in `keyboard.ts`, the views in
 * `views/`, a lead's users and keys in `people/`, the metrics in `metrics/`.
 *
 * What a person sees follows their role (docs/architecture.md#security): an agent reads, a member
 * also changes status, writes notes and claims, a lead also assigns, sees the counts and manages users and keys.
 */
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { User } from '../auth/types.ts';
import type { Meta, Stats, StoredEscalation } from '../types.ts';
import { createInboxApi } from './api.ts';
import { debounce } from './debounce.ts';
import { categoryOptions, teamOptions } from './format.ts';
import { SignedOutError } from './http.ts';
import { accessStyles } from './access.styles.ts';
import { inboxStyles } from './inbox.styles.ts';
import './people/inbox-people.ts';
import './metrics/inbox-metrics.ts';
import { readFilters, writeFilters, type QueueFilters } from './queue-filters.ts';
import { LiveController } from './live.ts';
import { queueActions, withDraft } from './queue-actions.ts';
import { SessionController } from './session-controller.ts';
import { renderAccount, type InboxView } from './views/account.ts';
import { renderEscalations } from './views/escalations.ts';
import { renderHeader } from './views/header.ts';
import { nameOf } from './views/history.ts';
import { renderSignIn } from './views/sign-in.ts';

export class EscalationInbox extends LitElement {
  static override styles = [inboxStyles, accessStyles];

  @state() private items: StoredEscalation[] = [];
  /** The list stopped at MAX_ITEMS while the server had more. */
  @state() private capped = false;
  @state() private stats?: Stats;
  /** Category labels and team names from the server, loaded with the first list. */
  @state() private meta?: Meta;
  @state() private selected?: StoredEscalation;
  /** What the list shows, as the address bar says (a bookmark opens the same view). */
  @state() private filters: QueueFilters = readFilters(location.search);
  /** Members and leads, for a lead's "Owner" filter and "Assign to". */
  @state() private people: User[] = [];
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
  /** Typing in the search loads once the typing pauses, not on every key. */
  #search = debounce(() => this.#filtered({}), 300);
  // Others' changes and new escalations, as they happen; the 15 s refresh stays for a stream that is down.
  #live = new LiveController(this, {
    signedIn: () => this.#session.session !== undefined,
    reload: (ids, created) => void this.#actions.reloadLive(ids, created),
  });
  #actions = queueActions({
    api: this.#api,
    selected: () => this.selected,
    refresh: (item) => this.selected?.id === item.id && (this.selected = item),
    items: () => this.items,
    say: (message) => (this.message = message),
    clearError: () => (this.error = ''),
    draft: (id) => this.drafts.get(id),
    setDraft: (id, text) => this.#setDraft(id, text),
    report: (e) => this.#report(e),
    load: () => this.load(),
    names: (id) => this.#names(id),
  });

  override connectedCallback() {
    super.connectedCallback();
    void this.#session.check();
    // New escalations arrive while the team works: refresh every 15 s.
    this.#timer = setInterval(() => {
      this.now = Date.now();
      if (this.#session.session) void this.load();
      // A stream the browser gave up on (the server restarted, say) is opened again.
      this.#live.sync();
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
    this.#search.cancel();
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
    this.people = [];
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
      const [list, stats, meta, people] = await Promise.all([
        this.#api.listAll(this.filters),
        lead ? this.#api.stats() : undefined,
        this.meta ?? this.#api.meta(),
        lead && !this.people.length ? this.#api.assignable() : this.people,
      ]);
      if (load !== this.#loads) return;
      this.items = list.items;
      this.people = people;
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

  /** Opens `id`: focus goes to its heading, or (`row`, moving through the list by key) stays on its row. */
  async select(id: string, focus: 'detail' | 'row' = 'detail') {
    const select = ++this.#selects;
    // Where focus was when asked: if the agent has moved it while the escalation loaded (into the
    // note box of the one already open, say), it stays where they put it. Moved to the heading,
    // the rest of what they type would be shortcuts (c claims, t marks contacted).
    const from = this.shadowRoot?.activeElement ?? null;
    try {
      const item = await this.#api.get(id);
      if (select !== this.#selects) return;
      this.selected = item;
      history.replaceState(history.state, '', `#${id}`);
      await this.updateComplete;
      if ((this.shadowRoot?.activeElement ?? null) !== from) return;
      const target = focus === 'row' ? `tr[data-id="${CSS.escape(id)}"] .row-link` : '#detail h2';
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    } catch (e) {
      this.#report(e);
    }
  }

  #setDraft = (id: string, text: string) => (this.drafts = withDraft(this.drafts, id, text));

  /** A filter changed: in the address bar, and the list is loaded again with it. */
  #filtered(change: Partial<QueueFilters>) {
    this.filters = { ...this.filters, ...change };
    this.#search.cancel();
    writeFilters(this.filters);
    void this.load();
  }

  #names = (id: string) => nameOf(id, this.people, this.selected, this.#session.user);

  override render() {
    const session = this.#session;
    const user = session.user;
    const escalations = this.view === 'escalations';
    return html`${renderHeader({
        showFilters: user !== undefined && escalations,
        filters: this.filters,
        categories: categoryOptions(this.meta, this.stats, this.filters.category),
        teams: teamOptions(this.meta, this.filters.team),
        owners: user?.role === 'member' || user?.role === 'lead',
        people: this.people,
        onChange: (change) => this.#filtered(change),
        onSearch: (q) => {
          this.filters = { ...this.filters, q };
          this.#search();
        },
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
              ? renderEscalations({
                  ...{ items: this.items, capped: this.capped, selected: this.selected, now: this.now, meta: this.meta, stats: this.stats },
                  ...{ user, people: this.people, drafts: this.drafts, actions: this.#actions, names: this.#names },
                  select: (id, focus) => void this.select(id, focus),
                  setDraft: this.#setDraft,
                  detailRoot: () => this.renderRoot.querySelector('#detail'),
                })
              : this.view === 'metrics'
                ? html`<inbox-metrics .call=${session.call} .meta=${this.meta}></inbox-metrics>`
                : html`<inbox-people .call=${session.call} .me=${user.id}></inbox-people>`
      }`;
  }
}

if (!customElements.get('escalation-inbox')) customElements.define('escalation-inbox', EscalationInbox);
