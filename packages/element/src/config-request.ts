/**
 * How a button asks its provider for the configuration without a subscription per button.
 * Not in the public API (nor in the manifest): `escalationContext` (context.ts) is the protocol
 * hosts and other elements use.
 */
import { ContextEvent } from '@lit/context';
import { escalationContext } from './context.ts';

/**
 * A button's request for the configuration. It is an ordinary `context-request` (subscribe:
 * true), so any provider of `escalationContext` answers it and keeps it up to date; but
 * `<escalate-provider>` recognises this class and answers it once, keeping nothing. A
 * subscription costs the provider a map entry and two closures per button (with the consumer
 * controller, a sixth of what a row of a long task list weighed); such a button hears of a
 * change through `askAgain` instead.
 */
export class ConfigRequestEvent extends ContextEvent<typeof escalationContext> {}

/**
 * The buttons in the page, each with how to make it request again: one map entry per button
 * (the function is shared by every button of a class, so that it can reach their private state).
 */
const consumers = new Map<object, (consumer: never) => void>();

let heard = false;

export function listen<T extends object>(consumer: T, ask: (consumer: T) => void): void {
  consumers.set(consumer, ask);
  if (heard) return;
  heard = true;
  // Any provider of the context announces itself when it connects (`context-provider`, the
  // protocol's event, which bubbles out of shadow roots): a button that asked before it existed
  // asks again. This is what a ContextRoot does, for these buttons only and without keeping
  // their requests (the page keeps the buttons anyway).
  document.addEventListener('context-provider', (e) => {
    if ((e as Event & { context?: unknown }).context === escalationContext) askAgain();
  });
}
export const stopListening = (consumer: object) => void consumers.delete(consumer);

/**
 * Asks every connected button to request its configuration again: a provider's settings
 * changed, or a provider arrived (which is how a button in the page before its provider was
 * defined or added finds it). Rare (settings are set once), so one request per button of the
 * page then costs less than a subscription per button for as long as the page lives.
 */
export function askAgain(): void {
  for (const [consumer, ask] of consumers) (ask as (c: object) => void)(consumer);
}
