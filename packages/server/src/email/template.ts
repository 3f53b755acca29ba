/**
 * The e-mail the account team receives for one escalation: every detail the agent gave, the
 * routing, the respond-by time and the briefing (docs/policy.md#briefing), as sections that
 * `layout.ts` turns into the text and HTML parts. Untrusted text goes through `format.ts`.
 */
import { briefing, defaultCategories, defaultPolicy, parseNotes } from '@escalate-kit/sdk';
import type { CategoryDefinition, EscalationPolicy } from '@escalate-kit/sdk';
import type { StoredEscalation } from '../types.ts';
import { capitalise, formatDuration, humanise, inboxLink, multiLine, oneLine, timeFormatter } from './format.ts';
import { renderHtml, renderText, type Row, type Section } from './layout.ts';

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
   * IANA time zone for the human-readable times (the ISO instant is always shown too).
   * @default 'UTC' (the zone the SDK computes deadlines in)
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

const contactMethodLabels: Record<string, string> = { call: 'Call', text: 'Text', email: 'Email' };

/**
 * Renders the account team's e-mail for one stored escalation: a subject naming category,
 * urgency and task, and text and HTML bodies with every detail the agent gave, the routing,
 * the respond-by time, and the briefing (docs/policy.md#briefing).
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
  const formatTime = timeFormatter(options.timeZone ?? 'UTC');
  const req = escalation.request;

  const categoryLabel = oneLine(categories.find((c) => c.id === req.category)?.label ?? humanise(req.category));
  const urgency = req.urgency ?? 'standard';
  const urgencyLabel = capitalise(urgency);
  const window = policy.urgencies[urgency];
  // The team reads "the same day" (docs/policy.md#contact-windows); the policy's phrase ("today") is worded for the customer.
  const windowText = window ? (window.businessDays === 0 ? 'the same day' : window.phrase) : undefined;
  const teamName = (id: string) => oneLine(policy.teams.names[id] ?? humanise(id));
  const team = teamName(escalation.team);
  const taskId = oneLine(req.taskId);
  const taskTitle = req.taskTitle === undefined ? undefined : oneLine(req.taskTitle);

  const subject = oneLine(`[Escalation] ${categoryLabel} · ${urgencyLabel} · Task ${taskId}${taskTitle ? `: ${taskTitle}` : ''}`);

  const summary: Row[] = [
    { label: 'Task', value: taskTitle ? `${taskId} · ${taskTitle}` : taskId },
    { label: 'Category', value: categoryLabel },
    { label: 'Urgency', value: windowText ? `${urgencyLabel}: contact the customer ${windowText}` : urgencyLabel },
    { label: 'Respond by', value: formatTime(escalation.respondBy) },
    { label: 'Team', value: team },
  ];
  const routing = req.routing;
  if (routing) {
    const levelName = policy.levels[String(routing.level)];
    summary.push({ label: 'Level', value: `${routing.level}${levelName ? ` (${oneLine(levelName)})` : ''}` });
    if (routing.team !== escalation.team) summary.push({ label: 'Routed to', value: teamName(routing.team) });
    if (routing.priority) {
      const targets = policy.priorities[routing.priority];
      summary.push({
        label: 'Priority',
        value: `${capitalise(routing.priority)}${targets ? ` (respond within ${formatDuration(targets.respond)}, resolve within ${formatDuration(targets.resolve)})` : ''}`,
      });
    }
  }

  const phone = req.contact?.phone ? oneLine(req.contact.phone) : undefined;
  const email = req.contact?.email ? oneLine(req.contact.email) : undefined;
  const preferred = req.contactMethod === 'email' ? email : phone;
  const contact: Row[] = [
    {
      label: 'Contact by',
      value: `${contactMethodLabels[req.contactMethod] ?? humanise(req.contactMethod)}${preferred ? ` ${preferred}` : ''}`,
    },
  ];
  if (phone) contact.push({ label: 'Phone', value: phone, href: `tel:${phone.replace(/[^\d+]/g, '')}` });
  if (email) contact.push({ label: 'E-mail', value: email, href: `mailto:${encodeURIComponent(email)}` });
  const customerName = req.customer?.name ? oneLine(req.customer.name) : undefined;
  const accountId = req.customer?.accountId ? oneLine(req.customer.accountId) : undefined;
  if (customerName) contact.push({ label: 'Customer', value: customerName });
  if (accountId) contact.push({ label: 'Account', value: accountId });

  const notes = multiLine(req.notes);
  const parsed = parseNotes(notes);
  const parts: Row[] = [];
  if (parsed.issue) parts.push({ label: 'Issue', value: parsed.issue });
  if (parsed.tried) parts.push({ label: 'Tried', value: parsed.tried });
  if (parsed.why) parts.push({ label: 'Why', value: parsed.why });

  const brief = briefing(
    {
      escalationPoint: team,
      customerName,
      accountId,
      // Unlabelled notes parse as all issue, so this is only empty for blank notes.
      issue: parsed.issue ?? oneLine(notes),
      tried: parsed.tried,
    },
    policy,
  );

  const agentName = req.agent?.name ? oneLine(req.agent.name) : undefined;
  const agentId = req.agent?.id ? oneLine(req.agent.id) : undefined;
  const reference: Row[] = [];
  if (agentName || agentId) {
    reference.push({ label: 'Agent', value: agentName && agentId ? `${agentName} (${agentId})` : (agentName ?? agentId)! });
  }
  reference.push({ label: 'Escalated at', value: formatTime(req.createdAt) });
  reference.push({ label: 'Received at', value: formatTime(escalation.receivedAt) });
  reference.push({ label: 'Escalation id', value: oneLine(escalation.id) });
  if (options.inboxUrl) {
    const url = inboxLink(options.inboxUrl, escalation.id);
    reference.push({ label: 'Inbox', value: url, href: url });
  }

  const contextRows: Row[] = Object.entries(req.context ?? {}).map(([k, v]) => ({ label: oneLine(k), value: oneLine(String(v)) }));

  const sections: Section[] = [
    { title: 'Escalation', rows: summary },
    { title: 'Customer contact', rows: contact },
    { title: 'Notes from the agent', body: notes, rows: parts },
    { title: 'Briefing', body: brief },
  ];
  if (contextRows.length) sections.push({ title: 'Context from the host app', rows: contextRows });
  sections.push({ title: 'Reference', rows: reference });

  const heading = `Escalation for the ${team}: ${categoryLabel}, ${urgencyLabel.toLowerCase()}, task ${taskId}`;
  return { subject, text: renderText(heading, sections), html: renderHtml(subject, heading, sections) };
}
