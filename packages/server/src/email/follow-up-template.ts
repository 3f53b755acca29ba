/**
 * The follow-up e-mails (docs/policy.md#follow-up): a reminder before a deadline, "chase if no
 * update" at a breach, and the agent's updates on contact and resolution. In the style of the
 * team's first e-mail (`template.ts`): sections laid out as text and HTML by `layout.ts`, every
 * stored value made single-line by `format.ts` and escaped in the HTML.
 */
import { escalationReference, defaultPolicy, type EscalationPolicy } from '@escalate-kit/sdk';
import type { FollowUpDetails, FollowUpKind } from '../sla/kinds.ts';
import type { StoredEscalation } from '../types.ts';
import { capitalise, humanise, inboxLink, knownZone, oneLine, timeFormatter } from './format.ts';
import { renderHtml, renderText, type Row } from './layout.ts';
import { followUpWords } from './follow-up-words.ts';
import type { RenderedEmail } from './template.ts';

/** Options of {@link renderFollowUpEmail}: those of the team's e-mail that apply. */
export interface RenderFollowUpOptions {
  /**
   * The policy: team and level names.
   * @default the SDK's `defaultPolicy` (docs/policy.md)
   * @example renderFollowUpEmail(escalation, 'respond-breach', details, { policy })
   */
  policy?: EscalationPolicy;
  /**
   * The inbox page; the e-mail links to `<inboxUrl>#<id>` (or replaces `{id}`).
   * @default undefined (no link)
   * @example renderFollowUpEmail(escalation, 'agent-resolved', details, { inboxUrl: 'http://127.0.0.1:5173/inbox' })
   */
  inboxUrl?: string;
  /**
   * IANA zone of the times when the escalation has no decision (its team's zone otherwise).
   * @default 'UTC'
   * @example renderFollowUpEmail(escalation, 'resolve-reminder', details, { timeZone: 'Europe/Madrid' })
   */
  timeZone?: string;
}

/**
 * Renders the e-mail of one follow-up: the subject names what happened and the task; the body
 * says what to do, then the reference, task, team, level, deadline (moved by the time the
 * clock was stopped), status, owner and the link to the escalation in the inbox.
 *
 * @example
 * ```ts
 * const { subject } = renderFollowUpEmail(stored, 'respond-breach', { dueAt: '2025-11-14T14:00:00Z', level: 2 });
 * subject; // '[Overdue · level 2 (Supervisor / Manager)] No answer by Fri, 14 Nov 2025, 14:00 UTC · Task T-1042'
 * ```
 */
export function renderFollowUpEmail(
  escalation: StoredEscalation,
  kind: FollowUpKind,
  details: FollowUpDetails,
  options: RenderFollowUpOptions = {},
): RenderedEmail {
  const policy = options.policy ?? defaultPolicy;
  const zone = knownZone(escalation.decision?.timeZone);
  const formatTime = timeFormatter(zone ?? options.timeZone ?? 'UTC', zone !== undefined);
  const levelName = policy.levels[String(details.level)];
  const team = oneLine(policy.teams.names[escalation.team] ?? humanise(escalation.team));
  const task = oneLine(escalation.request.taskId);
  const taskTitle = escalation.request.taskTitle === undefined ? undefined : oneLine(escalation.request.taskTitle);
  const when = formatTime(details.dueAt);
  // The subject and heading carry the readable time only; the rows carry the ISO instant too.
  const facts = {
    task,
    team,
    level: `level ${details.level}${levelName ? ` (${oneLine(levelName)})` : ''}`,
    when: when.replace(/ \([^()]*\)$/, ''),
  };
  const words = followUpWords[kind];

  const rows: Row[] = [
    { label: 'Customer reference', value: escalationReference(oneLine(escalation.id)) },
    { label: 'Task', value: taskTitle ? `${task} · ${taskTitle}` : task },
    { label: 'Team', value: team },
    { label: 'Level', value: capitalise(facts.level) },
    { label: words.whenLabel, value: when },
    { label: 'Status', value: capitalise(escalation.status) },
  ];
  if (escalation.assignee) rows.push({ label: 'Owner', value: oneLine(escalation.assignee.name) });
  rows.push({ label: 'Escalation id', value: oneLine(escalation.id) });
  if (options.inboxUrl) {
    const url = inboxLink(options.inboxUrl, escalation.id);
    rows.push({ label: 'Inbox', value: url, href: url });
  }
  const sections = [
    { title: 'What to do', body: words.lead(facts) },
    { title: 'Escalation', rows },
  ];
  const subject = oneLine(`${words.subject(facts)} · Task ${task}`);
  const heading = words.heading(facts);
  return { subject, text: renderText(heading, sections), html: renderHtml(subject, heading, sections) };
}
