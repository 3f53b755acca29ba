import { createEscalationClient, type EscalationClient } from '@escalate-kit/sdk';
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
