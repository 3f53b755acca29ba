/** The inbox's title and, over the escalations, its filters (`filters.ts`). */
import { html, nothing } from 'lit';
import { renderFilters, type FiltersView } from './filters.ts';

export interface HeaderView extends FiltersView {
  /** Whether the filters show: not on the sign-in form, nor over users and keys. */
  showFilters: boolean;
}

export function renderHeader(view: HeaderView) {
  return html`<header>
    <div>
      <h1>Account team inbox</h1>
      <p class="muted">Escalations by respond-by time; overdue ones are marked.</p>
    </div>
    ${view.showFilters ? renderFilters(view) : nothing}
  </header>`;
}
