/**
 * `@escalate-kit/react`: the components, with `<escalate-button>` and `<escalate-provider>`
 * registered on import, as a React app expects of a component library. To register them yourself
 * (later, or from another bundle), import `@escalate-kit/react/components` instead.
 */
import '@escalate-kit/element/define';

export * from './components.ts';
export type {
  EscalateCloseEvent,
  EscalateDeliveredEvent,
  EscalateDoneEvent,
  EscalateErrorEvent,
  EscalateOpenEvent,
  EscalateOutcome,
  EscalateQueuedEvent,
  EscalateSubmitEvent,
  EscalateSuccessEvent,
} from '@escalate-kit/element';
