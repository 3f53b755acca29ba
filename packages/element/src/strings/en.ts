/**
 * Every word the widget shows, in English (the wording of "How to Escalate").
 * Hosts override any of them through the `strings` property; other locales are
 * objects of the same type (see `es.ts`).
 */
import { defaultPolicy, type ContactMethod, type EscalationPolicy, type Urgency } from '@escalate-kit/sdk';
import { shellEn } from './shell.ts';

export interface EscalateStrings {
  label: string;
  notConfigured: string;
  noTask: string;
  dialogTitle: string;
  dialogIntro: string;
  category: string;
  chooseCategory: string;
  /**
   * One message per field, replacing the SDK's (English, more specific) messages when given:
   * a locale sets these so errors read in its language.
   */
  fieldErrors?: Partial<Record<'category' | 'notes' | 'contactMethod' | 'phone' | 'email', string>>;
  /** Category names and hints by id; unknown ids fall back to the host's own labels. */
  categories: Record<string, { label: string; hint?: string }>;
  notes: string;
  notesExample: string;
  /** The note is empty. Not the label again: what is missing and why it matters. */
  notesRequired: string;
  /** The note is shorter than the policy's `notes.minLength`. */
  notesTooShort: (min: number) => string;
  charCount: (count: number, max: number) => string;
  contactMethod: string;
  methods: Record<ContactMethod, string>;
  phone: string;
  email: string;
  usingAddress: (address: string) => string;
  urgency: string;
  urgencies: Record<Urgency, string>;
  /** The policy fixed the urgency (fraud): which one, and the rule's reason. */
  urgencyFixed: (urgency: string, reason: string) => string;
  policyMandatory: string;
  policyTeam: (team: string) => string;
  teams: Record<string, string>;
  submit: string;
  submitting: string;
  cancel: string;
  close: string;
  retry: string;
  errorsSummary: (count: number) => string;
  successTitle: string;
  successSteps: (window: string, method: string) => string[];
  taskLine: (taskId: string, customer?: string, title?: string) => string;
  tellCustomer: string;
  queuedTitle: string;
  queuedBody: string;
  errorTitle: string;
  /** The detail of a failure, from the SDK's typed error (`kind`, `status`, `message`). */
  errorDetail: (error: { kind?: string; status?: number; message: string }) => string;
  /** The host passed data the contract refuses (e.g. a 300-character customer name). */
  hostDataInvalid: (detail: string) => string;
  /** When the customer is contacted, as said to the customer ("today", "within 2-3 business days"). */
  windows: Record<Urgency, string>;
  /** The customer script of "How to Escalate"; `{window}` and `{method}` are filled in. */
  script: EscalationPolicy['script'];
  frustratedLabel: string;
  noScript: string;
  draftRestored: string;
  /** The task already has an escalation that is not resolved (409 `task_already_escalated`). */
  alreadyTitle: (status: string) => string;
  alreadyBody: (reference: string) => string;
  /** Escalation statuses as the agent reads them. */
  statuses: Record<string, string>;
}

export const en: EscalateStrings = {
  ...shellEn,
  dialogTitle: 'Escalate to Account Team',
  dialogIntro: "You won't get in trouble for escalating! That's exactly what it's for.",
  category: 'Category',
  chooseCategory: 'Choose a category',
  categories: {
    complaint: { label: 'Complaint', hint: 'Customer unhappy or has problem' },
    billing: { label: 'Billing', hint: 'Payment, charges, refunds' },
    pricing: { label: 'Pricing', hint: 'Quote or estimate concerns' },
    technical: { label: 'Technical', hint: 'System or equipment problems' },
    other: { label: 'Other', hint: "Doesn't fit other categories" },
  },
  notes: "Write a quick note: what the issue is, what you tried, why you're escalating",
  notesExample:
    'Example: Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.',
  notesRequired: 'Add a note: the account team reads it before they contact the customer.',
  notesTooShort: (min) => `Add a little more (at least ${min} characters): the account team needs the issue, what you tried and why.`,
  charCount: (count, max) => `${count} / ${max} characters`,
  contactMethod: 'How should the account team contact the customer?',
  methods: { call: 'Call', text: 'Text', email: 'Email' },
  phone: "Customer's phone number",
  email: "Customer's e-mail address",
  usingAddress: (address) => `Using ${address}`,
  urgency: 'Urgency',
  urgencies: { standard: 'Standard (2-3 days)', urgent: 'Urgent (same day)' },
  urgencyFixed: (urgency, reason) => `Set to ${urgency} by our procedures: ${reason}.`,
  policyMandatory: 'Must be escalated.',
  policyTeam: (team) => `Suggested: ${team}.`,
  teams: defaultPolicy.teams.names,
  submit: 'Escalate to Account Team',
  submitting: 'Escalating…',
  cancel: 'Cancel',
  close: 'Close',
  retry: 'Retry',
  errorsSummary: (count) => (count === 1 ? 'One field needs your attention.' : `${count} fields need your attention.`),
  successTitle: 'Escalated to the Account Team',
  taskLine: (taskId, customer, title) => [`Task ${taskId}`, title, customer].filter(Boolean).join(' · '),
  successSteps: (window, method) => [
    'Task removed from your queue.',
    'The account team has been notified.',
    `They will contact the customer ${window} by ${method}.`,
    "You're free to claim your next task.",
  ],
  tellCustomer: 'What to tell the customer',
  queuedTitle: 'Saved, not sent yet',
  queuedBody:
    "You're offline or the escalation service can't be reached. Your escalation is saved on this device and will be sent automatically as soon as the connection is back. You don't need to send it again.",
  errorTitle: "The escalation wasn't sent",
  errorDetail: (error) => error.message,
  hostDataInvalid: (detail) => `This task's details can't be sent (${detail}). Ask your administrator.`,
  // The wording of the procedures lives once, in the SDK's policy.
  windows: { urgent: defaultPolicy.urgencies.urgent.phrase, standard: defaultPolicy.urgencies.standard.phrase },
  script: defaultPolicy.script,
  frustratedLabel: "If they're frustrated:",
  noScript: 'Suspected fraud: do not tell the caller about this escalation.',
  draftRestored: 'Your earlier notes for this task were restored.',
  alreadyTitle: (status) => `Already escalated · ${status}`,
  alreadyBody: (reference) =>
    `This task already has an escalation (reference ${reference}). The account team has it, so nothing new was sent. You're free to claim your next task.`,
  statuses: { open: 'open', contacted: 'contacted', resolved: 'resolved' },
};
