/** The inbox's title and, over the escalations, its filters by status, category and team. */
import { html, nothing } from 'lit';
import { escalationStatuses, type EscalationStatus } from '../../types.ts';

export interface HeaderView {
  /** Whether the filters show: not on the sign-in form, nor over users and keys. */
  filters: boolean;
  status: EscalationStatus | '';
  category: string;
  categories: { id: string; label: string }[];
  team: string;
  /** The teams of the server's policy (`/api/meta`), with their names. */
  teams: { id: string; label: string }[];
  onStatus(status: EscalationStatus | ''): void;
  onCategory(category: string): void;
  onTeam(team: string): void;
}

export function renderHeader(view: HeaderView) {
  return html`<header>
    <div>
      <h1>Account team inbox</h1>
      <p class="muted">Escalations by respond-by time; overdue ones are marked.</p>
    </div>
    ${view.filters ? renderFilters(view) : nothing}
  </header>`;
}

function renderFilters(view: HeaderView) {
  return html`<div class="filters">
    <label
      >Status
      <select @change=${(e: Event) => view.onStatus((e.target as HTMLSelectElement).value as EscalationStatus | '')}>
        <option value="" ?selected=${!view.status}>All</option>
        ${escalationStatuses.map((s) => html`<option value=${s} ?selected=${s === view.status}>${s}</option>`)}
      </select>
    </label>
    <label
      >Category
      <select @change=${(e: Event) => view.onCategory((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!view.category}>All</option>
        ${view.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === view.category}>${c.label}</option>`)}
      </select>
    </label>
    <label
      >Team
      <select @change=${(e: Event) => view.onTeam((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!view.team}>All</option>
        ${view.teams.map((t) => html`<option value=${t.id} ?selected=${t.id === view.team}>${t.label}</option>`)}
      </select>
    </label>
  </div>`;
}
