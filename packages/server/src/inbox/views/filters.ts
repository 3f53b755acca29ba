/**
 * The list's filters: status, category and team, whose it is, overdue only, and free text. Each
 * change goes to the shell, which loads the list again and writes the filters in the address bar.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { escalationStatuses, type EscalationStatus } from '../../types.ts';
import type { QueueFilters } from '../queue-filters.ts';

export interface FiltersView {
  filters: QueueFilters;
  categories: { id: string; label: string }[];
  /** The teams of the server's policy (`/api/meta`), with their names. */
  teams: { id: string; label: string }[];
  /** Whether "whose" is a question here (a member or a lead: agents own nothing). */
  owners: boolean;
  /** The people a lead may pick in "Owner": members and leads (empty for a member). */
  people: { id: string; name: string }[];
  onChange(change: Partial<QueueFilters>): void;
  /** Typing in the search: the shell waits for a pause before loading. */
  onSearch(q: string): void;
}

const value = (e: Event) => (e.target as HTMLSelectElement | HTMLInputElement).value;

export function renderFilters(view: FiltersView) {
  const { filters: f, onChange } = view;
  return html`<div class="filters">
    <label
      >Status
      <select @change=${(e: Event) => onChange({ status: value(e) as EscalationStatus | '' })}>
        <option value="" ?selected=${!f.status}>All</option>
        ${escalationStatuses.map((s) => html`<option value=${s} ?selected=${s === f.status}>${s}</option>`)}
      </select>
    </label>
    <label
      >Category
      <select @change=${(e: Event) => onChange({ category: value(e) })}>
        <option value="" ?selected=${!f.category}>All</option>
        ${view.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === f.category}>${c.label}</option>`)}
      </select>
    </label>
    <label
      >Team
      <select @change=${(e: Event) => onChange({ team: value(e) })}>
        <option value="" ?selected=${!f.team}>All</option>
        ${view.teams.map((t) => html`<option value=${t.id} ?selected=${t.id === f.team}>${t.label}</option>`)}
      </select>
    </label>
    ${view.owners ? renderOwner(view) : nothing}
    <label
      >Search
      <input
        id="search"
        type="search"
        placeholder="Task, customer, notes"
        .value=${live(f.q)}
        @input=${(e: Event) => view.onSearch(value(e))}
      />
    </label>
    <label class="check"
      ><input
        type="checkbox"
        id="overdue"
        .checked=${live(f.overdue)}
        @change=${(e: Event) => onChange({ overdue: (e.target as HTMLInputElement).checked })}
      />
      Overdue only</label
    >
  </div>`;
}

function renderOwner({ filters: f, people, onChange }: FiltersView) {
  // A person a bookmark names whom this list does not know (removed, or not loaded yet) stays chosen.
  const known = !f.owner || ['me', 'none'].includes(f.owner) || people.some((p) => p.id === f.owner);
  return html`<label
    >Owner
    <select id="owner" @change=${(e: Event) => onChange({ owner: value(e) })}>
      <option value="" ?selected=${!f.owner}>All</option>
      <option value="me" ?selected=${f.owner === 'me'}>Mine</option>
      <option value="none" ?selected=${f.owner === 'none'}>Unassigned</option>
      ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === f.owner}>${p.name}</option>`)}
      ${known ? nothing : html`<option value=${f.owner} selected>Someone else</option>`}
    </select>
  </label>`;
}
