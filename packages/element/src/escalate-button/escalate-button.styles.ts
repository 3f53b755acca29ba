import { css } from 'lit';

// Static styles only: Lit adopts them as constructable stylesheets, so the element works
// under a Content-Security-Policy without 'unsafe-inline' for styles. The button's own rules
// load with the shell; the dialog's (escalate-dialog.styles.ts) with the lazily loaded dialog,
// and so do the colours and rules only the dialog uses (text, borders, fields, .primary).
// Written compact, one rule a line, and without comments: a minifier keeps a template literal
// as written, so spaces and comments would be bytes every page loads (prettier would indent it).
// - Dark mode takes the dark pair only, not the light --escalate-accent: a brand colour picked
//   for white text and a white surface fails contrast as text on the dark surface (Cancel,
//   secondary) and under the dark --_on-accent.
// - The host sets no display: inline, as any custom element, it wraps its button without a box
//   of its own to lay out (an inline-block host was ~7% of a long list's insert and layout), and
//   the page's `hidden` and its own `display` (a block, for a width) apply to it as they are.
// - An escalated task's button reports a state rather than invites an action: outlined.
// - Outlined is opaque, not transparent: the trigger sits on the host's page, whose background
//   the element cannot know (a light page under a dark OS setting would leave the dark accent
//   text at 2.7:1). On its own surface the accent always has its contrast.
// prettier-ignore
export const styles = css`
:host{--_accent:var(--escalate-accent,#2454d6);--_on-accent:var(--escalate-accent-contrast,#fff);--_radius:var(--escalate-radius,8px);--_surface:var(--escalate-surface,#fff);font-family:var(--escalate-font,inherit)}
@media (prefers-color-scheme:dark){:host{--_accent:var(--escalate-accent-dark,#6b9bff);--_on-accent:var(--escalate-accent-contrast-dark,#0d1117);--_surface:var(--escalate-surface-dark,#161b22)}}
button{font:inherit;min-height:2.5rem;padding:.4em 1.1em;border-radius:var(--_radius);border:2px solid var(--_accent);cursor:pointer}
button:focus-visible{outline:3px solid var(--_accent);outline-offset:2px}
[part=button]{background:var(--_accent);color:var(--_on-accent);font-weight:600}
:host([variant=secondary]) [part=button],[part=button][data-escalated]{background:var(--_surface);color:var(--_accent)}
[aria-disabled=true]{opacity:.6;cursor:not-allowed}
`;
