/** The counts under the list: by category, by day, and the share resolved. */
import { html, nothing } from 'lit';
import type { Stats } from '../../types.ts';
import type { Labels } from '../format.ts';

export function renderStats(stats: Stats | undefined, labels: Labels) {
  if (!stats) return nothing;
  return html`<div class="stats" aria-label="Counts">
    <div>
      <h3>By category</h3>
      <ul>
        ${Object.entries(stats.byCategory).map(([c, n]) => html`<li>${labels.category(c)}: ${n}</li>`)}
      </ul>
    </div>
    <div>
      <h3>By day</h3>
      <ul>
        ${stats.byDay.map((d) => html`<li>${d.day}: ${d.count}</li>`)}
      </ul>
    </div>
    <div>
      <h3>Resolved</h3>
      <p>${Math.round(stats.resolvedShare * 100)}% of ${stats.total}</p>
    </div>
  </div>`;
}
