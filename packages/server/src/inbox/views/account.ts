/**
 * Who is signed in, the way out, and, for a lead, the switch between the escalations, the
 * people and keys, and the metrics. Shown only while someone is signed in.
 */
import { html, nothing } from 'lit';
import type { SessionUser } from '../session.ts';

export type InboxView = 'escalations' | 'people' | 'metrics';

export interface AccountView {
  user: SessionUser;
  view: InboxView;
  onView(view: InboxView): void;
  onSignOut(): void;
}

const roleWords = { agent: 'agent', member: 'account team', lead: 'team lead' } as const;

export function renderAccount({ user, view, onView, onSignOut }: AccountView) {
  // Auth turned off on this server: nobody signs in, so there is nobody to name and no way out.
  if (user.id === 'anonymous') return html`<p class="account muted">Open inbox: this server does not ask anyone to sign in.</p>`;
  const tab = (id: InboxView, label: string) =>
    html`<button class="tab" aria-current=${view === id ? 'page' : 'false'} @click=${() => onView(id)}>${label}</button>`;
  return html`<div class="account">
    ${
      user.role === 'lead'
        ? html`<nav aria-label="Inbox sections">
            ${tab('escalations', 'Escalations')} ${tab('people', 'Users and keys')} ${tab('metrics', 'Metrics')}
          </nav>`
        : nothing
    }
    <p>
      Signed in as <strong>${user.name || user.email}</strong> <span class="muted">(${user.email}, ${roleWords[user.role]})</span> ·
      <button class="link" @click=${onSignOut}>Sign out</button>
    </p>
  </div>`;
}
