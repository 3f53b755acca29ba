import { createEscalationClient, defaultCategories, type EscalationClient, type EscalationState } from '@escalate-kit/sdk';
import type { EscalationConfig } from '../../context.ts';
import { EscalateDeliveredEvent, EscalateErrorEvent } from '../../outbox-events.ts';

// One client per endpoint for the whole page: a task list of 1,000 buttons shares one
// outbox, one `online` listener and one retry timer instead of a thousand.
const clients = new Map<string, EscalationClient<string>>();

/** The shared client for an endpoint, created with the SDK's defaults. */
export function clientFor(endpoint: string, categories: readonly string[]): EscalationClient<string> {
  const key = `${endpoint}\n${categories.join(',')}`;
  let client = clients.get(key);
  if (!client) {
    client = createEscalationClient({ endpoint, categories });
    // The button that queued an escalation may be gone (a reload); the page still hears of it.
    client.addEventListener('delivered', (e) => document.dispatchEvent(new EscalateDeliveredEvent(e.request.taskId, e.request, e.receipt)));
    // And of one the outbox gave up on: no call is waiting for it, so the page is told.
    client.addEventListener('error', (e) => {
      if (e.fromOutbox && e.request) document.dispatchEvent(new EscalateErrorEvent(e.request.taskId, e.error, e.request));
    });
    clients.set(key, client);
  }
  return client;
}

const endpointClient = ({ client, endpoint, categories }: EscalationConfig) =>
  client ??
  (endpoint
    ? clientFor(
        endpoint,
        (categories ?? defaultCategories).map((c) => c.id),
      )
    : undefined);

/**
 * Creates the shared client of a button that posts to an endpoint, once the page is idle: the
 * client sends what a previous page load left in the outbox and listens for `online`, so
 * "it will be sent automatically" holds even if nobody escalates again.
 */
export function warmUp(host: { readonly config: EscalationConfig }): void {
  if (!host.config.client) endpointClient(host.config);
}

/** The button, as far as looking its task up goes. */
export interface LookUpHost {
  readonly config: EscalationConfig;
  readonly taskId: string;
  escalation?: EscalationState | undefined;
}

/**
 * Asks the client whether the host's task has an escalation under way (`client.list`) and, if so,
 * gives it to the button to show. A client without `list` (a host's own stub) or a failed read
 * leaves the button as it was: the server still refuses a second escalation of the task, and
 * the dialog says so then.
 */
export async function lookUp(host: LookUpHost): Promise<void> {
  const client = endpointClient(host.config) as Partial<Pick<EscalationClient<string>, 'list'>> | undefined;
  const taskId = host.taskId;
  if (!client?.list || !taskId) return;
  try {
    const states = await client.list({ taskId });
    // The task may have changed while the answer was on its way: never show another task's state.
    if (host.taskId !== taskId) return;
    host.escalation = states.find((s) => s.status !== 'resolved');
  } catch {
    // Nothing to show: the button stays an Escalate button (see above).
  }
}
