/** The inbox's styles: one stylesheet for the shell and every view (they share one shadow root). */
import { css } from 'lit';

export const inboxStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 80rem;
    margin: 0 auto;
    padding: 1rem 1.5rem;
    font:
      15px/1.45 system-ui,
      sans-serif;
    color: #1b1f24;
    --accent: #2454d6;
    --danger: #b42318;
    --muted: #59636e;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: end;
    justify-content: space-between;
  }
  h1 {
    margin: 0;
    font-size: 1.4rem;
  }
  .filters {
    display: flex;
    gap: 0.75rem;
    flex-wrap: wrap;
  }
  label {
    display: grid;
    gap: 0.2rem;
    font-weight: 600;
    font-size: 0.9rem;
  }
  select,
  input,
  textarea,
  button {
    font: inherit;
  }
  select,
  input,
  textarea {
    padding: 0.35rem;
    border: 1px solid #8c959f;
    border-radius: 6px;
  }
  button {
    padding: 0.35rem 0.9rem;
    border-radius: 6px;
    border: 2px solid var(--accent);
    background: var(--accent);
    color: #fff;
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--accent);
  }
  .layout {
    display: grid;
    /* The queue is what a team scans all day: its six columns get the larger share. */
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 1.5rem;
    margin-top: 1rem;
  }
  @media (max-width: 800px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  /* At 320 px the five columns are wider than the screen: the table scrolls by itself (a data
     table may, WCAG 1.4.10), the page does not. */
  .table-scroll {
    overflow-x: auto;
    /* The containing block of the cells' visually hidden words ("Unassigned"): clipped with the table, not placed out on the page. */
    position: relative;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid #d0d7de;
    vertical-align: top;
  }
  tr.overdue td:first-child {
    border-inline-start: 4px solid var(--danger);
  }
  tr[aria-selected='true'] {
    background: #eef3ff;
  }
  .overdue-tag {
    color: var(--danger);
    font-weight: 700;
  }
  .muted {
    color: var(--muted);
  }
  .row-link {
    all: unset;
    cursor: pointer;
    color: var(--accent);
    font-weight: 600;
    text-decoration: underline;
  }
  .row-link:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  /* Headings take focus only to move the reading position (after sign-in, to a detail): they
     are not controls, so no focus ring, which would read as something to press (as in the
     element's dialog). */
  h2[tabindex='-1']:focus {
    outline: none;
  }
  dl {
    display: grid;
    /* minmax(0, …): a wide control in a value (a lead's "Assign to") wraps or shrinks, never pushes the page sideways. */
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.3rem 1rem;
    margin: 0.5rem 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .contact-links {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
  }
  /* On a phone a term and its value stack: side by side, the values were a word wide. */
  @media (max-width: 480px) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    dd {
      margin-bottom: 0.4rem;
    }
  }
  .rule {
    font-size: 0.85rem;
  }
  ul.reasons {
    margin: 0;
    padding-inline-start: 1.1rem;
  }
  .notes {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    padding: 0.5rem;
    background: #f6f8fa;
    border-radius: 6px;
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: 1.5rem;
    margin-top: 1rem;
  }
  .stats ul {
    margin: 0;
    padding-inline-start: 1.1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .error {
    color: var(--danger);
    font-weight: 600;
  }
  .mail {
    display: inline-block;
    padding: 0 0.4rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.8rem;
    white-space: nowrap;
  }
  .mail-pending {
    color: var(--muted);
  }
  .mail-sent {
    color: #1a7f37;
  }
  .mail-failed {
    color: var(--danger);
    font-weight: 700;
  }
  /* The checkbox sits beside its words, not over them like the selects' labels. */
  label.check {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    align-self: end;
  }
  input[type='search'] {
    min-width: 0;
    width: 12rem;
    max-width: 100%;
  }
  .owner {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .assign,
  .assign label {
    min-width: 0;
    max-width: 100%;
  }
  .assign label {
    grid-template-columns: minmax(0, 1fr);
  }
  .assign select {
    width: 100%;
  }
  .assign {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .clock + .clock {
    margin-top: 0.2rem;
  }
  .shortcuts {
    margin-top: 1rem;
  }
  .shortcuts summary {
    cursor: pointer;
    color: var(--accent);
    font-weight: 600;
  }
  kbd {
    font:
      0.85rem ui-monospace,
      monospace;
    padding: 0 0.35rem;
    border: 1px solid #8c959f;
    border-radius: 4px;
  }
`;
