/**
 * Each agent's escalation rate against the healthy range of their experience, and the
 * procedures' action for those above it (docs/policy.md#metrics). Above is said in words and
 * marked, not only coloured.
 */
import { html, nothing } from 'lit';
import type { AgentRate } from '../../metrics/schema.ts';
import { experienceWords, percent, rangeWords } from './words.ts';

const standingWords: Record<AgentRate['standing'], string> = {
  above: 'Above the range',
  within: 'Within the range',
  below: 'Below the range',
  unknown: 'No range: start date unknown',
};

export function renderAgents(agents: AgentRate[]) {
  if (!agents.length) return html`<p class="muted">No agent escalated or reported a handled task in this range.</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="agents-title">
    <table class="agents">
      <caption id="agents-title">
        Escalation rate per agent: escalated / (escalated + handled without escalating)
      </caption>
      <thead>
        <tr>
          <th scope="col">Agent</th>
          <th scope="col">Experience</th>
          <th scope="col">Escalated</th>
          <th scope="col">Handled</th>
          <th scope="col">Rate</th>
          <th scope="col">Healthy range</th>
          <th scope="col">Standing and action</th>
        </tr>
      </thead>
      <tbody>
        ${agents.map(
          (a) =>
            html`<tr data-agent=${a.agentId} class=${a.standing === 'above' ? 'above' : ''}>
              <th scope="row">${a.agentId}</th>
              <td>
                ${experienceWords[a.experience]}${a.startedOn ? html`<span class="muted since"> since ${a.startedOn}</span>` : nothing}
              </td>
              <td>${a.escalated}</td>
              <td>${a.handled}</td>
              <td>${percent(a.rate)}</td>
              <td>${rangeWords(a.range)}</td>
              <td>
                ${a.standing === 'above' ? html`<strong class="flag">${standingWords.above}</strong>: ${a.action}` : standingWords[a.standing]}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
