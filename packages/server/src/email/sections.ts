/**
 * The parts of the account team's e-mail: what was decided and why (docs/policy.md#respond-by),
 * how to reach the customer, and where the escalation came from. Everything the agent typed goes
 * through `oneLine` here; `layout.ts` escapes it for HTML.
 */
import { escalationReference, type EscalationPolicy } from '@escalate-kit/sdk';
import { deadlineWords, levelWords, signalWords } from '../decision/words.ts';
import type { StoredEscalation } from '../types.ts';
import { capitalise, formatDuration, humanise, inboxLink, oneLine } from './format.ts';
import type { Row, Section } from './layout.ts';

/** What every part reads: the escalation, the policy, and how times and teams are shown. */
export interface EmailContext {
  escalation: StoredEscalation;
  policy: EscalationPolicy;
  categoryLabel: string;
  formatTime(iso: string): string;
  teamName(id: string): string;
}

const contactMethodLabels: Record<string, string> = { call: 'Call', text: 'Text', email: 'Email' };

/** The urgency as decided (the agent's, or the one a rule fixed). */
export const urgencyOf = (e: StoredEscalation) => e.decision?.urgency ?? e.request.urgency ?? 'standard';

/** Task, category, urgency, deadlines, team, and the rest of the decision. */
export function summaryRows(ctx: EmailContext): Row[] {
  const { escalation, policy, formatTime, teamName } = ctx;
  const req = escalation.request;
  const decision = escalation.decision;
  const urgency = urgencyOf(escalation);
  const window = policy.urgencies[urgency];
  // The team reads "the same day" (docs/policy.md#contact-windows); the policy's phrase ("today") is worded for the customer.
  const windowText = window ? (window.businessDays === 0 ? 'the same day' : window.phrase) : undefined;
  const taskId = oneLine(req.taskId);
  const taskTitle = req.taskTitle === undefined ? undefined : oneLine(req.taskTitle);
  const forced = decision?.urgencyForcedBy ? ` (fixed by the policy: ${oneLine(decision.urgencyForcedBy)})` : '';
  const rows: Row[] = [
    { label: 'Task', value: taskTitle ? `${taskId} · ${taskTitle}` : taskId },
    { label: 'Category', value: ctx.categoryLabel },
    {
      label: 'Urgency',
      value: `${windowText ? `${capitalise(urgency)}: contact the customer ${windowText}` : capitalise(urgency)}${forced}`,
    },
    { label: 'Respond by', value: formatTime(escalation.respondBy) },
  ];
  if (decision) {
    rows.push({ label: 'Respond-by rule', value: oneLine(deadlineWords(decision.respondBy, decision, teamName)) });
    if (decision.resolveBy) {
      rows.push({ label: 'Resolve by', value: formatTime(decision.resolveBy.at) });
      rows.push({ label: 'Resolve-by rule', value: oneLine(deadlineWords(decision.resolveBy, decision, teamName)) });
    }
  }
  rows.push({ label: 'Team', value: teamName(escalation.team) });
  if (decision) {
    rows.push({ label: 'Level', value: oneLine(levelWords(decision)) });
    rows.push({ label: 'Priority', value: capitalise(decision.priority) });
    rows.push({ label: 'Mandatory', value: decision.mandatory ? 'Yes' : 'No' });
    const claimed = req.routing;
    if (
      claimed &&
      (claimed.team !== decision.team || claimed.level !== decision.level || (claimed.priority ?? decision.priority) !== decision.priority)
    ) {
      const priority = claimed.priority ? `, ${claimed.priority} priority` : '';
      rows.push({ label: 'Agent suggested', value: `${teamName(claimed.team)}, level ${claimed.level}${priority} (the server decides)` });
    }
    return rows;
  }
  // Stored before the server recorded its decision: the routing the client sent is what there is.
  const routing = req.routing;
  if (routing) {
    const levelName = policy.levels[String(routing.level)];
    rows.push({ label: 'Level', value: `${routing.level}${levelName ? ` (${oneLine(levelName)})` : ''}` });
    if (routing.team !== escalation.team) rows.push({ label: 'Routed to', value: teamName(routing.team) });
    if (routing.priority) {
      const targets = policy.priorities[routing.priority];
      rows.push({
        label: 'Priority',
        value: `${capitalise(routing.priority)}${targets ? ` (respond within ${formatDuration(targets.respond)}, resolve within ${formatDuration(targets.resolve)})` : ''}`,
      });
    }
  }
  return rows;
}

/** The rules that applied, in their own words, and what the agent said they know; `undefined` when neither. */
export function whySection(escalation: StoredEscalation): Section | undefined {
  const reasons = escalation.decision?.reasons ?? [];
  const signals = signalWords(escalation.request.signals);
  if (!reasons.length && !signals.length) return undefined;
  return {
    title: 'Why it goes there',
    ...(reasons.length && { body: reasons.map((r) => `- ${oneLine(r)}`).join('\n') }),
    ...(signals.length && { rows: [{ label: 'Signals', value: signals.map(oneLine).join('; ') }] }),
  };
}

/** How to reach the customer, and who they are. */
export function contactRows(escalation: StoredEscalation): Row[] {
  const req = escalation.request;
  const phone = req.contact?.phone ? oneLine(req.contact.phone) : undefined;
  const email = req.contact?.email ? oneLine(req.contact.email) : undefined;
  const preferred = req.contactMethod === 'email' ? email : phone;
  const rows: Row[] = [
    {
      label: 'Contact by',
      value: `${contactMethodLabels[req.contactMethod] ?? humanise(req.contactMethod)}${preferred ? ` ${preferred}` : ''}`,
    },
  ];
  if (phone) rows.push({ label: 'Phone', value: phone, href: `tel:${phone.replace(/[^\d+]/g, '')}` });
  if (email) rows.push({ label: 'E-mail', value: email, href: `mailto:${encodeURIComponent(email)}` });
  if (req.customer?.name) rows.push({ label: 'Customer', value: oneLine(req.customer.name) });
  if (req.customer?.accountId) rows.push({ label: 'Account', value: oneLine(req.customer.accountId) });
  return rows;
}

/** Who escalated, when, and where the escalation lives. */
export function referenceRows(ctx: EmailContext, inboxUrl: string | undefined): Row[] {
  const { escalation, formatTime } = ctx;
  const req = escalation.request;
  const agentName = req.agent?.name ? oneLine(req.agent.name) : undefined;
  const agentId = req.agent?.id ? oneLine(req.agent.id) : undefined;
  const rows: Row[] = [];
  if (agentName || agentId)
    rows.push({ label: 'Agent', value: agentName && agentId ? `${agentName} (${agentId})` : (agentName ?? agentId)! });
  rows.push({ label: 'Escalated at', value: formatTime(req.createdAt) });
  rows.push({ label: 'Received at', value: formatTime(escalation.receivedAt) });
  // What the agent gave the customer: a customer who calls back quotes it.
  rows.push({ label: 'Customer reference', value: escalationReference(oneLine(escalation.id)) });
  rows.push({ label: 'Escalation id', value: oneLine(escalation.id) });
  if (inboxUrl) {
    const url = inboxLink(inboxUrl, escalation.id);
    rows.push({ label: 'Inbox', value: url, href: url });
  }
  return rows;
}
