/**
 * Registers `<escalate-provider>` and `<escalate-button>`. The only module of this package
 * with side effects; importing it twice (or next to another copy) is harmless.
 */
import { ContextRoot } from '@lit/context';
import { EscalateButton } from './escalate-button/escalate-button.ts';
import { EscalateProvider } from './escalate-provider/escalate-provider.ts';

// The provider first: buttons already in the page upgrade after it and find it. A
// ContextRoot replays requests made before any provider existed (e.g. a provider
// added later, or defined by another bundle).
const marker = Symbol.for('escalate-kit/context-root');
const root = globalThis as { [marker]?: ContextRoot };
if (!root[marker] && typeof document !== 'undefined') {
  root[marker] = new ContextRoot();
  root[marker].attach(document.documentElement);
}
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
