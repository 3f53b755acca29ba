// Classes and types only: no custom element is registered by importing this module
// (import '@escalate-kit/element/define' for that), so it is safe in SSR and in tests.
export { EscalateButton } from './escalate-button/escalate-button.ts';
export { EscalateProvider } from './escalate-provider/escalate-provider.ts';
export * from './escalate-button/events.ts';
export { escalationContext, type EscalationClientLike, type EscalationConfig } from './context.ts';
export type { EscalateStrings } from './strings/types.ts';
export { shellEn } from './strings/shell.ts';
// The SDK's types that the elements' properties and events use, so that a host (and the
// custom-elements manifest, which names them) finds every one of them in this package.
export type {
  CategoryDefinition,
  ContactMethod,
  EscalationError,
  EscalationPolicy,
  EscalationReceipt,
  EscalationRequest,
  EscalationState,
  QueuedReason,
  Signals,
  Urgency,
} from '@escalate-kit/sdk';
