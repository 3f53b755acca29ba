/**
 * What the account team needs to follow an escalation up (docs/policy.md#follow-up): the customer
 * a click away by the method they asked for (`tel:`, `sms:`, `mailto:` with the reference in the
 * message), the briefing the agent would have given by phone, the words the agent used with the
 * customer (so the team keeps the promise made), and the status changes the state machine allows.
 */
import { html, nothing } from 'lit';
import { briefingFor, customerScript, defaultPolicy, escalationReference, suggestRouting } from '@escalate-kit/sdk';
import { needsReason, transitions, type EscalationStatus } from '../../status.ts';
import type { StoredEscalation } from '../../types.ts';

/** `+1 555 0100 123` → `+15550100123`: what a `tel:` or `sms:` link dials. */
const dialable = (phone: string) => phone.replace(/[^\d+]/g, '');

/** Links to reach the customer, the method they asked for first. */
export function renderContactLinks(item: StoredEscalation) {
  const r = item.request;
  const ref = escalationReference(item.id);
  const message = `About your request (reference ${ref})`;
  const links = [
    r.contact.phone && { method: 'call', href: `tel:${dialable(r.contact.phone)}`, text: `Call ${r.contact.phone}` },
    r.contact.phone && {
      method: 'text',
      href: `sms:${dialable(r.contact.phone)}?body=${encodeURIComponent(message)}`,
      text: `Text ${r.contact.phone}`,
    },
    r.contact.email && {
      method: 'email',
      href: `mailto:${encodeURIComponent(r.contact.email)}?subject=${encodeURIComponent(message)}`,
      text: `E-mail ${r.contact.email}`,
    },
  ].filter((l): l is { method: string; href: string; text: string } => !!l);
  links.sort((a, b) => Number(b.method === r.contactMethod) - Number(a.method === r.contactMethod));
  return html`<ul class="contact-links">
    ${links.map(
      (l) =>
        html`<li>
          <a href=${l.href}>${l.text}</a
          >${l.method === r.contactMethod ? html` <span class="muted">(as the customer asked)</span>` : nothing}
        </li>`,
    )}
  </ul>`;
}

/** The briefing of docs/policy.md#briefing, and the lines the agent said to the customer. */
export function renderBriefingAndScript(item: StoredEscalation) {
  const r = item.request;
  const d = item.decision;
  // Stored without a decision: the team it went to, and no deadline sentence (no rule is known).
  const routing = d ?? { team: item.team, level: 1, levelName: '', priority: 'medium' as const };
  const briefing = briefingFor(r, routing, defaultPolicy, d?.respondBy);
  const suggested = suggestRouting({ ...r.signals, category: r.category, urgency: r.urgency }, defaultPolicy);
  const script = customerScript({ contactMethod: r.contactMethod, urgency: d?.urgency ?? r.urgency, routing: suggested });
  return html`<h3>Briefing</h3>
    <p class="briefing">${briefing}</p>
    <h3>What the agent told the customer</h3>
    ${
      script
        ? html`<ul>
            <li>“${script.before}”</li>
            <li>“${script.when}”</li>
          </ul>`
        : html`<p>
            Nothing: suspected fraud, so the caller was not told of this escalation. Contact the customer only through a method the account
            already had.
          </p>`
    }`;
}

const actionWords: Record<EscalationStatus, string> = {
  open: 'Reopen',
  contacted: 'Mark contacted',
  waiting: 'Waiting on the customer',
  resolved: 'Mark resolved',
};

/** The keys that press them (keyboard.ts); a reopening has none: it needs its reason typed first. */
const keys: Partial<Record<EscalationStatus, string>> = { contacted: 't', waiting: 'w', resolved: 'r' };

/** One button per change the state machine allows from the current status; a reopening needs its reason in the note. */
export function renderStatusButtons(item: StoredEscalation, note: string, onMark: (status: EscalationStatus) => void) {
  return transitions[item.status].map((to) => {
    const reason = needsReason(item.status, to);
    return html`<button
        class=${to === 'resolved' ? '' : 'secondary'}
        data-to=${to}
        aria-keyshortcuts=${keys[to] ?? nothing}
        ?disabled=${reason && !note.trim()}
        aria-describedby=${reason ? 'reopen-hint' : nothing}
        @click=${() => onMark(to)}
      >
        ${actionWords[to]}</button
      >${reason ? html`<span id="reopen-hint" class="muted">Say in the note why it is reopened.</span>` : nothing}`;
  });
}
