/**
 * The e-mail the account team receives for one escalation (seed 000: "Account team receives
 * this email notification… Email includes all details you provided").
 *
 * Text and HTML are built from one list of rows so the two parts cannot drift apart: a
 * field added to one is in the other. Everything the agent typed is untrusted here: it is
 * HTML-escaped in the HTML part, and single-line fields lose any CR/LF so they cannot fake
 * extra lines (or, in the subject, extra headers).
 */
import { briefing, defaultCategories, defaultPolicy, parseNotes } from '@escalate-kit/sdk';
import type { CategoryDefinition, Duration, EscalationPolicy } from '@escalate-kit/sdk';
import type { StoredEscalation } from '../types.ts';

/** Options of {@link renderEscalationEmail}. */
export interface RenderEmailOptions {
  /**
   * The policy the server routes with: team and level names, priority targets and the
   * briefing template. Defaults to the SDK's `defaultPolicy` (the seeds).
   *
   * @example
   * ```ts
   * renderEscalationEmail(escalation, { policy: definePolicy({ teams: { names: { billing: 'Billing Desk' } } }) });
   * ```
   */
  policy?: EscalationPolicy;
  /**
   * Category ids → labels. Defaults to the five categories of seed 000; an id not listed is
   * shown as a readable form of the id ("card-dispute" → "Card dispute").
   *
   * @example
   * ```ts
   * renderEscalationEmail(escalation, { categories: [...defaultCategories, { id: 'shipping', label: 'Shipping' }] });
   * ```
   */
  categories?: readonly CategoryDefinition[];
  /**
   * The inbox page, to link the e-mail to the escalation. The link is `<inboxUrl>#<id>`, or
   * `inboxUrl` with `{id}` replaced when it has that placeholder. No link when absent.
   *
   * @example
   * ```ts
   * renderEscalationEmail(escalation, { inboxUrl: 'http://127.0.0.1:5173/inbox' });
   * // … "Open in the inbox: http://127.0.0.1:5173/inbox#6f1c…"
   * ```
   */
  inboxUrl?: string;
  /**
   * IANA time zone for the human-readable times (the ISO instant is always shown too).
   * Defaults to `'UTC'`, the zone the SDK computes deadlines in.
   *
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

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes the five characters that matter in HTML text and quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml(`<b title="x">Tom & Jerry's</b>`); // '&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;'
 * ```
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

// The SDK schema already rejects control characters in single-line fields, but a notifier
// may be handed a record built some other way (an import, a migration): never trust it.
// eslint-disable-next-line no-control-regex
const lineBreaksAndControls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of text: CR, LF and other control characters become a single space. */
function oneLine(value: string): string {
  return value.replace(lineBreaksAndControls, ' ').trim();
}

/** Multi-line text with `\n` line ends only, and no other control characters but tab. */
function multiLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function humanise(id: string): string {
  return capitalise(id.replace(/[-_]+/g, ' '));
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function formatDuration(d: Duration): string {
  if ('minutes' in d) return plural(d.minutes, 'minute');
  if ('hours' in d) return plural(d.hours, 'hour');
  return plural(d.businessDays, 'business day');
}

const contactMethodLabels: Record<string, string> = { call: 'Call', text: 'Text', email: 'Email' };

/** A value with a human part and, optionally, a machine part shown after it. */
interface Row {
  label: string;
  value: string;
  /** Rendered as a link in HTML. */
  href?: string;
}

interface Section {
  title: string;
  rows?: Row[];
  /** Free text that keeps its line breaks (the notes, the briefing). */
  body?: string;
}

function timeFormatter(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  return (iso) => {
    const d = new Date(iso);
    // An unparsable stored value is still shown, as it is: a wrong time is worse than a raw one.
    return Number.isNaN(d.getTime()) ? oneLine(iso) : `${format.format(d)} (${d.toISOString()})`;
  };
}

function inboxLink(inboxUrl: string, id: string): string {
  const encoded = encodeURIComponent(id);
  return inboxUrl.includes('{id}') ? inboxUrl.replaceAll('{id}', encoded) : `${inboxUrl.replace(/#.*$/, '')}#${encoded}`;
}

/**
 * Renders the account team's e-mail for one stored escalation: a subject naming category,
 * urgency and task, and text and HTML bodies with every detail the agent gave, the routing,
 * the respond-by time, and the briefing of seed 002.
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
  // Seed 000 says "Urgent = same day"; the policy's phrase ("today") is worded for the customer.
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

function renderText(heading: string, sections: Section[]): string {
  const out: string[] = [heading, ''];
  for (const s of sections) {
    out.push(s.title, '-'.repeat(s.title.length));
    if (s.body !== undefined) out.push(s.body, '');
    if (s.rows?.length) {
      const width = Math.max(...s.rows.map((r) => r.label.length)) + 2;
      for (const r of s.rows) out.push(`${`${r.label}:`.padEnd(width)}${r.value}`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Text with its line breaks, escaped for HTML. */
function htmlLines(value: string): string {
  return escapeHtml(value).replace(/\n/g, '<br>\n');
}

function renderHtml(subject: string, heading: string, sections: Section[]): string {
  const font = 'font-family:Arial,Helvetica,sans-serif';
  const body = sections
    .map((s) => {
      const title = `<h2 style="${font};font-size:15px;margin:20px 0 8px;color:#1f2937;border-bottom:1px solid #e5e7eb;padding-bottom:4px">${escapeHtml(s.title)}</h2>`;
      const text =
        s.body !== undefined
          ? `<div style="${font};font-size:14px;line-height:1.5;color:#111827;background:#f9fafb;border-left:3px solid #9ca3af;padding:8px 12px;margin:0 0 8px">${htmlLines(s.body)}</div>`
          : '';
      const rows = s.rows?.length
        ? `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${font};font-size:14px;color:#111827">${s.rows
            .map((r) => {
              const value = r.href
                ? `<a href="${escapeHtml(r.href)}" style="color:#1d4ed8">${htmlLines(r.value)}</a>`
                : htmlLines(r.value);
              return `<tr><th scope="row" align="left" valign="top" style="padding:3px 16px 3px 0;font-weight:600;color:#4b5563;white-space:nowrap">${escapeHtml(r.label)}</th><td valign="top" style="padding:3px 0">${value}</td></tr>`;
            })
            .join('\n')}</table>`
        : '';
      return `${title}\n${text}${rows}`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;background:#ffffff">
<div style="max-width:640px;margin:0 auto">
<h1 style="${font};font-size:18px;margin:0 0 12px;color:#111827">${escapeHtml(heading)}</h1>
${body}
</div>
</body>
</html>
`;
}
