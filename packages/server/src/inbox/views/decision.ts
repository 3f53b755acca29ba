/**
 * What the server decided for an escalation and why (docs/policy.md#respond-by), and what the
 * agent said of the case: rows of the detail's list. Times are in the viewer's zone (`when`); the
 * words are the e-mail's (`decision/words.ts`). Whether it is overdue is the SLA clock's row (`sla.ts`).
 */
import { html, nothing } from 'lit';
import { deadlineWords, levelWords, signalWords } from '../../decision/words.ts';
import type { StoredEscalation } from '../../types.ts';
import { when, type Labels } from '../format.ts';

const urgencyText = (urgency: string) => (urgency === 'urgent' ? 'Urgent (same day)' : 'Standard (2-3 days)');

/** Urgency, deadlines, team, level, priority, mandatory and the reasons; the client's routing on an escalation stored without a decision. */
export function renderDecision(item: StoredEscalation, labels: Labels) {
  const r = item.request;
  const d = item.decision;
  if (!d) {
    return html`<dt>Urgency</dt>
      <dd>${urgencyText(r.urgency)}</dd>
      <dt>Respond by</dt>
      <dd>${when(item.respondBy)}</dd>
      <dt>Team</dt>
      <dd>
        ${labels.team(item.team)}${r.routing ? ` · level ${r.routing.level}${r.routing.priority ? ` · ${r.routing.priority}` : ''}` : ''}
      </dd>`;
  }
  const claimed = r.routing;
  const differs = claimed && (claimed.team !== d.team || claimed.level !== d.level || (claimed.priority ?? d.priority) !== d.priority);
  return html`<dt>Urgency</dt>
    <dd>
      ${urgencyText(d.urgency)}${d.urgencyForcedBy ? html` · <span class="muted">fixed by the policy: ${d.urgencyForcedBy}</span>` : nothing}
    </dd>
    <dt>Respond by</dt>
    <dd>
      ${when(item.respondBy)}
      <div class="muted rule">${deadlineWords(d.respondBy, d, labels.team)}</div>
    </dd>
    ${
      d.resolveBy
        ? html`<dt>Resolve by</dt>
            <dd>
              ${when(d.resolveBy.at)}
              <div class="muted rule">${deadlineWords(d.resolveBy, d, labels.team)}</div>
            </dd>`
        : nothing
    }
    <dt>Team</dt>
    <dd>${labels.team(item.team)} · level ${levelWords(d)} · ${d.priority} priority</dd>
    <dt>Mandatory</dt>
    <dd>${d.mandatory ? 'Yes' : 'No'}</dd>
    ${
      d.reasons.length
        ? html`<dt>Why</dt>
            <dd>
              <ul class="reasons">
                ${d.reasons.map((reason) => html`<li>${reason}</li>`)}
              </ul>
            </dd>`
        : nothing
    }
    ${
      differs
        ? html`<dt>Agent suggested</dt>
            <dd>${labels.team(claimed.team)} · level ${claimed.level}${claimed.priority ? ` · ${claimed.priority} priority` : ''}</dd>`
        : nothing
    }`;
}

/** The signals as people read them, what the customer asks for and what the agent recommends; nothing when none was given. */
export function renderCase(item: StoredEscalation) {
  const r = item.request;
  const signals = signalWords(r.signals);
  return html`${
    signals.length
      ? html`<dt>Signals</dt>
          <dd>${signals.join(' · ')}</dd>`
      : nothing
  }
  ${
    r.customerRequest
      ? html`<dt>Customer asks for</dt>
          <dd>${r.customerRequest}</dd>`
      : nothing
  }
  ${
    r.recommendation
      ? html`<dt>Agent recommends</dt>
          <dd>${r.recommendation}</dd>`
      : nothing
  }`;
}
