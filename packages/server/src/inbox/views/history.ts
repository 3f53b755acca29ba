/**
 * The history of an escalation in words: each change of status with its note, and each change
 * of owner said as what happened ("Claimed by …", "Assigned to … by …", "Released by …"), so the
 * audit trail reads as who did what.
 */
import { html, nothing } from 'lit';
import type { HistoryEntry } from '../../status.ts';
import { when } from '../format.ts';

/** A name for a user id: the people a lead sees, the owners the history names, whoever is signed in. */
export function nameOf(
  id: string,
  people: readonly { id: string; name: string }[],
  item: { history: readonly HistoryEntry[] } | undefined,
  me: { id: string; name: string } | undefined,
): string | undefined {
  return (
    people.find((p) => p.id === id)?.name ??
    item?.history.find((h) => h.assignee?.id === id)?.assignee?.name ??
    (me?.id === id ? me.name : undefined)
  );
}

/** Who made a change, as people read it: a user's e-mail, a key's name, the SLA clock. */
export function actorWords(actor: HistoryEntry['actor']): string {
  return actor.type === 'user' ? actor.email : actor.name;
}

/** The row's words; a note is shown after them. */
export function historyWords(entry: HistoryEntry, names: (userId: string) => string | undefined): string {
  if (entry.assignee === undefined) return entry.status;
  const by = entry.actor.type === 'user' ? (names(entry.actor.id) ?? entry.actor.email) : actorWords(entry.actor);
  if (entry.assignee === null) return `Released by ${by}`;
  if (entry.actor.type === 'user' && entry.actor.id === entry.assignee.id) return `Claimed by ${entry.assignee.name}`;
  return `Assigned to ${entry.assignee.name} by ${by}`;
}

export function renderHistory(history: readonly HistoryEntry[], names: (userId: string) => string | undefined) {
  if (!history.length) return nothing;
  return html`<h3>History</h3>
    <ul class="history">
      ${history.map(
        (h) => html`<li><time datetime=${h.at}>${when(h.at)}</time>: ${historyWords(h, names)}${h.note ? ` — ${h.note}` : ''}</li>`,
      )}
    </ul>`;
}
