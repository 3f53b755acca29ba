/**
 * The escalations view: the list (the shortcuts' help and a lead's counts under it) beside the
 * open escalation, with the keyboard shortcuts heard in both. The shell gives its state and
 * actions; this file turns them into the views' props.
 */
import { html, nothing } from 'lit';
import type { User } from '../../auth/types.ts';
import type { Meta, Stats, StoredEscalation } from '../../types.ts';
import { labelsFrom } from '../format.ts';
import { onShortcut } from '../keyboard.ts';
import type { queueActions } from '../queue-actions.ts';
import type { SessionUser } from '../session.ts';
import { renderDetail } from './detail.ts';
import { renderList } from './list.ts';
import { renderShortcuts } from './shortcuts.ts';
import { renderStats } from './stats.ts';

export interface EscalationsView {
  items: StoredEscalation[];
  capped: boolean;
  selected: StoredEscalation | undefined;
  now: number;
  meta: Meta | undefined;
  stats: Stats | undefined;
  user: SessionUser;
  /** Members and leads (a lead's "Assign to"). */
  people: User[];
  drafts: ReadonlyMap<string, string>;
  actions: ReturnType<typeof queueActions>;
  names(userId: string): string | undefined;
  /** Opens an escalation; `row`: focus stays on its row (moving through the list by key). */
  select(id: string, focus?: 'row'): void;
  setDraft(id: string, text: string): void;
  /** Where the open escalation's buttons are, for the shortcuts. */
  detailRoot(): ParentNode | null;
}

export function renderEscalations(view: EscalationsView) {
  const { selected, user, actions, now } = view;
  const labels = labelsFrom(view.meta);
  const onKeydown = (e: KeyboardEvent) =>
    onShortcut(e, {
      ids: () => view.items.map((i) => i.id),
      selectedId: () => selected?.id,
      open: (id) => view.select(id, 'row'),
      detail: view.detailRoot,
    });
  const list = { items: view.items, capped: view.capped, selectedId: selected?.id, now, labels, onSelect: (id: string) => view.select(id) };
  return html`<div class="layout" @keydown=${onKeydown}>
    <section aria-labelledby="list-title">
      ${renderList(list)} ${renderShortcuts()} ${user.role === 'lead' ? renderStats(view.stats, labels) : nothing}
    </section>
    <section id="detail" aria-live="polite">
      ${
        selected
          ? renderDetail({
              item: selected,
              now,
              labels,
              // An agent reads; changing status and writing notes is the account team's.
              canChange: user.role === 'member' || user.role === 'lead',
              draft: view.drafts.get(selected.id) ?? '',
              onDraft: (text) => view.setDraft(selected.id, text),
              onMark: (status) => actions.mark(selected.id, status),
              me: user,
              people: view.people,
              names: view.names,
              onClaim: () => actions.claim(selected.id),
              onRelease: () => actions.release(selected.id),
              onAssign: (userId) => actions.assign(selected.id, userId),
            })
          : html`<p class="muted">Choose an escalation to see everything the agent wrote.</p>`
      }
    </section>
  </div>`;
}
