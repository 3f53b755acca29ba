/**
 * The panels that replace the form once the account team has the escalation (or already had
 * one): what happens next, and what to tell the customer. Focus moves to their heading.
 */
import { html } from 'lit';
import { customerScript, escalationReference, suggestRouting, type EscalationPolicy } from '@escalate-kit/sdk';
import type { EscalateStrings } from '../../strings/en.ts';
import type { Status } from './submission.ts';

export interface ResultView {
  strings: EscalateStrings;
  outcome: Extract<Status, { kind: 'success' | 'queued' }>;
  policy: EscalationPolicy;
}

/** Sent or queued: the next steps and the customer script for the request that went out. */
export function resultTemplate({ strings: s, outcome, policy }: ResultView, close: () => void) {
  const { request } = outcome;
  const method = s.script.methods[request.contactMethod];
  const window = s.windows[request.urgency];
  const routing = suggestRouting({ ...request.signals, category: request.category, urgency: request.urgency }, policy);
  // The fraud rule lives in the policy; the words come from the (localised) strings.
  const script = customerScript(
    { contactMethod: request.contactMethod, urgency: request.urgency, routing },
    {
      ...policy,
      script: s.script,
      urgencies: {
        urgent: { ...policy.urgencies.urgent, phrase: s.windows.urgent },
        standard: { ...policy.urgencies.standard, phrase: s.windows.standard },
      },
    },
  );
  return html`<div part="result" class="result ${outcome.kind}">
    ${
      outcome.kind === 'success'
        ? html`<h3 tabindex="-1">${s.successTitle}</h3>
            <ul>
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
          : html`<p>${s.noScript}</p>`
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
