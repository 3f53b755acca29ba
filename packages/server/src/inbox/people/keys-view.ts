/** A lead's API keys for hosts: the list, the form to create one and the way to revoke one. */
import { html } from 'lit';
import type { ApiKey } from '../../auth/types.ts';
import { when } from '../format.ts';

export interface KeysView {
  keys: ApiKey[];
  /** The key whose revocation waits for a second press. */
  confirming: string | undefined;
  busy: boolean;
  onAdd(name: string): void;
  onRevoke(id: string): void;
  onConfirm(id: string): void;
  onCancel(): void;
}

function row(key: ApiKey, view: KeysView) {
  const action = key.revokedAt
    ? html`<span class="muted">revoked ${when(key.revokedAt)}</span>`
    : view.confirming === key.id
      ? html`<button class="danger confirm" @click=${() => view.onConfirm(key.id)}>Revoke ${key.name} now</button>
          <button class="secondary" @click=${view.onCancel}>Keep</button>`
      : html`<button class="secondary" @click=${() => view.onRevoke(key.id)}>Revoke</button>`;
  return html`<tr data-key=${key.id}>
    <td>${key.name}</td>
    <td><code>ek_${key.id}_…</code></td>
    <td>${when(key.createdAt)}</td>
    <td>${action}</td>
  </tr>`;
}

export function renderKeys(view: KeysView) {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    view.onAdd(((e.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement).value.trim());
  };
  return html`<section aria-labelledby="keys-title">
    <h2 id="keys-title">API keys</h2>
    <p class="muted">
      A host's back end sends escalations with a key; each key acts as an agent. To rotate one, create the new key, then revoke the old.
    </p>
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key</th>
          <th scope="col">Created</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${view.keys.map((k) => row(k, view))}
      </tbody>
    </table>
    <form class="add" id="add-key" @submit=${submit}>
      <h3>Create a key</h3>
      <label>Name <input name="name" autocomplete="off" required placeholder="e.g. Support desk back end" /></label>
      <button ?disabled=${view.busy}>Create key</button>
    </form>
  </section>`;
}
