/**
 * The panels that replace the form once the account team has the escalation (or already had
 * one): the reference, where it went and by when it is answered, what happens next, and what
 * to tell the customer. Focus moves to their heading.
 */
import { html } from 'lit';
import { escalationReference, suggestRouting, type EscalationPolicy } from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/types.ts';
import { scriptFor } from './script.ts';
import { localTime } from './time.ts';
import type { Status } from './submission.ts';

export interface ResultView {
  strings: EscalateStrings;
  outcome: Extract<Status, { kind: 'success' | 'queued' }>;
  policy: EscalationPolicy;
  /** The agent's language, for the respond-by time. */
  locale: string;
  teamName: (id: string) => string;
}

/** Sent or queued: the next steps and the customer script for the request that went out. */
export function resultTemplate({ strings: s, outcome, policy, locale, teamName }: ResultView, close: () => void) {
  const { request } = outcome;
  const receipt = outcome.kind === 'success' ? outcome.receipt : undefined;
  const routing = suggestRouting({ ...request.signals, category: request.category, urgency: request.urgency }, policy);
  // The server decided the team of a stored escalation; a queued one goes where the form suggested.
  const team = receipt?.team ?? request.routing?.team ?? routing.team;
  const { window, script } = scriptFor(s, policy, request, team, routing);
  const method = s.script.methods[request.contactMethod];
  return html`<div part="result" class="result ${outcome.kind}">
    ${
      receipt
        ? html`<h3 tabindex="-1">${s.successTitle}</h3>
            <p class="reference">
              ${script ? s.reference : s.referenceFraud}: <strong dir="ltr">${escalationReference(receipt.id)}</strong>
            </p>
            <ul>
              <li>
                ${s.sentTo(teamName(team))} ${s.answerBy}
                <time datetime=${receipt.respondBy}>${localTime(receipt.respondBy, locale)}</time>
              </li>
              <li>${s.notification[receipt.notification ?? 'pending'](teamName(team))}</li>
              ${s.successSteps(window, method).map((line) => html`<li>${line}</li>`)}
            </ul>`
        : html`<h3 tabindex="-1">${s.queuedTitle}</h3>
            <p>${s.queuedBody}</p>`
    }
    <section aria-labelledby="script-title">
      <h4 id="script-title">${s.tellCustomer}</h4>
      ${
        script
          ? html`<ul class="script">
              <li>“${script.before}”</li>
              <li>“${script.when}”</li>
              <li>${s.frustratedLabel} “${s.script.frustrated}”</li>
            </ul>`
          : html`<p>${s.noScript}</p>
              <ul>
                ${s.fraudSteps(teamName(team)).map((line) => html`<li>${line}</li>`)}
              </ul>`
      }
    </section>
    <div part="footer" class="footer">
      <button type="button" class="primary" @click=${close}>${s.close}</button>
    </div>
  </div>`;
}

/** The task already had an open escalation: nothing was stored, and the agent is told so. */
export function alreadyTemplate(strings: EscalateStrings, existing: { id: string; status: string }, close: () => void) {
  const s = strings;
  return html`<div part="result" class="result already">
    <h3 tabindex="-1">${s.alreadyTitle(s.statuses[existing.status] ?? existing.status)}</h3>
    <p>${s.alreadyBody(escalationReference(existing.id))}</p>
    <div part="footer" class="footer">
      <button type="button" class="primary" @click=${close}>${s.close}</button>
    </div>
  </div>`;
}
