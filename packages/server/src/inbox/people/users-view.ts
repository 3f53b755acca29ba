/** A lead's list of the people who sign in, the form to add one and the way to remove one. */
import { html, nothing } from 'lit';
import { roles, type Role, type User } from '../../auth/types.ts';
import type { NewUserInput } from './people-api.ts';

export interface UsersView {
  users: User[];
  /** The signed-in lead: no button to remove oneself. */
  me: string;
  /** The user whose removal waits for a second press. */
  confirming: string | undefined;
  busy: boolean;
  onAdd(input: NewUserInput): void;
  onRemove(id: string): void;
  onConfirm(id: string): void;
  onCancel(): void;
}

// Short, for the select: an agent reads the escalations it sent, a member works all of them, a
// lead also manages users and keys (docs/architecture.md#security).
const roleWords: Record<Role, string> = { agent: 'Agent', member: 'Member', lead: 'Lead' };

function row(user: User, view: UsersView) {
  const confirming = view.confirming === user.id;
  return html`<tr data-user=${user.id}>
    <td>${user.name}</td>
    <td>${user.email}</td>
    <td>${user.role}</td>
    <td>
      ${
        user.id === view.me
          ? html`<span class="muted">you</span>`
          : confirming
            ? html`<button class="danger confirm" @click=${() => view.onConfirm(user.id)}>Remove ${user.email} now</button>
                <button class="secondary" @click=${view.onCancel}>Keep</button>`
            : html`<button class="secondary" @click=${() => view.onRemove(user.id)}>Remove</button>`
      }
    </td>
  </tr>`;
}

export function renderUsers(view: UsersView) {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    view.onAdd({ role: value('role') as Role, email: value('email'), name: value('name') });
  };
  return html`<section aria-labelledby="users-title">
    <h2 id="users-title" tabindex="-1">Users</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">E-mail</th>
          <th scope="col">Role</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${view.users.map((u) => row(u, view))}
      </tbody>
    </table>
    <form class="add" id="add-user" @submit=${submit}>
      <h3>Add a user</h3>
      <label
        >Role
        <select name="role">
          ${roles.map((r) => html`<option value=${r} ?selected=${r === 'member'}>${roleWords[r]}</option>`)}
        </select>
      </label>
      <label>E-mail <input name="email" type="email" autocomplete="off" required /></label>
      <label>Name <input name="name" autocomplete="off" /></label>
      <button ?disabled=${view.busy}>Add user</button>
    </form>
    ${view.users.length === 0 ? html`<p class="muted">No users yet.</p>` : nothing}
  </section>`;
}
