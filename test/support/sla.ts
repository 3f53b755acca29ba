/**
 * What the SLA clock's tests share (docs/policy.md#follow-up): a handler on a given store with a
 * fake clock, the e-mail notifier sending to a real SMTP peer on 127.0.0.1 (levels with addresses
 * of their own), and the messages the peer took in, parsed back with mailparser and told apart
 * by the kind in their Message-ID (`<id.kind@domain>`).
 */
import { simpleParser, type AddressObject } from 'mailparser';
import {
  createEscalationHandler,
  type EscalationHandler,
  type EscalationHandlerOptions,
  type EscalationStore,
  type StoredEscalation,
} from '../../packages/server/src/index.ts';
import { createEmailNotifier, type EmailNotifier } from '../../packages/server/src/email.ts';
import { fakeClock, get, jsonOf, patch, postRequest, receiptOf, wire } from './fixtures.ts';
import type { SmtpPeer } from './smtp-peer.ts';

export const TEAM = 'account-team@acme.test';
export const FROM = 'escalations@acme.test';
export const SUPERVISORS = 'supervisors@acme.test';
export const SPECIALISTS = 'specialists@acme.test';
export const AGENT = 'sam.lee@acme.test';
export const INBOX = 'http://127.0.0.1:5173/inbox';

/** A message as the receiver sees it. */
export interface Mail {
  messageId: string;
  /** The part of the Message-ID after the escalation id: `new`, `respond-reminder`, … */
  kind: string;
  escalationId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export async function mailsOf(peer: SmtpPeer): Promise<Mail[]> {
  return Promise.all(
    peer.received.map(async ({ raw, messageId }) => {
      const parsed = await simpleParser(raw);
      const local = messageId.replace(/^<|@.*$/g, '');
      const dot = local.indexOf('.');
      const to = ([] as AddressObject[]).concat(parsed.to ?? []).flatMap((a) => a.value.map((v) => v.address ?? ''));
      return {
        messageId,
        kind: local.slice(dot + 1),
        escalationId: local.slice(0, dot),
        to,
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
      };
    }),
  );
}

/** The notifier of these tests: SMTP to the peer, level 2 and 3 with addresses of their own. */
export function slaNotifier(peer: SmtpPeer): EmailNotifier {
  return createEmailNotifier({
    smtpUrl: peer.url,
    to: TEAM,
    from: `Escalations <${FROM}>`,
    inboxUrl: INBOX,
    levels: { 2: { email: SUPERVISORS }, 3: { email: SPECIALISTS } },
  });
}

/**
 * A handler on `store` with its own fake clock (Friday 10:00 UTC unless `start`), auth off, no
 * timers (tests call `runSla()`); `close()` closes the handler and its notifier, not the store.
 */
export function slaHandler(store: EscalationStore, peer: SmtpPeer, options: Partial<EscalationHandlerOptions> & { start?: string } = {}) {
  const { start, ...rest } = options;
  const clock = fakeClock(start);
  const notify = slaNotifier(peer);
  const handler: EscalationHandler = createEscalationHandler({
    store,
    notify,
    clock: clock.now,
    auth: false,
    notifyRetry: { intervalMs: 0, baseMs: 1000, maxMs: 60_000 },
    sla: { intervalMs: 0 },
    ...rest,
  });
  return {
    handler,
    clock,
    async escalate(overrides: Record<string, unknown> = {}): Promise<StoredEscalation> {
      const body = wire({ agent: { id: 'agent-7', name: 'Sam Lee', email: AGENT }, ...overrides });
      await receiptOf(await handler(postRequest(body)), 201);
      await handler.settled();
      return this.read(body.id);
    },
    async read(id: string): Promise<StoredEscalation> {
      return jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${id}`)));
    },
    async status(id: string, status: string): Promise<StoredEscalation> {
      const response = await handler(patch(id, { status }));
      if (response.status !== 200) throw new Error(`PATCH ${status}: ${response.status} ${await response.text()}`);
      await handler.settled();
      return this.read(id);
    },
    /** The clock set to `fraction` of the way from arrival to `deadline`, plus `ms`, then one run of the clock. */
    async runAt(escalation: StoredEscalation, deadline: string, fraction: number, ms = 0): Promise<void> {
      const received = Date.parse(escalation.receivedAt);
      clock.set(new Date(received + (Date.parse(deadline) - received) * fraction + ms).toISOString());
      await handler.runSla();
      await handler.settled();
    },
    async close() {
      handler.close();
      await handler.settled();
      notify.close();
    },
  };
}
