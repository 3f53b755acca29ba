/** The list of escalations, by respond-by time: the SLA clock of each (overdue in words), its owner, and the state of its e-mail. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { StoredEscalation } from '../../types.ts';
import { MAX_ITEMS } from '../api.ts';
import type { Labels } from '../format.ts';
import { isOverdue } from '../sla-words.ts';
import { renderClock } from './sla.ts';

export interface ListView {
  items: StoredEscalation[];
  /** The list stopped at MAX_ITEMS while the server had more. */
  capped: boolean;
  selectedId: string | undefined;
  now: number;
  labels: Labels;
  onSelect(id: string): void;
}

/** The state of the e-mail to the account team; a failure says why on hover. */
function mailTag(item: StoredEscalation) {
  const { state, lastError } = item.notification;
  return html`<span class="mail mail-${state}" title=${ifDefined(state === 'failed' && lastError ? lastError : undefined)}>${state}</span>`;
}

function row(item: StoredEscalation, view: ListView) {
  const overdue = isOverdue(item, view.now);
  return html`<tr class=${overdue ? 'overdue' : ''} aria-selected=${view.selectedId === item.id ? 'true' : 'false'} data-id=${item.id}>
    <td>
      <button class="row-link" @click=${() => view.onSelect(item.id)}>${item.request.taskId}</button>
      ${item.request.taskTitle ? html`<div class="task-title">${item.request.taskTitle}</div>` : nothing}
      <div class="muted">${item.request.customer?.name ?? ''}</div>
    </td>
    <td>${view.labels.category(item.request.category)}${item.request.urgency === 'urgent' ? html` · <strong>urgent</strong>` : nothing}</td>
    <td>${renderClock(item, view.now, true)}</td>
    <td>${item.status}</td>
    <td class="owner-cell">
      ${item.assignee?.name ?? html`<span aria-hidden="true">—</span><span class="visually-hidden">Unassigned</span>`}
    </td>
    <td>${mailTag(item)}</td>
  </tr>`;
}

export function renderList(view: ListView) {
  const { items, capped } = view;
  return html`<h2 id="list-title" tabindex="-1">
      ${capped ? 'First ' : ''}${items.length.toLocaleString('en-US')} escalation${items.length === 1 ? '' : 's'}
    </h2>
    ${
      capped
        ? html`<p class="capped" role="note">
            Showing the first ${MAX_ITEMS.toLocaleString('en-US')} by respond-by time; there are more. Filter by status or category to see
            the rest.
          </p>`
        : nothing
    }
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Category</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Owner</th>
            <th scope="col">E-mail</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            items,
            // Keyed by id: a live reload that moves rows keeps focus on the escalation it was on.
            (item) => item.id,
            (item) => row(item, view),
          )}
        </tbody>
      </table>
    </div>`;
}
