/**
 * Who owns an escalation, and the ways to change it (docs/architecture.md#work-queue): a member
 * or a lead claims one nobody owns, a lead takes one over (the button says from whom), its owner
 * or a lead releases it, and a lead assigns it to anyone on the team. The server has the last
 * word: a claim that lost a race is refused, naming the owner, in the shell's alert.
 */
import { html, nothing } from 'lit';
import type { Role } from '../../auth/types.ts';
import type { StoredEscalation } from '../../types.ts';

export interface OwnerView {
  item: StoredEscalation;
  me: { id: string; role: Role };
  /** Members and leads, for a lead's "Assign to" (empty for anyone else). */
  people: { id: string; name: string }[];
  onClaim(): void;
  onRelease(): void;
  onAssign(userId: string): void;
}

export function renderOwner({ item, me, people, onClaim, onRelease, onAssign }: OwnerView) {
  const owner = item.assignee;
  const lead = me.role === 'lead';
  const mine = owner?.id === me.id;
  const canClaim = (me.role === 'member' || lead) && !mine && (!owner || lead);
  const canRelease = owner !== undefined && (mine || lead);
  // First offered: someone other than the owner (assigning to the owner changes nothing).
  const first = people.find((p) => p.id !== owner?.id)?.id;
  return html`<dt>Owner</dt>
    <dd class="owner">
      <span>${owner ? (mine ? `${owner.name} (you)` : owner.name) : 'Nobody yet'}</span>
      ${
        canClaim
          ? html`<button class="secondary" data-action="claim" aria-keyshortcuts="c" @click=${onClaim}>
              ${owner ? `Take over from ${owner.name}` : 'Claim'}
            </button>`
          : nothing
      }
      ${canRelease ? html`<button class="secondary" data-action="release" @click=${onRelease}>Release</button>` : nothing}
      ${
        lead && people.length
          ? html`<span class="assign">
              <label
                >Assign to
                <select id="assign-to">
                  ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === first}>${p.name}</option>`)}
                </select>
              </label>
              <button class="secondary" data-action="assign" @click=${assign(onAssign)}>Assign</button>
            </span>`
          : nothing
      }
    </dd>`;
}

/** Reads the choice from the select next to the button when pressed: a re-render meanwhile keeps what the lead picked. */
const assign = (onAssign: (userId: string) => void) => (e: Event) => {
  const select = (e.currentTarget as HTMLElement).parentElement?.querySelector('select');
  if (select?.value) onAssign(select.value);
};
