/**
 * What the dialog needs from the element that hosts it, and nothing more: the dialog code is
 * loaded lazily and must not import the button class (that would tie the two modules in a cycle
 * and let the dialog reach into the button's internals). Shaped like the minimal hosts of
 * `@lit/context` controllers: a reactive controller host that is also an element.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ContactMethod, Signals, Urgency } from '@escalate-kit/sdk';
import type { EscalationConfig } from '../../context.ts';

export interface DialogHost
  extends ReactiveControllerHost, Pick<HTMLElement, 'dispatchEvent' | 'ownerDocument' | 'closest' | 'getRootNode'> {
  /** The shadow root the dialog renders into, adopts its styles into and moves focus within. */
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The configuration in force (own settings over the provider's). */
  readonly config: EscalationConfig;

  readonly taskId: string;
  readonly taskTitle?: string | undefined;
  /** Presets for the form; a draft of the same task wins over them. */
  readonly category?: string | undefined;
  readonly contactMethod?: ContactMethod | undefined;
  readonly urgency?: Urgency | undefined;

  readonly customerName?: string | undefined;
  readonly customerEmail?: string | undefined;
  readonly customerPhone?: string | undefined;
  readonly accountId?: string | undefined;
  readonly signals?: Signals | undefined;
  readonly context?: Record<string, string | number | boolean> | undefined;
}
