/** The SLA clock of one escalation, in the list and the detail: each running deadline with `<time>` and the time left or overdue. */
import { html, nothing } from 'lit';
import type { StoredEscalation } from '../../types.ts';
import { when } from '../format.ts';
import { clockWords, stoppedWords } from '../sla-words.ts';

/** `first`: only the deadline that matters most (the list); else every running one (the detail). */
export function renderClock(item: StoredEscalation, now: number, first = false) {
  const clocks = clockWords(item, now);
  if (!clocks.length) return html`<span class="muted">${stoppedWords(item)}</span>`;
  if (first) {
    // The list's cell: how long is left first (what a queue is sorted by in the head), the
    // deadline under it; the detail says it in full.
    const c = clocks[0]!;
    return html`<span class=${c.overdue ? 'overdue-tag' : 'left'}>${c.left}</span>
      <div class="muted">${c.label.toLowerCase()} <time datetime=${c.clock.dueAt}>${when(c.clock.dueAt)}</time></div>`;
  }
  return html`${clocks.map(
    (c) =>
      html`<div class="clock">
        ${c.label} <time datetime=${c.clock.dueAt}>${when(c.clock.dueAt)}</time> ·
        <span class=${c.overdue ? 'overdue-tag' : 'left'}>${c.left}</span>
        ${c.clock.dueAt !== c.clock.decidedAt ? html`<span class="muted">(moved by the time waiting on the customer)</span>` : nothing}
      </div>`,
  )}`;
}
