import { createEscalationClient, type EscalationClient } from '@escalate-kit/sdk';
import { EscalateDeliveredEvent } from '../../delivered-event.ts';

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
    clients.set(key, client);
  }
  return client;
}
