/**
 * The account team's e-mail, checked the way it arrives: through a real SMTP server
 * (smtp-server on 127.0.0.1) and as `.eml` files, each parsed back with mailparser.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { escalationRequestSchema } from '@escalate-kit/sdk';
import { createEmailNotifier, createEmailNotifierFromEnv, escapeHtml, renderEscalationEmail } from '../../../packages/server/src/email.ts';
import type { StoredEscalation } from '../../../packages/server/src/types.ts';

const TEAM = 'account-team@acme.test';
const FROM = 'escalations@acme.test';

const hostileName = `Ana <img src=x onerror=alert(1)> "quotes" & 'apostrophes'`;
const notes = [
  'Issue: Customer disputing $450 charge <script>alert(1)</script>.',
  `Tried: Explained policy, offered payment plan; "quotes" & 'apostrophes'.`,
  'Why: Customer demands manager, threatening BBB. Café façade ✓',
].join('\n');

/** A full escalation whose request passes the wire schema, as the handler would store it. */
function fixture(overrides: Partial<StoredEscalation> = {}): StoredEscalation {
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
    history: [{ status: 'open', at: '2025-11-14T10:00:01.000Z' }],
    notification: { state: 'pending', attempts: 0 },
    ...overrides,
  };
}

/** Every detail the agent gave (and what the server added), as it must read in the e-mail. */
const expected: [field: string, text: string][] = [
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
  ['notes, with their line breaks', notes],
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
  ['briefing, first sentence', `Billing Team, I need to escalate ${hostileName}, account ACC-88231.`],
  ['briefing, issue', `They're experiencing Customer disputing $450 charge <script>alert(1)</script>.`],
  ['briefing, tried', `I've tried Explained policy, offered payment plan; "quotes" & 'apostrophes' but the issue is not resolved.`],
  ['briefing, closing', 'Can you help?'],
];

/** What a reader of the HTML part sees: tags dropped, `<br>` as a line break, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function assertAllDetails(mail: ParsedMail): void {
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

function assertSubject(mail: ParsedMail): void {
  assert.equal(mail.subject, '[Escalation] Billing · Urgent · Task T-1042');
}

interface Received {
  from: string | undefined;
  to: string[];
  raw: Buffer;
}

async function startSmtp(onData?: (raw: Buffer) => Error | undefined) {
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

describe('e-mail to the account team over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let messageId: string | undefined;
  let mail: ParsedMail;
  let raw: string;

  before(async () => {
    smtp = await startSmtp();
    const notifier = createEmailNotifier({ smtpUrl: smtp.url, to: TEAM, from: `Escalations <${FROM}>` });
    try {
      ({ messageId } = await notifier.notify(fixture()));
    } finally {
      notifier.close();
    }
    assert.equal(smtp.received.length, 1, 'the SMTP server received one message');
    raw = smtp.received[0]!.raw.toString('utf8');
    mail = await simpleParser(smtp.received[0]!.raw);
  });
  after(() => smtp.close());

  it('delivers one message from the sender to the account team', () => {
    assert.equal(smtp.received[0]!.from, FROM);
    assert.deepEqual(smtp.received[0]!.to, [TEAM]);
    assert.equal(mail.from?.value[0]?.address, FROM);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    assert.deepEqual(
      to.flatMap((a) => a?.value.map((v) => v.address)),
      [TEAM],
    );
  });

  it('names the category, the urgency and the task in the subject', () => {
    assertSubject(mail);
  });

  it('carries every detail in both the text and the HTML part', () => {
    assertAllDetails(mail);
  });

  it('escapes what the agent typed in the HTML and keeps it verbatim in the text', () => {
    const html = mail.html as string;
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('&quot;quotes&quot; &amp; &#39;apostrophes&#39;'));
    // Line breaks of the notes survive as <br>, not as one run-on paragraph.
    assert.ok(html.includes('&lt;/script&gt;.<br>'));
    assert.ok(mail.text?.includes('<script>alert(1)</script>'));
    assert.ok(mail.text?.includes(`<img src=x onerror=alert(1)> "quotes" & 'apostrophes'`));
  });

  it('returns the Message-ID the server received, fixed per escalation so a retry is recognisable', () => {
    assert.equal(messageId, '<6f1c2d3e-1111-4222-8333-944455556666@escalate-kit>');
    assert.equal(mail.messageId, messageId);
    assert.equal(mail.headers.get('x-escalation-id'), '6f1c2d3e-1111-4222-8333-944455556666');
  });

  it('marks urgent escalations as high priority', () => {
    assert.match(raw, /^X-Priority: 1/m);
    assert.match(raw, /^Importance: High/im);
  });

  it('cannot be made to add headers by CR/LF in the customer name or the task id', async () => {
    const base = fixture();
    const request = {
      ...base.request,
      taskId: 'T-9\r\nBcc: evil-task@attacker.test\r\nX-Injected: yes',
      customer: { name: 'Ana\r\nBcc: evil-name@attacker.test', accountId: 'ACC-1\nX-Injected: yes' },
    };
    // The wire schema refuses this, so the notifier only sees it from another source
    // (an import, a bug): it must still hold.
    assert.equal(escalationRequestSchema.safeParse(request).success, false);
    const notifier = createEmailNotifier({ smtpUrl: smtp.url, to: TEAM, from: FROM });
    try {
      await notifier.notify({ ...base, request });
    } finally {
      notifier.close();
    }
    const got = smtp.received.at(-1)!;
    assert.deepEqual(got.to, [TEAM], 'no extra recipients');
    const parsed = await simpleParser(got.raw);
    assert.equal(parsed.headers.has('bcc'), false);
    assert.equal(parsed.headers.has('x-injected'), false);
    const head = got.raw.toString('utf8').split(/\r?\n\r?\n/)[0]!;
    assert.doesNotMatch(head, /^(Bcc|X-Injected):/im);
    assert.equal(parsed.subject, '[Escalation] Billing · Urgent · Task T-9 Bcc: evil-task@attacker.test X-Injected: yes');
    // Nor fake lines in the body: the name stays on its row.
    assert.doesNotMatch(parsed.text ?? '', /^Bcc:/m);
    assert.match(parsed.text ?? '', /^Customer:\s+Ana Bcc: evil-name@attacker\.test$/m);
  });

  it('is configured from SMTP_URL, ESCALATE_MAIL_TO and ESCALATE_MAIL_FROM', async () => {
    const notifier = createEmailNotifierFromEnv({
      SMTP_URL: smtp.url,
      ESCALATE_MAIL_TO: '"Accounts, EMEA" <emea@acme.test>, us@acme.test',
      ESCALATE_MAIL_FROM: 'Desk <desk@acme.test>',
    });
    try {
      assert.equal(notifier.transport, 'smtp');
      await notifier.notify(fixture());
    } finally {
      notifier.close();
    }
    const got = smtp.received.at(-1)!;
    assert.equal(got.from, 'desk@acme.test');
    assert.deepEqual(got.to, ['emea@acme.test', 'us@acme.test']);
  });
});

describe('e-mail to the account team as .eml files', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'escalate-outbox-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes exactly one complete .eml file, named by receipt time and id, and no temp files', async () => {
    const outboxDir = join(dir, 'nested', 'outbox'); // does not exist yet
    const notifier = createEmailNotifier({ outboxDir, to: TEAM, from: FROM });
    assert.equal(notifier.transport, 'outbox');
    assert.equal(notifier.outboxDir, outboxDir);
    const { messageId } = await notifier.notify(fixture());
    const files = await readdir(outboxDir);
    assert.deepEqual(files, ['2025-11-14T10-00-01.000Z-6f1c2d3e-1111-4222-8333-944455556666.eml']);

    const source = await readFile(join(outboxDir, files[0]!));
    assert.ok(!source.includes('\r\n'), 'unix line ends');
    const mail = await simpleParser(source);
    assert.equal(mail.messageId, messageId);
    assert.equal(mail.from?.value[0]?.address, FROM);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    assert.deepEqual(
      to.flatMap((a) => a?.value.map((v) => v.address)),
      [TEAM],
    );
    assertSubject(mail);
    assertAllDetails(mail);
    assert.doesNotMatch(mail.html as string, /<script|<img/i);
  });

  it('rewrites the same file when the handler retries, instead of adding a second e-mail', async () => {
    const outboxDir = join(dir, 'retry');
    const notifier = createEmailNotifier({ outboxDir });
    await notifier.notify(fixture());
    await notifier.notify(fixture());
    await notifier.notify(fixture({ id: '7a000000-0000-4000-8000-000000000002', receivedAt: '2025-11-14T11:00:00.000Z' }));
    const files = (await readdir(outboxDir)).sort();
    assert.deepEqual(files, [
      '2025-11-14T10-00-01.000Z-6f1c2d3e-1111-4222-8333-944455556666.eml',
      '2025-11-14T11-00-00.000Z-7a000000-0000-4000-8000-000000000002.eml',
    ]);
  });

  it('is the default without SMTP_URL, sent to the default account team address', async () => {
    const outboxDir = join(dir, 'env');
    const notifier = createEmailNotifierFromEnv({ SMTP_URL: '' }, { outboxDir });
    assert.equal(notifier.transport, 'outbox');
    assert.match(notifier.describe(), /\.eml files in .*env$/);
    await notifier.notify(fixture());
    const [file] = await readdir(outboxDir);
    const mail = await simpleParser(await readFile(join(outboxDir, file!)));
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    assert.deepEqual(
      to.flatMap((a) => a?.value.map((v) => v.address)),
      ['account-team@example.com'],
    );
    assert.equal(mail.from?.value[0]?.address, 'escalations@localhost');
  });

  it('rejects when the outbox cannot be written, so the handler retries', async () => {
    const blocker = join(dir, 'a-file');
    await import('node:fs/promises').then((fs) => fs.writeFile(blocker, 'not a folder'));
    const notifier = createEmailNotifier({ outboxDir: join(blocker, 'outbox') });
    await assert.rejects(notifier.notify(fixture()), /Could not e-mail the account team about escalation 6f1c2d3e/);
  });
});

describe('a failed notification', () => {
  it('rejects quickly when nothing listens on the SMTP port', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const notifier = createEmailNotifier({ smtpUrl: `smtp://127.0.0.1:${port}?connectionTimeout=1000` });
    const started = Date.now();
    await assert.rejects(notifier.notify(fixture()), (err: Error) => {
      assert.match(err.message, /Could not e-mail the account team about escalation 6f1c2d3e-1111-4222-8333-944455556666/);
      assert.ok(err.cause instanceof Error);
      return true;
    });
    assert.ok(Date.now() - started < 3000, `gave up after ${Date.now() - started} ms`);
    notifier.close();
  });

  it('rejects within the greeting timeout when the server accepts but never speaks', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const notifier = createEmailNotifier({ smtpUrl: `smtp://127.0.0.1:${port}?greetingTimeout=300` });
    const started = Date.now();
    try {
      await assert.rejects(notifier.notify(fixture()), /Could not e-mail the account team/);
      assert.ok(Date.now() - started < 3000, `gave up after ${Date.now() - started} ms`);
    } finally {
      notifier.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('rejects when the SMTP server refuses the message', async () => {
    const smtp = await startSmtp(() => Object.assign(new Error('Mailbox full'), { responseCode: 552 }));
    const notifier = createEmailNotifier({ smtpUrl: smtp.url });
    try {
      await assert.rejects(notifier.notify(fixture()), /Mailbox full/);
      assert.equal(smtp.received.length, 0);
    } finally {
      notifier.close();
      await smtp.close();
    }
  });
});

describe('the e-mail template', () => {
  it('escapes the five HTML-significant characters', () => {
    assert.equal(escapeHtml(`<a href="x">Tom & Jerry's</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('states the 2-3 day window for a standard escalation and leaves out what was not given', () => {
    const base = fixture();
    const { subject, text, html } = renderEscalationEmail({
      ...base,
      team: 'account',
      request: {
        ...base.request,
        category: 'card-dispute',
        urgency: 'standard',
        notes: 'Wants a call back about the new plan',
        contactMethod: 'email',
        contact: { email: 'pat@example.com' },
        customer: undefined,
        agent: undefined,
        routing: undefined,
        context: undefined,
      },
    });
    assert.equal(subject, '[Escalation] Card dispute · Standard · Task T-1042');
    assert.match(text, /^Urgency:\s+Standard: contact the customer within 2-3 business days$/m);
    assert.match(text, /^Contact by:\s+Email pat@example\.com$/m);
    assert.match(text, /^Team:\s+Account Team$/m);
    assert.doesNotMatch(text, /^(Level|Priority|Customer|Agent|Phone):/m);
    assert.doesNotMatch(text, /Context from the host app/);
    // Unlabelled notes are the issue, and the briefing works without a customer name.
    assert.match(text, /^Issue:\s+Wants a call back about the new plan$/m);
    assert.ok(text.includes("Account Team, I need to escalate a customer. They're experiencing Wants a call back about the new plan."));
    assert.ok(html.includes('href="mailto:pat%40example.com"'));
  });

  it('links to the escalation in the inbox and shows times in the chosen zone', () => {
    const { text, html } = renderEscalationEmail(fixture(), { inboxUrl: 'http://127.0.0.1:5173/inbox', timeZone: 'America/Chicago' });
    assert.match(text, /^Inbox:\s+http:\/\/127\.0\.0\.1:5173\/inbox#6f1c2d3e-1111-4222-8333-944455556666$/m);
    assert.ok(html.includes('<a href="http://127.0.0.1:5173/inbox#6f1c2d3e-1111-4222-8333-944455556666"'));
    assert.match(text, /^Respond by:\s+Fri, 14 Nov 2025, 17:59 GMT-6 \(2025-11-14T23:59:59\.999Z\)$/m);
  });

  it('refuses an unknown time zone when the notifier is created, not on the first escalation', () => {
    assert.throws(() => createEmailNotifier({ timeZone: 'Mars/Olympus' }), RangeError);
  });

  it('never shows SMTP credentials when describing where mail goes', () => {
    const notifier = createEmailNotifier({ smtpUrl: 'smtp://user:s3cret@mail.acme.test:2525' });
    assert.equal(notifier.describe(), 'SMTP smtp://mail.acme.test:2525');
    notifier.close();
  });
});
