/**
 * `<EscalateButton>` and `<EscalateProvider>` for React 18 and 19, made with @lit/react: every
 * property of the element is a prop and is set as a property (objects such as `client`,
 * `categories`, `strings`, `policy`, `signals` and `context` stay objects), and the `escalate-*`
 * events are `onEscalate…` props typed with their event classes.
 *
 * This module registers nothing: render these before or after `@escalate-kit/element/define`
 * runs, in either order. Properties set before the element is defined are taken over by the
 * element when it upgrades, and listeners stay on the same node. `@escalate-kit/react` (the
 * package's main entry) imports the definitions for you.
 */
import * as React from 'react';
import { createComponent, type ReactWebComponent } from '@lit/react';
import { EscalateButton as EscalateButtonElement, EscalateProvider as EscalateProviderElement } from '@escalate-kit/element';
import { buttonEvents, providerEvents } from './events.ts';

export { buttonEvents, providerEvents } from './events.ts';

/**
 * Shares one endpoint or client, the categories, strings and policy with every button inside it.
 *
 * @example
 * <EscalateProvider endpoint="/api/escalations" agentId="agent-7" onEscalateDelivered={(e) => queue.remove(e.taskId)}>
 *   <TaskList />
 * </EscalateProvider>
 */
export const EscalateProvider: ReactWebComponent<EscalateProviderElement, typeof providerEvents> = createComponent({
  react: React,
  tagName: 'escalate-provider',
  elementClass: EscalateProviderElement,
  events: providerEvents,
  displayName: 'EscalateProvider',
});

/**
 * Escalates one task. Remove the task on `onEscalateDone`, when the agent has read the result.
 *
 * @example
 * <EscalateButton taskId="T-1042" taskTitle="Disputed $450 charge" onEscalateDone={(e) => remove(e.taskId)} />
 */
export const EscalateButton: ReactWebComponent<EscalateButtonElement, typeof buttonEvents> = createComponent({
  react: React,
  tagName: 'escalate-button',
  elementClass: EscalateButtonElement,
  events: buttonEvents,
  displayName: 'EscalateButton',
});
