/**
 * One escalation with what the server decided and why, everything the agent wrote, its history,
 * and the buttons that mark it contacted or resolved with a note typed on it.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { escalationReference, parseNotes } from '@escalate-kit/sdk';
import type { EscalationStatus, StoredEscalation } from '../../types.ts';
import { when, type Labels } from '../format.ts';
import { renderCase, renderDecision } from './decision.ts';
import { renderBriefingAndScript, renderContactLinks, renderStatusButtons } from './follow-up.ts';
import { renderHistory } from './history.ts';
import { renderOwner, type OwnerView } from './owner.ts';
import { renderClock } from './sla.ts';

export interface DetailView extends OwnerView {
  item: StoredEscalation;
  now: number;
  labels: Labels;
  /** Whether this person may change the status and write notes (a member or a lead): an agent only reads. */
  canChange: boolean;
  /** The note typed on this escalation and not saved yet. */
  draft: string;
  onDraft(text: string): void;
  onMark(status: EscalationStatus): void;
  /** A name for a user id the history mentions, when the inbox knows one. */
  names(userId: string): string | undefined;
}

export function renderDetail(view: DetailView) {
  const { item, now, labels, canChange, draft, onDraft, onMark } = view;
  const r = item.request;
  const parts = parseNotes(r.notes);
  const address = r.contactMethod === 'email' ? r.contact.email : r.contact.phone;
  return html`<h2 tabindex="-1">Task ${r.taskId}${r.taskTitle ? ` · ${r.taskTitle}` : ''}</h2>
    <dl>
      <dt>Category</dt>
      <dd>${labels.category(r.category)}</dd>
      <dt>SLA clock</dt>
      <dd>${renderClock(item, now)}</dd>
      ${renderDecision(item, labels)} ${renderCase(item)}
      <dt>Contact</dt>
      <dd>${r.contactMethod} · ${address ?? ''} ${renderContactLinks(item)}</dd>
      <dt>Customer</dt>
      <dd>${r.customer?.name ?? '—'}${r.customer?.accountId ? ` · account ${r.customer.accountId}` : ''}</dd>
      <dt>Agent</dt>
      <dd>${[r.agent?.name, r.agent?.id].filter(Boolean).join(' · ') || '—'}</dd>
      <dt>Status</dt>
      <dd>${item.status}</dd>
      ${renderOwner(view)}
      <dt>E-mail</dt>
      <dd>
        ${item.notification.state}${item.notification.lastError ? html` · <span class="error">${item.notification.lastError}</span>` : nothing}
      </dd>
      <dt>Received</dt>
      <dd>${when(item.receivedAt)}</dd>
      <dt>Customer reference</dt>
      <dd>${escalationReference(item.id)}</dd>
      ${Object.entries(r.context ?? {}).map(
        ([k, v]) =>
          html`<dt>${k}</dt>
            <dd>${String(v)}</dd>`,
      )}
    </dl>
    ${renderBriefingAndScript(item)}
    <h3>Notes</h3>
    <p class="notes">${r.notes}</p>
    ${
      parts.tried || parts.why
        ? html`<dl>
            ${
              parts.issue
                ? html`<dt>Issue</dt>
                    <dd>${parts.issue}</dd>`
                : nothing
            }
            ${
              parts.tried
                ? html`<dt>Tried</dt>
                    <dd>${parts.tried}</dd>`
                : nothing
            }
            ${
              parts.why
                ? html`<dt>Why</dt>
                    <dd>${parts.why}</dd>`
                : nothing
            }
          </dl>`
        : nothing
    }
    ${renderHistory(item.history, view.names)} ${canChange ? renderActions({ item, draft, onDraft, onMark }) : nothing}`;
}

/** The note box and the status buttons, for those who may use them. */
function renderActions({ item, draft, onDraft, onMark }: Pick<DetailView, 'item' | 'draft' | 'onDraft' | 'onMark'>) {
  const r = item.request;
  return html`<div class="actions">
    <label
      >Note on task ${r.taskId}
      <textarea
        id="note"
        rows="2"
        .value=${live(draft)}
        @input=${(e: Event) => onDraft((e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </label>
    ${renderStatusButtons(item, draft, onMark)}
  </div>`;
}
