/**
 * The account team's inbox: escalations by respond-by time, overdue first and highlighted,
 * filters by status, category and team, what the server decided and why, everything the agent
 * wrote, and the buttons to mark an escalation contacted or resolved. Built with the project's own stack (Lit), served by the
 * reference server at /inbox. This shell holds the state and the calls; the views are in
 * `views/`, the styles in `inbox.styles.ts`, the API calls in `api.ts`.
 */
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { EscalationStatus, Meta, Stats, StoredEscalation } from '../types.ts';
import { createInboxApi, saveToken } from './api.ts';
import { labelsFrom } from './format.ts';
import { inboxStyles } from './inbox.styles.ts';
import { renderDetail } from './views/detail.ts';
import { renderHeader } from './views/header.ts';
import { renderList } from './views/list.ts';
import { renderStats } from './views/stats.ts';

export class EscalationInbox extends LitElement {
  static override styles = inboxStyles;

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
  @state() private needsToken = false;
  @state() private now = Date.now();
  /**
   * Notes typed but not saved yet, by escalation id: a note belongs to the escalation it was
   * typed on. Switching escalations never carries text across, and coming back finds it again.
   */
  @state() private drafts = new Map<string, string>();
  #api = createInboxApi(() => (this.needsToken = true));
  #timer?: ReturnType<typeof setInterval>;
  /** Counts selections, so a slow one that a newer click overtook is dropped. */
  #selects = 0;
  /** Counts loads, so a slow one that a newer one (a filter change, the refresh) overtook is dropped. */
  #loads = 0;

  override connectedCallback() {
    super.connectedCallback();
    const fromHash = location.hash.slice(1);
    void this.load().then(() => {
      if (fromHash) void this.select(fromHash);
    });
    // New escalations arrive while the team works: refresh every 15 s.
    this.#timer = setInterval(() => {
      this.now = Date.now();
      void this.load();
    }, 15_000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  async load() {
    const load = ++this.#loads;
    try {
      const [list, stats, meta] = await Promise.all([
        this.#api.listAll({ status: this.status, category: this.category, team: this.team }),
        this.#api.stats(),
        this.meta ?? this.#api.meta(),
      ]);
      if (load !== this.#loads) return;
      this.items = list.items;
      this.capped = list.capped;
      this.stats = stats;
      this.meta = meta;
      this.error = '';
      if (this.selected) this.selected = list.items.find((i) => i.id === this.selected!.id) ?? this.selected;
    } catch (e) {
      if (load === this.#loads) this.error = (e as Error).message;
    }
  }

  /** The server's categories, then any other it has escalations in (from before a configuration change). */
  #categories(): { id: string; label: string }[] {
    const known = this.meta?.categories ?? [];
    const ids = new Set<string>(known.map((c) => c.id));
    const extra = [...Object.keys(this.stats?.byCategory ?? {}), this.category].filter((id) => id && !ids.has(id));
    const labels = labelsFrom(this.meta);
    return [...known, ...[...new Set(extra)].sort().map((id) => ({ id, label: labels.category(id) }))];
  }

  /** The policy's teams by name, and the one filtered by should the server no longer name it. */
  #teams(): { id: string; label: string }[] {
    const teams = Object.entries(this.meta?.teams ?? {}).map(([id, label]) => ({ id, label }));
    return this.team && !teams.some((t) => t.id === this.team) ? [...teams, { id: this.team, label: this.team }] : teams;
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
      this.error = (e as Error).message;
    }
  }

  /** Saves a status change on one escalation, with the note typed on that escalation. */
  async mark(id: string, status: EscalationStatus) {
    const note = this.drafts.get(id)?.trim();
    try {
      const updated = await this.#api.mark(id, status, note);
      // Saved: the note is in the history now. Only what was sent is cleared; anything typed
      // meanwhile stays in the box.
      if (this.drafts.get(id)?.trim() === note) this.#setDraft(id, '');
      if (this.selected?.id === id) this.selected = updated;
      this.message = `Task ${updated.request.taskId} marked ${status}.`;
      await this.load();
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  #setDraft(id: string, text: string) {
    const drafts = new Map(this.drafts);
    if (text) drafts.set(id, text);
    else drafts.delete(id);
    this.drafts = drafts;
  }

  #saveToken(e: SubmitEvent) {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    saveToken(input.value);
    this.needsToken = false;
    void this.load();
  }

  override render() {
    const labels = labelsFrom(this.meta);
    const selected = this.selected;
    return html`${renderHeader({
        status: this.status,
        category: this.category,
        categories: this.#categories(),
        onStatus: (status) => {
          this.status = status;
          void this.load();
        },
        onCategory: (category) => {
          this.category = category;
          void this.load();
        },
        team: this.team,
        teams: this.#teams(),
        onTeam: (team) => {
          this.team = team;
          void this.load();
        },
      })}
      ${
        this.needsToken
          ? html`<form @submit=${this.#saveToken}>
              <label>Escalation token <input name="token" type="password" autocomplete="off" required /></label>
              <button>Open inbox</button>
            </form>`
          : nothing
      }
      <p role="status" aria-live="polite">${this.message}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="layout">
        <section aria-labelledby="list-title">
          ${renderList({ items: this.items, capped: this.capped, selectedId: selected?.id, now: this.now, labels, onSelect: (id) => this.select(id) })}
          ${renderStats(this.stats, labels)}
        </section>
        <section id="detail" aria-live="polite">
          ${
            selected
              ? renderDetail({
                  item: selected,
                  now: this.now,
                  labels,
                  draft: this.drafts.get(selected.id) ?? '',
                  onDraft: (text) => this.#setDraft(selected.id, text),
                  onMark: (status) => this.mark(selected.id, status),
                })
              : html`<p class="muted">Choose an escalation to see everything the agent wrote.</p>`
          }
        </section>
      </div>`;
  }
}

if (!customElements.get('escalation-inbox')) customElements.define('escalation-inbox', EscalationInbox);
