/**
 * Compile-only: `pnpm typecheck` fails if a line marked @ts-expect-error starts to compile,
 * i.e. if the types stop catching a wrong category or contact method. Never executed.
 */
import { createEscalationClient, type EscalationInput, type EscalationRequest } from '@escalate-kit/sdk';

const client = createEscalationClient({ endpoint: '/api/escalations' });
const ok: EscalationInput = {
  taskId: 'T-1',
  category: 'billing',
  notes: 'Issue: … Tried: … Why: …',
  contactMethod: 'email',
  contact: { email: 'pat@example.com' },
};
void client.escalate(ok);

// @ts-expect-error 'biling' is not a category
void client.escalate({ ...ok, category: 'biling' });

// @ts-expect-error 'fax' is not a contact method
void client.escalate({ ...ok, contactMethod: 'fax' });

// @ts-expect-error urgency is urgent | standard
void client.escalate({ ...ok, urgency: 'asap' });

// @ts-expect-error notes are required
void client.escalate({ taskId: 'T-1', category: 'other', contactMethod: 'call' });

// Host categories narrow the type to exactly those.
const custom = createEscalationClient({ endpoint: '/api/escalations', categories: ['warranty', 'billing'] });
void custom.escalate({ ...ok, category: 'warranty' });
// @ts-expect-error 'complaint' is not one of this host's categories
void custom.escalate({ ...ok, category: 'complaint' });

// Events are typed: `success` carries a receipt, `queued` a reason.
client.addEventListener('success', (e) => {
  const team: string = e.receipt.team;
  const request: EscalationRequest = e.request;
  void team;
  void request;
});
client.addEventListener('queued', (e) => {
  // @ts-expect-error a queued escalation has no receipt
  void e.receipt;
});
