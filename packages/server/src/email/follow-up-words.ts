/**
 * What each follow-up e-mail says (docs/policy.md#follow-up), one entry per kind: the subject's
 * tag, the heading and the opening sentence. The facts (reference, task, team, level, deadline,
 * link) are the same rows in every kind (`follow-up-template.ts`).
 */
import type { FollowUpKind } from '../sla/kinds.ts';

/** What a kind's words are filled in with, every value already single-line. */
export interface FollowUpFacts {
  task: string;
  team: string;
  /** "level 2 (Supervisor / Manager)". */
  level: string;
  /** The deadline or the change's time, as people read it. */
  when: string;
}

export interface FollowUpWords {
  /** The subject, without the task. */
  subject(f: FollowUpFacts): string;
  heading(f: FollowUpFacts): string;
  /** The opening paragraph: what happened and what to do. */
  lead(f: FollowUpFacts): string;
  /** The label of the time row. */
  whenLabel: string;
}

export const followUpWords: Record<FollowUpKind, FollowUpWords> = {
  'respond-reminder': {
    subject: (f) => `[Reminder] Respond by ${f.when}`,
    heading: (f) => `Reminder: task ${f.task} needs an answer by ${f.when}`,
    lead: (f) =>
      `The customer has not been contacted yet and the respond-by deadline is near (${f.when}). ` +
      `Contact them, or say in the inbox why you are waiting; the ${f.team} is at ${f.level}.`,
    whenLabel: 'Respond by',
  },
  'resolve-reminder': {
    subject: (f) => `[Reminder] Resolve by ${f.when}`,
    heading: (f) => `Reminder: task ${f.task} must be resolved by ${f.when}`,
    lead: (f) =>
      `The escalation is not resolved yet and the resolve-by deadline is near (${f.when}). ` +
      `Keep the customer updated at the committed times, even without a resolution yet.`,
    whenLabel: 'Resolve by',
  },
  'respond-breach': {
    subject: (f) => `[Overdue · ${f.level}] No answer by ${f.when}`,
    heading: (f) => `Chase if no update: task ${f.task} was not answered by ${f.when}`,
    lead: (f) =>
      `The respond-by deadline passed without a contact with the customer. The escalation went up to ${f.level}: ` +
      `chase the ${f.team} if there is no update, and make sure the customer hears from us.`,
    whenLabel: 'Respond-by was',
  },
  'resolve-breach': {
    subject: (f) => `[Overdue · ${f.level}] Not resolved by ${f.when}`,
    heading: (f) => `Chase if no update: task ${f.task} was not resolved by ${f.when}`,
    lead: (f) =>
      `The resolve-by deadline passed and the escalation is still open. It went up to ${f.level}: ` +
      `chase the ${f.team} if there is no update, and have the customer told honestly about the delay.`,
    whenLabel: 'Resolve-by was',
  },
  'agent-contacted': {
    subject: () => `[Update] Your escalation: the customer was contacted`,
    heading: (f) => `Your escalation of task ${f.task}: the customer was contacted`,
    lead: (f) => `The ${f.team} contacted the customer (${f.when}). You will hear again when it is resolved.`,
    whenLabel: 'Contacted',
  },
  'agent-resolved': {
    subject: () => `[Update] Your escalation was resolved`,
    heading: (f) => `Your escalation of task ${f.task} was resolved`,
    lead: (f) => `The ${f.team} resolved it (${f.when}). The loop is closed; the inbox has what was done.`,
    whenLabel: 'Resolved',
  },
};
