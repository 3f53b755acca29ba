// Classes and types only: no custom element is registered by importing this module
// (import '@escalate-kit/element/define' for that), so it is safe in SSR and in tests.
export { EscalateButton } from './escalate-button/escalate-button.ts';
export { EscalateProvider } from './escalate-provider/escalate-provider.ts';
export * from './escalate-button/events.ts';
export { escalationContext, type EscalationClientLike, type EscalationConfig } from './context.ts';
export type { EscalateStrings } from './strings/types.ts';
export { shellEn } from './strings/shell.ts';
