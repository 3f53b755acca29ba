/** The keyboard shortcuts, listed where people look for them (a disclosure under the list), with where they work. */
import { html } from 'lit';
import { shortcuts } from '../keyboard.ts';

export function renderShortcuts() {
  return html`<details class="shortcuts">
    <summary>Keyboard shortcuts</summary>
    <p class="muted">
      These keys work while focus is in the list or in the open escalation, not while typing in a field, and only when the action is
      offered. With a screen reader, move focus into the list first (Tab, or focus mode), so browse mode keeps its own keys.
    </p>
    <dl>
      ${shortcuts.map(
        (s) =>
          html`<dt><kbd>${s.key}</kbd></dt>
            <dd>${s.words}</dd>`,
      )}
    </dl>
  </details>`;
}
