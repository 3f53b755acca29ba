/**
 * The e-mail template on its own: escaping, what is left out when not given, the link to the
 * inbox and the time zone of an escalation stored without a decision.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEmailNotifier, escapeHtml, renderEscalationEmail } from '../../../packages/server/src/email.ts';
import { fixture } from '../../support/email.ts';

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
    assert.ok(text.includes('Account Team, I need to escalate a customer. The issue: Wants a call back about the new plan. Can you help?'));
    assert.ok(html.includes('href="mailto:pat%40example.com"'));
  });

  it('shows what of the note the briefing leaves out (text before an Issue: label) once, with its line breaks, and nothing else of it', () => {
    const base = fixture();
    const notes =
      'Customer called twice already.\nSpoke to Sam on Monday.\nIssue: Customer disputing $450 charge. Tried: Explained policy.';
    const { text, html } = renderEscalationEmail({ ...base, request: { ...base.request, notes } });
    assert.ok(
      text.includes("Also in the agent's note\n------------------------\nCustomer called twice already.\nSpoke to Sam on Monday.\n"),
      text,
    );
    assert.ok(html.includes('Customer called twice already.<br>\nSpoke to Sam on Monday.'), 'line breaks survive as <br>');
    assert.ok(
      text.includes("The issue: Customer disputing $450 charge. What I've tried: Explained policy."),
      'the briefing quotes the rest',
    );
    for (const part of ['Customer disputing $450 charge', 'Explained policy', 'Spoke to Sam on Monday']) {
      assert.equal(text.split(part).length - 1, 1, `"${part}" once`);
    }
  });

  it('shows no part of a note the briefing quotes whole, labelled or not', () => {
    const base = fixture();
    for (const notes of [
      'Why: demands a manager. Issue: disputed charge.\nTried: a refund.',
      'A plain note\non two lines, without labels',
    ]) {
      const { text } = renderEscalationEmail({ ...base, request: { ...base.request, notes } });
      assert.doesNotMatch(text, /Also in the agent's note/, notes);
    }
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
