/**
 * The account team's e-mail, checked the way it arrives: through a real SMTP server
 * (smtp-server on 127.0.0.1), parsed back with mailparser.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { escalationRequestSchema } from '@escalate-kit/sdk';
import { createEmailNotifier, createEmailNotifierFromEnv } from '../../../packages/server/src/email.ts';
import { assertAllDetails, assertSubject, fixture, FROM, startSmtp, TEAM } from '../../support/email.ts';

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
    // The briefing quotes the note, escaped, in one paragraph (the note itself is not repeated;
    // its line breaks, when it is shown, are checked in email-template.test.ts).
    assert.ok(html.includes('The issue: Customer disputing $450 charge &lt;script&gt;alert(1)&lt;/script&gt;.'));
    assert.ok(mail.text?.includes('<script>alert(1)</script>'));
    assert.ok(mail.text?.includes(`<img src=x onerror=alert(1)> "quotes" & 'apostrophes'`));
  });

  it("returns the Message-ID the server received, fixed per escalation and kind, in the sender's domain", () => {
    assert.equal(messageId, '<6f1c2d3e-1111-4222-8333-944455556666.new@acme.test>');
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
