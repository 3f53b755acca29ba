/**
 * The routing line before submit, e.g. "Must be escalated · Legal / Compliance Team · level 2 ·
 * high priority · respond within 4 hours", the rules' reasons under it, and the procedures'
 * "you may handle this yourself" line, which never blocks the submit.
 */
import { html, nothing } from 'lit';
import type { EscalateStrings } from '../../strings/types.ts';
import type { RoutingView } from './routing-view.ts';

export function routingTemplate(s: EscalateStrings, routing: RoutingView | undefined, teamName: (id: string) => string) {
  if (!routing) return nothing;
  const { mandatory, team, level, priority, within, reasons, advice } = routing;
  const line = [teamName(team), level === undefined ? '' : s.level(level), s.priority(priority), s.respondWithin(within)];
  return html`<div part="policy" class="policy">
      <p id="routing-line">${mandatory ? html`<strong>${s.policyMandatory}</strong> · ` : nothing}${line.filter(Boolean).join(' · ')}</p>
      ${
        reasons.length
          ? html`<p id="routing-why" class="why">${s.why}:</p>
              <ul class="reasons" aria-labelledby="routing-why">
                ${reasons.map((r) => html`<li>${r}</li>`)}
              </ul>`
          : nothing
      }
    </div>
    ${advice ? html`<p part="advice" class="advice">${advice}</p>` : nothing}`;
}
