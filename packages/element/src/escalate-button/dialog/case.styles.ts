import { css } from 'lit';

// Uses the custom properties that `escalate-button.styles.ts` defines on :host.
/**
 * The parts of the form that describe the case: the toggles as chips, the amount, the
 * suggestions noticed in the note, the routing line and the result's reference. Adopted with the
 * dialog's styles, so a page of closed buttons never loads them.
 */
export const caseStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  /* A chip is the label of a visible native checkbox: the whole chip is the target, and the
     check mark says "set" without colour alone. Nothing changes size when it is set. */
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.45rem;
    box-sizing: border-box;
    min-height: 2.25rem;
    padding-block: 0.3rem;
    padding-inline: 0.6rem 0.8rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-weight: 400;
    line-height: 1.25;
    cursor: pointer;
  }
  .chip:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
  }
  .chip:has(input:focus-visible) {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .chip input:focus-visible {
    outline: none;
  }
  input[type='checkbox'] {
    flex: none;
    width: 1rem;
    height: 1rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  /* The credit-or-refund choice and its amount side by side, labels level; one under the
     other on a narrow screen. */
  .pair {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    gap: 0.5rem 1rem;
  }
  .pair > .field {
    flex: 1 1 12rem;
    max-width: 18rem;
  }
  .suggestions ul {
    display: grid;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .suggestions li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.75rem;
    padding: 0.4rem 0.6rem;
    border-inline-start: 3px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .suggestions li > span:first-child {
    flex: 1 1 14rem;
    overflow-wrap: anywhere;
  }
  .actions {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .actions button {
    min-height: 2rem;
    padding: 0.15em 0.8em;
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_text);
    text-decoration: underline;
  }
  .policy p {
    margin: 0;
  }
  .policy .why {
    margin-top: 0.35rem;
    font-size: 0.9em;
  }
  .reasons {
    margin: 0.1rem 0 0;
    padding-inline-start: 1.25rem;
    font-size: 0.9em;
  }
  .advice {
    padding: 0.4rem 0.75rem;
    border-inline-start: 4px solid var(--_muted);
  }
  .stuck {
    margin-top: var(--_space);
  }
  .reference strong {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 1.15em;
    letter-spacing: 0.05em;
  }
`;
