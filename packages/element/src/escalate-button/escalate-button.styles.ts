import { css } from 'lit';

// Static styles only: Lit adopts them as constructable stylesheets, so the element works
// under a Content-Security-Policy without 'unsafe-inline' for styles.
export const styles = css`
  :host {
    --_accent: var(--escalate-accent, #2454d6);
    --_on-accent: var(--escalate-accent-contrast, #ffffff);
    --_radius: var(--escalate-radius, 8px);
    --_space: var(--escalate-space, 1rem);
    --_surface: var(--escalate-surface, #ffffff);
    --_text: var(--escalate-text, #1b1f24);
    --_muted: var(--escalate-muted, #59636e);
    --_border: var(--escalate-border, #8c959f);
    --_danger: var(--escalate-danger, #b42318);
    --_success: var(--escalate-success, #1a7f37);
    display: inline-block;
    font-family: var(--escalate-font, inherit);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      /* Not the light --escalate-accent: a brand colour picked for white text and a white
         surface fails contrast as text on the dark surface (Cancel, secondary) and under
         the dark --_on-accent. Dark mode takes the dark pair only. */
      --_accent: var(--escalate-accent-dark, #6b9bff);
      --_on-accent: var(--escalate-accent-contrast-dark, #0d1117);
      --_surface: var(--escalate-surface-dark, #161b22);
      --_text: var(--escalate-text-dark, #e6edf3);
      --_muted: var(--escalate-muted-dark, #a4afba);
      --_border: var(--escalate-border-dark, #6e7781);
      --_danger: var(--escalate-danger-dark, #ff8b80);
      --_success: var(--escalate-success-dark, #56d364);
    }
  }
  :host([hidden]) {
    display: none;
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
  button {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.4em 1.1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [part='button'],
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  :host([variant='secondary']) [part='button'],
  .secondary {
    /* Opaque, not transparent: the trigger sits on the host's page, whose background the
       element cannot know (a light page under a dark OS setting would leave the dark
       accent text at 2.7:1). On its own surface the accent always has its contrast. */
    background: var(--_surface);
    color: var(--_accent);
  }
  [aria-disabled='true'],
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
  input:not([type='radio']) {
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
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
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
