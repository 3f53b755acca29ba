/**
 * The read-only panel of a task that is already escalated (the button's `escalation`): where it
 * went, its status and since when, by when it is answered. No form: the server refuses a second
 * open escalation of a task, so offering one would only lose what the agent typed.
 */
import { html, nothing } from 'lit';
import { escalationReference, type EscalationState } from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/types.ts';
import { ago } from './ago.ts';
import { localTime } from './time.ts';

export interface StateView {
  strings: EscalateStrings;
  state: EscalationState;
  locale: string;
  teamName: (id: string) => string;
}

export function stateTemplate({ strings: s, state, locale, teamName }: StateView, close: () => void) {
  const at = (iso: string) => html`<time datetime=${iso}>${localTime(iso, locale)}</time>`;
  return html`<div part="result" class="result state">
    <h3 tabindex="-1">${s.stateTitle(s.statuses[state.status] ?? state.status)}</h3>
    <p>${s.stateBody}</p>
    <dl>
      <dt>${s.stateLines.reference}</dt>
      <dd><strong dir="ltr">${escalationReference(state.id)}</strong></dd>
      <dt>${s.stateLines.team}</dt>
      <dd>${teamName(state.team)}</dd>
      <dt>${s.stateLines.since}</dt>
      <dd><time datetime=${state.since} title=${localTime(state.since, locale)}>${ago(state.since, locale)}</time></dd>
      <dt>${s.stateLines.respondBy}</dt>
      <dd>${at(state.respondBy)}</dd>
      ${
        state.resolveBy
          ? html`<dt>${s.stateLines.resolveBy}</dt>
              <dd>${at(state.resolveBy)}</dd>`
          : nothing
      }
    </dl>
    <div part="footer" class="footer">
      <button type="button" class="primary" @click=${close}>${s.close}</button>
    </div>
  </div>`;
}
