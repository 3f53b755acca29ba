import { css } from 'lit';

// Uses the custom properties that `escalate-button.styles.ts` defines on :host (accent, radius,
// surface) and defines those only the dialog uses: a page of closed buttons never loads them.
/** The dialog and form, adopted into the button's shadow root when the dialog loads. */
export const dialogStyles = css`
  :host {
    --_space: var(--escalate-space, 1rem);
    --_text: var(--escalate-text, #1b1f24);
    --_muted: var(--escalate-muted, #59636e);
    --_border: var(--escalate-border, #8c959f);
    --_danger: var(--escalate-danger, #b42318);
    --_success: var(--escalate-success, #1a7f37);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--escalate-text-dark, #e6edf3);
      --_muted: var(--escalate-muted-dark, #a4afba);
      --_border: var(--escalate-border-dark, #6e7781);
      --_danger: var(--escalate-danger-dark, #ff8b80);
      --_success: var(--escalate-success-dark, #56d364);
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  dialog {
    box-sizing: border-box;
    width: min(36rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  /* Headings take focus only to move the reading position (to a result or an error): they are
     not controls, so no focus ring, which would read as something to press. */
  h3[tabindex='-1']:focus {
    outline: none;
  }
  h4 {
    margin: var(--_space) 0 0.25rem;
    font-size: 1rem;
  }
  p {
    margin: 0.25rem 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  form,
  .fields {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field {
    display: grid;
    gap: 0.3rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-bottom: 0.3rem;
  }
  select,
  textarea,
  input:not([type='radio'], [type='checkbox']) {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    color: inherit;
    background: transparent;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  select option {
    background: var(--_surface);
    color: var(--_text);
  }
  textarea {
    resize: vertical;
  }
  /* As specific as the field rule above, so inputs turn red like the select and textarea.
     A shadow, not a wider border: an error must not move anything (a click in flight would miss). */
  select[aria-invalid='true'],
  textarea[aria-invalid='true'],
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 400;
    min-height: 2rem;
  }
  input[type='radio'] {
    accent-color: var(--_accent);
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .count {
    text-align: end;
  }
  .count.over {
    color: var(--_danger);
  }
  .policy {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: var(--_space);
  }
  .result {
    padding: 0.75rem;
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_success);
  }
  .result.queued {
    border-inline-start-color: var(--_accent);
  }
  .error-panel {
    border-inline-start-color: var(--_danger);
  }
  .result.already,
  .result.state {
    border-inline-start-color: var(--_muted);
  }
  .result dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.75rem;
    margin: 0.5rem 0 0;
  }
  .result dt {
    color: var(--_muted);
  }
  .result dd {
    margin: 0;
  }
  .choice:has(input:disabled) {
    color: var(--_muted);
  }
  .result ul {
    margin: 0.25rem 0;
    padding-inline-start: 1.25rem;
  }
  @media (max-width: 400px) {
    .footer button {
      flex: 1 1 100%;
    }
  }
`;
