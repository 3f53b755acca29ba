/**
 * What the SLA clock and the closing of the loop send (docs/policy.md#follow-up), each a
 * notification kind of its own: its Message-ID (`<id.kind@domain>`) is then fixed per escalation
 * and kind, and each is sent once per escalation.
 */

/** The deadlines of an escalation the clock watches (docs/policy.md#respond-by). */
export const slaDeadlines = ['respond', 'resolve'] as const;
export type SlaDeadline = (typeof slaDeadlines)[number];

/**
 * `<deadline>-reminder`: the owner (or the team) before the deadline passes; `<deadline>-breach`:
 * the deadline passed, the escalation went one level up and that level is told to chase it;
 * `agent-contacted` and `agent-resolved`: the agent who escalated hears how it went.
 */
export const followUpKinds = [
  'respond-reminder',
  'respond-breach',
  'resolve-reminder',
  'resolve-breach',
  'agent-contacted',
  'agent-resolved',
] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export const reminderKinds = ['respond-reminder', 'resolve-reminder'] as const satisfies readonly FollowUpKind[];
export const breachKinds = ['respond-breach', 'resolve-breach'] as const satisfies readonly FollowUpKind[];
export const agentKinds = ['agent-contacted', 'agent-resolved'] as const satisfies readonly FollowUpKind[];

export const isReminder = (kind: string): kind is (typeof reminderKinds)[number] => (reminderKinds as readonly string[]).includes(kind);
export const isBreach = (kind: string): kind is (typeof breachKinds)[number] => (breachKinds as readonly string[]).includes(kind);
export const isAgentKind = (kind: string): kind is (typeof agentKinds)[number] => (agentKinds as readonly string[]).includes(kind);

/** The deadline a reminder or breach is about. */
export const deadlineOf = (kind: FollowUpKind): SlaDeadline | undefined =>
  kind.startsWith('respond-') ? 'respond' : kind.startsWith('resolve-') ? 'resolve' : undefined;

/** What a follow-up message says besides the escalation: handed to the notifier with its kind. */
export interface FollowUpDetails {
  /**
   * The deadline (ISO) a reminder warns of or a breach passed, moved later by the time the clock
   * was stopped; for the agent's messages, when the status changed.
   */
  dueAt: string;
  /** The level the escalation is at: for a breach, the level it was raised to, which is told to chase. */
  level: number;
}
