export { escapeHtml, renderEscalationEmail } from './template.ts';
export type { RenderEmailOptions, RenderedEmail } from './template.ts';
export { createEmailNotifier, createEmailNotifierFromEnv, defaultMailFrom, defaultMailTo, defaultOutboxDir } from './email.ts';
export type { EmailNotifier, EmailNotifierOptions } from './email.ts';
