/**
 * Registers `<escalate-provider>` and `<escalate-button>`. The only module of this package
 * with side effects; importing it twice (or next to another copy) is harmless.
 */
import { EscalateButton } from './escalate-button/escalate-button.ts';
import { EscalateProvider } from './escalate-provider/escalate-provider.ts';

// The provider first: buttons already in the page upgrade after it and find it. A button that
// asked before any provider existed (a provider added later, or defined by another bundle) asks
// again when one announces itself (config-request.ts), so no ContextRoot is needed for it.
if (!customElements.get('escalate-provider')) customElements.define('escalate-provider', EscalateProvider);
if (!customElements.get('escalate-button')) customElements.define('escalate-button', EscalateButton);

// Types only, no code: with them this entry's .d.ts brings the events' GlobalEventHandlersEventMap
// entries along, so `import '@escalate-kit/element/define'` alone types `addEventListener('escalate-done', …)`.
export type * from './escalate-button/events.ts';
export type { EscalateButton, EscalateProvider };

declare global {
  interface HTMLElementTagNameMap {
    'escalate-provider': EscalateProvider;
    'escalate-button': EscalateButton;
  }
}
