/**
 * The e-mail the receiving team gets for one escalation: what the server decided and why, the
 * briefing (docs/policy.md#briefing), how to reach the customer, as sections that `layout.ts`
 * turns into the text and HTML parts. Untrusted text goes through `format.ts`.
 */
import { briefingFor, defaultCategories, defaultPolicy } from '@escalate-kit/sdk';
import type { CategoryDefinition, EscalationPolicy, EscalationRequest } from '@escalate-kit/sdk';
import type { StoredEscalation } from '../types.ts';
import { capitalise, humanise, knownZone, multiLine, oneLine, timeFormatter } from './format.ts';
import { renderHtml, renderText, type Section } from './layout.ts';
import { leftOutOfNote } from './note.ts';
import { contactRows, referenceRows, summaryRows, urgencyOf, whySection, type EmailContext } from './sections.ts';

/** Options of {@link renderEscalationEmail}. */
export interface RenderEmailOptions {
  /**
   * The policy the server routes with: team and level names, priority targets and the
   * briefing template.
   * @default the SDK's `defaultPolicy` (docs/policy.md)
   * @example
   * ```ts
   * renderEscalationEmail(escalation, { policy: definePolicy({ teams: { names: { billing: 'Billing Desk' } } }) });
   * ```
   */
  policy?: EscalationPolicy;
  /**
   * Category ids → labels. An id not listed is shown as a readable form of the id
   * ("card-dispute" → "Card dispute").
   * @default the SDK's `defaultCategories` (docs/policy.md#categories)
   * @example
   * ```ts
   * renderEscalationEmail(escalation, { categories: [...defaultCategories, { id: 'shipping', label: 'Shipping' }] });
   * ```
   */
  categories?: readonly CategoryDefinition[];
  /**
   * The inbox page, to link the e-mail to the escalation. The link is `<inboxUrl>#<id>`, or
   * `inboxUrl` with `{id}` replaced when it has that placeholder.
   * @default undefined (no link)
   * @example
   * ```ts
   * renderEscalationEmail(escalation, { inboxUrl: 'http://127.0.0.1:5173/inbox' });
   * // … "Open in the inbox: http://127.0.0.1:5173/inbox#6f1c…"
   * ```
   */
  inboxUrl?: string;
  /**
   * IANA time zone for the human-readable times (the ISO instant is always shown too) of an
   * escalation stored without a decision; a decided one is shown in the zone its business days
   * were counted in, the team's (docs/policy.md#business-days), named after each time.
   * @default 'UTC'
   * @example
   * ```ts
   * renderEscalationEmail(escalation, { timeZone: 'America/Chicago' });
   * ```
   */
  timeZone?: string;
}

/** A rendered e-mail. `subject` is always a single line. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The briefing (docs/policy.md#briefing) from the request, the decided routing and the respond-by
 * deadline, as one line: what the agent typed is made single-line first, so no part of it can
 * fake a line of its own.
 */
function briefingOf(escalation: StoredEscalation, policy: EscalationPolicy, notes: string): string {
  const req = escalation.request;
  const line = (v: string | undefined) => (v === undefined ? undefined : oneLine(v));
  const request: Pick<EscalationRequest, 'notes' | 'customer' | 'signals' | 'customerRequest' | 'recommendation'> = {
    notes,
    signals: req.signals,
    customerRequest: line(req.customerRequest),
    recommendation: line(req.recommendation),
    customer: req.customer && { name: line(req.customer.name), accountId: line(req.customer.accountId) },
  };
  const decision = escalation.decision;
  // Stored without a decision: the team it went to, and no deadline sentence (no rule is known).
  const routing = decision ?? { team: escalation.team, level: 1, levelName: '', priority: 'medium' as const };
  return oneLine(briefingFor(request, routing, policy, decision?.respondBy));
}

/**
 * Renders the receiving team's e-mail for one stored escalation: a subject naming category,
 * urgency and task, and text and HTML bodies with the decision (team, level, priority, urgency,
 * the deadlines and the rules that set them, the reasons), the briefing, the customer's contact
 * and the reference. The note is in the briefing; what of it the briefing leaves out (text before
 * an `Issue:` label) is shown besides, and nothing else of it.
 *
 * @example
 * ```ts
 * const { subject, text, html } = renderEscalationEmail(stored, { inboxUrl: 'http://127.0.0.1:5173/inbox' });
 * subject; // '[Escalation] Billing · Urgent · Task T-1042'
 * ```
 */
export function renderEscalationEmail(escalation: StoredEscalation, options: RenderEmailOptions = {}): RenderedEmail {
  const policy = options.policy ?? defaultPolicy;
  const categories = options.categories ?? defaultCategories;
  const req = escalation.request;
  const zone = knownZone(escalation.decision?.timeZone);
  const ctx: EmailContext = {
    escalation,
    policy,
    categoryLabel: oneLine(categories.find((c) => c.id === req.category)?.label ?? humanise(req.category)),
    formatTime: timeFormatter(zone ?? options.timeZone ?? 'UTC', zone !== undefined),
    teamName: (id) => oneLine(policy.teams.names[id] ?? humanise(id)),
  };
  const urgencyLabel = capitalise(urgencyOf(escalation));
  const team = ctx.teamName(escalation.team);
  const taskId = oneLine(req.taskId);
  const taskTitle = req.taskTitle === undefined ? undefined : oneLine(req.taskTitle);
  const subject = oneLine(`[Escalation] ${ctx.categoryLabel} · ${urgencyLabel} · Task ${taskId}${taskTitle ? `: ${taskTitle}` : ''}`);

  const notes = multiLine(req.notes);
  const leftOut = leftOutOfNote(notes);
  const why = whySection(escalation);
  const contextRows = Object.entries(req.context ?? {}).map(([k, v]) => ({ label: oneLine(k), value: oneLine(String(v)) }));
  const sections: Section[] = [
    { title: 'Escalation', rows: summaryRows(ctx) },
    ...(why ? [why] : []),
    { title: 'Briefing', body: briefingOf(escalation, policy, notes) },
    // Each fact once: the briefing quotes the note; only what it leaves out is shown besides.
    ...(leftOut ? [{ title: "Also in the agent's note", body: leftOut }] : []),
    { title: 'Customer contact', rows: contactRows(escalation) },
    ...(contextRows.length ? [{ title: 'Context from the host app', rows: contextRows }] : []),
    { title: 'Reference', rows: referenceRows(ctx, options.inboxUrl) },
  ];

  const heading = `Escalation for the ${team}: ${ctx.categoryLabel}, ${urgencyLabel.toLowerCase()}, task ${taskId}`;
  return { subject, text: renderText(heading, sections), html: renderHtml(subject, heading, sections) };
}
