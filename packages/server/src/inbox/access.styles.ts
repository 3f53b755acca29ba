/** Styles of signing in, the signed-in line and a lead's users and keys (shared with `<inbox-people>`). */
import { css } from 'lit';

export const accessStyles = css`
  .account {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    align-items: center;
    justify-content: space-between;
    margin-top: 0.75rem;
    padding-bottom: 0.5rem;
    border-bottom: 1px solid #d0d7de;
  }
  .account p {
    margin: 0;
    margin-inline-start: auto;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button.tab {
    background: transparent;
    color: var(--accent);
  }
  button.tab[aria-current='page'] {
    background: var(--accent);
    color: #fff;
  }
  button.link {
    all: unset;
    cursor: pointer;
    color: var(--accent);
    font-weight: 600;
    text-decoration: underline;
  }
  button.link:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  button.danger {
    background: var(--danger);
    border-color: var(--danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .sign-in {
    display: grid;
    gap: 0.75rem;
    max-width: 22rem;
    margin: 2rem auto;
    padding: 1.25rem 1.5rem;
    border: 1px solid #d0d7de;
    border-radius: 8px;
  }
  .sign-in h2,
  .sign-in p {
    margin: 0;
  }
  .sign-in .error:empty {
    display: none;
  }
  .people {
    display: grid;
    gap: 2rem;
    margin-top: 1rem;
  }
  form.add {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin-top: 1rem;
  }
  form.add h3 {
    flex-basis: 100%;
    margin: 0;
  }
  .secret {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    margin: 1rem 0;
    padding: 0.75rem 1rem;
    border: 2px solid var(--accent);
    border-radius: 8px;
    background: #eef3ff;
  }
  .secret p {
    margin: 0;
  }
  .secret label {
    justify-self: stretch;
  }
  .secret-value {
    box-sizing: border-box;
    width: 100%;
    max-width: 48rem;
    font-family: ui-monospace, monospace;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
