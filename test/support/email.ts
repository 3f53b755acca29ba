/**
 * What the e-mail tests share: a stored escalation whose request passes the wire schema (with
 * hostile text in it), every detail the e-mail must carry, the HTML as a reader sees it, and a
 * real SMTP peer (smtp-server on 127.0.0.1) that keeps what it receives.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { escalationRequestSchema } from '@escalate-kit/sdk';
import type { StoredEscalation } from '../../packages/server/src/types.ts';

export const TEAM = 'account-team@acme.test';
export const FROM = 'escalations@acme.test';

export const hostileName = `Ana <img src=x onerror=alert(1)> "quotes" & 'apostrophes'`;
export const notes = [
  'Issue: Customer disputing $450 charge <script>alert(1)</script>.',
  `Tried: Explained policy, offered payment plan; "quotes" & 'apostrophes'.`,
  'Why: Customer demands manager, threatening BBB. Café façade ✓',
].join('\n');

/** A full escalation whose request passes the wire schema, as the handler would store it. */
export function fixture(overrides: Partial<StoredEscalation> = {}): StoredEscalation {
  const request = escalationRequestSchema.parse({
    id: '6f1c2d3e-1111-4222-8333-944455556666',
    taskId: 'T-1042',
    category: 'billing',
    notes,
    contactMethod: 'call',
    contact: { phone: '+1 555 123 4567', email: 'ana.ruiz@example.com' },
    urgency: 'urgent',
    customer: { name: hostileName, accountId: 'ACC-88231' },
    agent: { id: 'agent-7', name: 'Sam Lee' },
    routing: { level: 2, team: 'billing', priority: 'high' },
    context: { queue: 'tier-1', attempt: 2, vip: true },
    createdAt: '2025-11-14T09:59:30.000Z',
  });
  return {
    id: request.id,
    request,
    team: 'billing',
    respondBy: '2025-11-14T23:59:59.999Z',
    receivedAt: '2025-11-14T10:00:01.000Z',
    status: 'open',
    history: [
      { to: 'open', status: 'open', at: '2025-11-14T10:00:01.000Z', actor: { type: 'anonymous', name: 'before the history recorded who' } },
    ],
    notification: { state: 'pending', attempts: 0 },
    ...overrides,
  };
}

/** Every detail the agent gave (and what the server added), as it must read in the e-mail. */
export const expected: [field: string, text: string][] = [
  ['task id', 'T-1042'],
  ['category', 'Billing'],
  ['urgency', 'Urgent'],
  ['contact window', 'the same day'],
  ['respond-by (readable)', 'Fri, 14 Nov 2025, 23:59 UTC'],
  ['respond-by (ISO)', '2025-11-14T23:59:59.999Z'],
  ['team', 'Billing Team'],
  ['routing level', '2 (Supervisor / Manager)'],
  ['routing priority', 'High (respond within 2 hours, resolve within 24 hours)'],
  ['contact method and address', 'Call +1 555 123 4567'],
  ['e-mail address', 'ana.ruiz@example.com'],
  ['customer name', hostileName],
  ['account', 'ACC-88231'],
  ['agent', 'Sam Lee (agent-7)'],
  ['issue', 'Customer disputing $450 charge <script>alert(1)</script>.'],
  ['tried', `Explained policy, offered payment plan; "quotes" & 'apostrophes'.`],
  ['why', 'Customer demands manager, threatening BBB. Café façade ✓'],
  ['context queue', 'queue'],
  ['context queue value', 'tier-1'],
  ['context attempt value', 'attempt'],
  ['context vip', 'vip'],
  ['escalation id', '6f1c2d3e-1111-4222-8333-944455556666'],
  ['received at', '2025-11-14T10:00:01.000Z'],
  ['created at', '2025-11-14T09:59:30.000Z'],
  ['briefing, first sentence', `Billing Team, I need to escalate ${hostileName} (account ACC-88231).`],
  ['briefing, issue', `The issue: Customer disputing $450 charge <script>alert(1)</script>.`],
  ['briefing, tried', `What I've tried: Explained policy, offered payment plan; "quotes" & 'apostrophes'.`],
  ['briefing, why', `Why I'm escalating: Customer demands manager, threatening BBB. Café façade ✓.`],
  ['briefing, closing', 'Can you help?'],
];

/** What a reader of the HTML part sees: tags dropped, `<br>` as a line break, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function assertAllDetails(mail: ParsedMail): void {
  assert.equal(typeof mail.html, 'string', 'has an HTML part');
  const html = visibleText(mail.html as string);
  const text = mail.text ?? '';
  for (const [field, value] of expected) {
    assert.ok(text.includes(value), `text part has the ${field}: ${JSON.stringify(value)}`);
    assert.ok(html.includes(value), `HTML part has the ${field}: ${JSON.stringify(value)}`);
  }
  // The context keys and values sit on one row each, in both parts.
  assert.match(text, /^attempt:\s+2$/m);
  assert.match(text, /^vip:\s+true$/m);
  assert.match(mail.html as string, />attempt<\/th><td[^>]*>2<\/td>/);
}

export function assertSubject(mail: ParsedMail): void {
  assert.equal(mail.subject, '[Escalation] Billing · Urgent · Task T-1042');
}

export interface Received {
  from: string | undefined;
  to: string[];
  raw: Buffer;
}

export async function startSmtp(onData?: (raw: Buffer) => Error | undefined) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const err = onData?.(raw);
        if (err) return callback(err);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((a) => a.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
