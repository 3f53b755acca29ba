/**
 * `@escalate-kit/server/email`: the account team's e-mail, sent with nodemailer. An entry point
 * of its own, so a handler that does not send e-mail never loads nodemailer
 * (docs/architecture.md#server).
 */
export { createEmailNotifier, createEmailNotifierFromEnv } from './email/notifier.ts';
export { defaultMailFrom, defaultMailTo, defaultOutboxDir } from './email/options.ts';
export type { EmailNotifier, EmailNotifierOptions, TeamRecipients } from './email/options.ts';
export { teamRecipientsFrom } from './email/teams.ts';
export { renderEscalationEmail } from './email/template.ts';
export type { RenderEmailOptions, RenderedEmail } from './email/template.ts';
export { renderFollowUpEmail, type RenderFollowUpOptions } from './email/follow-up-template.ts';
export { escapeHtml } from './email/format.ts';
