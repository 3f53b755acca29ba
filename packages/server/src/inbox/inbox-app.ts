/**
 * The account team's inbox: escalations by respond-by time, overdue first and highlighted,
 * filters by status and category, everything the agent wrote, and the buttons to mark an
 * escalation contacted or resolved. Built with the project's own stack (Lit), served by the
 * reference server at /inbox.
 */
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { defaultCategories, defaultPolicy, parseNotes } from '@escalate-kit/sdk';
import type { EscalationStatus, ListResult, Stats, StoredEscalation } from '../types.ts';

const statuses: EscalationStatus[] = ['open', 'contacted', 'resolved'];
/** The largest page the API gives. */
const PAGE_SIZE = 200;
/** More than a team works through at once; beyond it the filters narrow the list. */
const MAX_ITEMS = 2000;
const categoryLabel = (id: string) => defaultCategories.find((c) => c.id === id)?.label ?? id;
const teamName = (id: string) => defaultPolicy.teams.names[id] ?? id;
const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export class EscalationInbox extends LitElement {
  static override styles = css`
    :host {
      display: block;
      box-sizing: border-box;
      max-width: 80rem;
      margin: 0 auto;
      padding: 1rem 1.5rem;
      font: 15px/1.45 system-ui, sans-serif;
      color: #1b1f24;
      --accent: #2454d6;
      --danger: #b42318;
      --muted: #59636e;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: end;
      justify-content: space-between;
    }
    h1 {
      margin: 0;
      font-size: 1.4rem;
    }
    .filters {
      display: flex;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    label {
      display: grid;
      gap: 0.2rem;
      font-weight: 600;
      font-size: 0.9rem;
    }
    select,
    input,
    textarea,
    button {
      font: inherit;
    }
    select,
    input,
    textarea {
      padding: 0.35rem;
      border: 1px solid #8c959f;
      border-radius: 6px;
    }
    button {
      padding: 0.35rem 0.9rem;
      border-radius: 6px;
      border: 2px solid var(--accent);
      background: var(--accent);
      color: #fff;
      font-weight: 600;
      cursor: pointer;
    }
    button.secondary {
      background: transparent;
      color: var(--accent);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: 1.5rem;
      margin-top: 1rem;
    }
    @media (max-width: 800px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      padding: 0.4rem 0.5rem;
      border-bottom: 1px solid #d0d7de;
      vertical-align: top;
    }
    tr.overdue td:first-child {
      border-inline-start: 4px solid var(--danger);
    }
    tr[aria-selected='true'] {
      background: #eef3ff;
    }
    .overdue-tag {
      color: var(--danger);
      font-weight: 700;
    }
    .muted {
      color: var(--muted);
    }
    .row-link {
      all: unset;
      cursor: pointer;
      color: var(--accent);
      font-weight: 600;
      text-decoration: underline;
    }
    .row-link:focus-visible,
    button:focus-visible {
      outline: 3px solid var(--accent);
      outline-offset: 2px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.3rem 1rem;
      margin: 0.5rem 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .notes {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      padding: 0.5rem;
      background: #f6f8fa;
      border-radius: 6px;
    }
    .stats {
      display: flex;
      flex-wrap: wrap;
      gap: 1.5rem;
      margin-top: 1rem;
    }
    .stats ul {
      margin: 0;
      padding-inline-start: 1.1rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
    }
    .error {
      color: var(--danger);
      font-weight: 600;
    }
    .mail {
      display: inline-block;
      padding: 0 0.4rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: 0.8rem;
      white-space: nowrap;
    }
    .mail-pending {
      color: var(--muted);
    }
    .mail-sent {
      color: #1a7f37;
    }
    .mail-failed {
      color: var(--danger);
      font-weight: 700;
    }
  `;

  @state() private items: StoredEscalation[] = [];
  /** The list stopped at MAX_ITEMS while the server had more. */
  @state() private capped = false;
  @state() private stats?: Stats;
  @state() private selected?: StoredEscalation;
  @state() private status: EscalationStatus | '' = 'open';
  @state() private category = '';
  @state() private message = '';
  @state() private error = '';
  @state() private needsToken = false;
  @state() private now = Date.now();
  /**
   * Notes typed but not saved yet, by escalation id: a note belongs to the escalation it was
   * typed on. Switching escalations never carries text across, and coming back finds it again.
   */
  @state() private drafts = new Map<string, string>();
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

  async #api<T>(path: string, init: RequestInit = {}): Promise<T> {
    const token = sessionStorage.getItem('escalate-kit:inbox-token');
    const response = await fetch(path, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `Bearer ${token}` }), ...init.headers },
    });
    if (response.status === 401) {
      this.needsToken = true;
      throw new Error('This inbox needs the escalation token.');
    }
    const body = await response.json();
    if (!response.ok) throw new Error(body.message ?? body.issues?.[0]?.message ?? `Request failed (${response.status})`);
    return body as T;
  }

  async load() {
    const load = ++this.#loads;
    try {
      const [list, stats] = await Promise.all([this.#loadItems(), this.#api<Stats>('/api/stats')]);
      if (load !== this.#loads) return;
      this.items = list.items;
      this.capped = list.capped;
      this.stats = stats;
      this.error = '';
      if (this.selected) this.selected = list.items.find((i) => i.id === this.selected!.id) ?? this.selected;
    } catch (e) {
      if (load === this.#loads) this.error = (e as Error).message;
    }
  }

  /** Every page of the filtered list, in respond-by order, up to MAX_ITEMS. */
  async #loadItems(): Promise<{ items: StoredEscalation[]; capped: boolean }> {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (this.status) params.set('status', this.status);
    if (this.category) params.set('category', this.category);
    const items: StoredEscalation[] = [];
    for (;;) {
      const page = await this.#api<ListResult>(`/api/escalations?${params}`);
      items.push(...page.items);
      if (!page.nextCursor) return { items, capped: false };
      if (items.length >= MAX_ITEMS) return { items: items.slice(0, MAX_ITEMS), capped: true };
      params.set('cursor', page.nextCursor);
    }
  }

  /** The default categories, then any other the server has escalations in (hosts add their own). */
  #categories(): { id: string; label: string }[] {
    const known = defaultCategories.map((c) => ({ id: c.id, label: c.label }));
    const ids = new Set<string>(known.map((c) => c.id));
    const extra = [...Object.keys(this.stats?.byCategory ?? {}), this.category].filter((id) => id && !ids.has(id));
    return [...known, ...[...new Set(extra)].sort().map((id) => ({ id, label: categoryLabel(id) }))];
  }

  async select(id: string) {
    const select = ++this.#selects;
    try {
      const item = await this.#api<StoredEscalation>(`/api/escalations/${encodeURIComponent(id)}`);
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
      const updated = await this.#api<StoredEscalation>(`/api/escalations/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: JSON.stringify({ status, ...(note && { note }) }),
      });
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
    sessionStorage.setItem('escalate-kit:inbox-token', input.value);
    this.needsToken = false;
    void this.load();
  }

  override render() {
    return html`<header>
        <div>
          <h1>Account team inbox</h1>
          <p class="muted">Escalations by respond-by time; overdue ones are marked.</p>
        </div>
        <div class="filters">
          <label
            >Status
            <select
              @change=${(e: Event) => {
                this.status = (e.target as HTMLSelectElement).value as EscalationStatus | '';
                void this.load();
              }}
            >
              <option value="" ?selected=${!this.status}>All</option>
              ${statuses.map((s) => html`<option value=${s} ?selected=${s === this.status}>${s}</option>`)}
            </select>
          </label>
          <label
            >Category
            <select
              @change=${(e: Event) => {
                this.category = (e.target as HTMLSelectElement).value;
                void this.load();
              }}
            >
              <option value="" ?selected=${!this.category}>All</option>
              ${this.#categories().map((c) => html`<option value=${c.id} ?selected=${c.id === this.category}>${c.label}</option>`)}
            </select>
          </label>
        </div>
      </header>
      ${this.needsToken
        ? html`<form @submit=${this.#saveToken}>
            <label>Escalation token <input name="token" type="password" autocomplete="off" required /></label>
            <button>Open inbox</button>
          </form>`
        : nothing}
      <p role="status" aria-live="polite">${this.message}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="layout">
        <section aria-labelledby="list-title">
          <h2 id="list-title">${this.capped ? 'First ' : ''}${this.items.length.toLocaleString('en-US')} escalation${this.items.length === 1 ? '' : 's'}</h2>
          ${this.capped
            ? html`<p class="capped" role="note">
                Showing the first ${MAX_ITEMS.toLocaleString('en-US')} by respond-by time; there are more. Filter by status or category to see the rest.
              </p>`
            : nothing}
          <table>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Category</th>
                <th scope="col">Respond by</th>
                <th scope="col">Status</th>
                <th scope="col">E-mail</th>
              </tr>
            </thead>
            <tbody>
              ${this.items.map((item) => {
                const overdue = item.status !== 'resolved' && Date.parse(item.respondBy) < this.now;
                return html`<tr class=${overdue ? 'overdue' : ''} aria-selected=${this.selected?.id === item.id ? 'true' : 'false'} data-id=${item.id}>
                  <td>
                    <button class="row-link" @click=${() => this.select(item.id)}>${item.request.taskId}</button>
                    ${item.request.taskTitle ? html`<div class="task-title">${item.request.taskTitle}</div>` : nothing}
                    <div class="muted">${item.request.customer?.name ?? ''}</div>
                  </td>
                  <td>${categoryLabel(item.request.category)}${item.request.urgency === 'urgent' ? html` · <strong>urgent</strong>` : nothing}</td>
                  <td>${when(item.respondBy)} ${overdue ? html`<span class="overdue-tag">Overdue</span>` : nothing}</td>
                  <td>${item.status}</td>
                  <td>${this.#mailTag(item)}</td>
                </tr>`;
              })}
            </tbody>
          </table>
          ${this.#renderStats()}
        </section>
        <section id="detail" aria-live="polite">${this.selected ? this.#renderDetail(this.selected) : html`<p class="muted">Choose an escalation to see everything the agent wrote.</p>`}</section>
      </div>`;
  }

  /** The state of the e-mail to the account team; a failure says why on hover. */
  #mailTag(item: StoredEscalation) {
    const { state, lastError } = item.notification;
    return html`<span class="mail mail-${state}" title=${state === 'failed' && lastError ? lastError : nothing}>${state}</span>`;
  }

  #renderStats() {
    const s = this.stats;
    if (!s) return nothing;
    return html`<div class="stats" aria-label="Counts">
      <div>
        <h3>By category</h3>
        <ul>
          ${Object.entries(s.byCategory).map(([c, n]) => html`<li>${categoryLabel(c)}: ${n}</li>`)}
        </ul>
      </div>
      <div>
        <h3>By day</h3>
        <ul>
          ${s.byDay.map((d) => html`<li>${d.day}: ${d.count}</li>`)}
        </ul>
      </div>
      <div>
        <h3>Resolved</h3>
        <p>${Math.round(s.resolvedShare * 100)}% of ${s.total}</p>
      </div>
    </div>`;
  }

  #renderDetail(item: StoredEscalation) {
    const r = item.request;
    const parts = parseNotes(r.notes);
    const address = r.contactMethod === 'email' ? r.contact.email : r.contact.phone;
    const overdue = item.status !== 'resolved' && Date.parse(item.respondBy) < this.now;
    return html`<h2 tabindex="-1">Task ${r.taskId}${r.taskTitle ? ` · ${r.taskTitle}` : ''}</h2>
      <dl>
        <dt>Category</dt>
        <dd>${categoryLabel(r.category)}</dd>
        <dt>Urgency</dt>
        <dd>${r.urgency === 'urgent' ? 'Urgent (same day)' : 'Standard (2-3 days)'}</dd>
        <dt>Respond by</dt>
        <dd>${when(item.respondBy)} ${overdue ? html`<span class="overdue-tag">Overdue</span>` : nothing}</dd>
        <dt>Team</dt>
        <dd>${teamName(item.team)}${r.routing ? ` · level ${r.routing.level}${r.routing.priority ? ` · ${r.routing.priority}` : ''}` : ''}</dd>
        <dt>Contact</dt>
        <dd>${r.contactMethod} · ${address ?? ''}</dd>
        <dt>Customer</dt>
        <dd>${r.customer?.name ?? '—'}${r.customer?.accountId ? ` · account ${r.customer.accountId}` : ''}</dd>
        <dt>Agent</dt>
        <dd>${[r.agent?.name, r.agent?.id].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>Status</dt>
        <dd>${item.status}</dd>
        <dt>E-mail</dt>
        <dd>
          ${item.notification.state}${item.notification.lastError ? html` · <span class="error">${item.notification.lastError}</span>` : nothing}
        </dd>
        <dt>Received</dt>
        <dd>${when(item.receivedAt)}</dd>
        ${Object.entries(r.context ?? {}).map(([k, v]) => html`<dt>${k}</dt><dd>${String(v)}</dd>`)}
      </dl>
      <h3>Notes</h3>
      <p class="notes">${r.notes}</p>
      ${parts.tried || parts.why
        ? html`<dl>
            ${parts.issue ? html`<dt>Issue</dt><dd>${parts.issue}</dd>` : nothing}
            ${parts.tried ? html`<dt>Tried</dt><dd>${parts.tried}</dd>` : nothing}
            ${parts.why ? html`<dt>Why</dt><dd>${parts.why}</dd>` : nothing}
          </dl>`
        : nothing}
      ${item.history.length
        ? html`<h3>History</h3>
            <ul>
              ${item.history.map((h) => html`<li>${when(h.at)}: ${h.status}${h.note ? ` — ${h.note}` : ''}</li>`)}
            </ul>`
        : nothing}
      <div class="actions">
        <label
          >Note on task ${r.taskId}
          <textarea
            id="note"
            rows="2"
            .value=${live(this.drafts.get(item.id) ?? '')}
            @input=${(e: Event) => this.#setDraft(item.id, (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </label>
        <button class="secondary" ?disabled=${item.status === 'contacted'} @click=${() => this.mark(item.id, 'contacted')}>Mark contacted</button>
        <button ?disabled=${item.status === 'resolved'} @click=${() => this.mark(item.id, 'resolved')}>Mark resolved</button>
      </div>`;
  }
}

if (!customElements.get('escalation-inbox')) customElements.define('escalation-inbox', EscalationInbox);
