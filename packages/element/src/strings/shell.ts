/**
 * The few strings the button shell needs before the dialog is loaded. Kept apart from
 * `en.ts` so a page full of closed buttons does not load the SDK just to say "Escalate".
 */
export const shellEn = {
  label: 'Escalate',
  notConfigured: 'Escalation is not available: no escalation endpoint is configured.',
  noTask: 'Escalation is not available: this task has no id.',
  /** The button of an escalated task for the moment it takes the dialog's module to arrive with the whole line. */
  escalatedShort: 'Escalated',
};
