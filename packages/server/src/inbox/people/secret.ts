/**
 * A secret the server shows once (a generated password, a new API key): in a read-only field the
 * keyboard can select and copy, said once to screen readers, with what to do with it now.
 */
import { html } from 'lit';

export interface Secret {
  /** What it is: "Password for ana@example.com". */
  title: string;
  value: string;
  /** What to do with it: "Give it to Ana now". */
  advice: string;
}

export function renderSecret(secret: Secret, onDone: () => void) {
  return html`<div class="secret" role="status">
    <p><strong>Shown this once and never again.</strong> ${secret.advice}</p>
    <label
      >${secret.title}
      <input class="secret-value" readonly .value=${secret.value} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
    </label>
    <button class="secondary" @click=${onDone}>Done, I have copied it</button>
  </div>`;
}
