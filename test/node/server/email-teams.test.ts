/**
 * Each escalation e-mailed to the team the server decided, through the handler and a real SMTP
 * peer (smtp-server on 127.0.0.1): the team's own recipients, the account team as the fallback,
 * urgent ones flagged. The e-mail says what was decided and why, and its briefing reads like a
 * person wrote it, each fact of the note once.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { escalationReference } from '@escalate-kit/sdk';
import { createEmailNotifier, createEmailNotifierFromEnv, type EmailNotifier } from '../../../packages/server/src/email.ts';
import { createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { FROM, startSmtp, visibleText } from '../../support/email.ts';
import { FRIDAY, postRequest, receiptOf, typedNotes, wire } from '../../support/fixtures.ts';

const ACCOUNTS = 'accounts@acme.test';
const teams = {
  billing: { email: ['billing@acme.test'] },
  legal: { email: ['legal@acme.test', 'Counsel <counsel@acme.test>'] },
};

/** The briefing of the legal case below, sentence by sentence (packages/sdk/src/policy/defaults.ts `briefing`). */
const briefing = [
  'Legal / Compliance Team, I need to escalate Ana Ruiz (account 88231).',
  'The issue: Customer disputing $450 charge.',
  "What I've tried: Explained policy, offered payment plan.",
  "Why I'm escalating: Customer demands manager, threatening BBB.",
  'Ana Ruiz is upset and threatening legal action, and is asking for a refund of the $450.',
  'I recommend a one-time courtesy refund.',
  'Please answer within 4 hours (level 2, Supervisor / Manager; high priority).',
  'Can you help?',
];

const count = (text: string, part: string) => text.split(part).length - 1;

describe('e-mail to the decided team over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let notifier: EmailNotifier;
  let handler: EscalationHandler;

  before(async () => {
    smtp = await startSmtp();
    notifier = createEmailNotifier({ smtpUrl: smtp.url, to: ACCOUNTS, from: FROM, teams, inboxUrl: 'http://127.0.0.1:5173/inbox' });
    handler = createEscalationHandler({
      store: createMemoryStore(),
      auth: false,
      notify: notifier,
      clock: () => new Date(FRIDAY),
      notifyRetry: { intervalMs: 0 },
    });
  });
  after(async () => {
    handler.close();
    await handler.settled();
    notifier.close();
    await smtp.close();
  });

  /** Posts an escalation and returns the one message the SMTP peer got for it, with its envelope. */
  async function send(body: Record<string, unknown>) {
    const sent = smtp.received.length;
    const { id } = await receiptOf(await handler(postRequest(wire(body))), 201);
    await handler.settled();
    assert.equal(smtp.received.length, sent + 1, 'one message per escalation');
    const got = smtp.received.at(-1)!;
    return { id, to: got.to, raw: got.raw.toString('utf8'), mail: await simpleParser(got.raw) };
  }

  describe('a legal threat the client routed to billing', () => {
    let to: string[];
    let id: string;
    let mail: ParsedMail;
    let text: string;
    let html: string;
    before(async () => {
      ({ id, to, mail } = await send({
        category: 'billing',
        notes: typedNotes,
        customer: { name: 'Ana Ruiz', accountId: '88231' },
        routing: { team: 'billing', level: 1 },
        signals: { legalThreat: true, upset: true, refund: 450 },
        customerRequest: 'a refund of the $450',
        recommendation: 'a one-time courtesy refund',
      }));
      text = mail.text ?? '';
      html = visibleText(mail.html as string);
    });

    it("goes to the legal team's recipients, not to billing nor to the account team", () => {
      assert.deepEqual(to, ['legal@acme.test', 'counsel@acme.test']);
      assert.deepEqual(
        (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address)),
        ['legal@acme.test', 'counsel@acme.test'],
      );
    });

    it('briefs the team as a person would, sentence by sentence, in both parts', () => {
      for (const part of [text, html]) assert.ok(part.includes(briefing.join(' ')), `the briefing, whole:\n${part}`);
    });

    it('says each fact of the note once: no block repeats what the briefing quotes', () => {
      for (const part of [text, html]) {
        for (const fact of [
          'Customer disputing $450 charge',
          'Explained policy, offered payment plan',
          'Customer demands manager, threatening BBB',
        ]) {
          assert.equal(count(part, fact), 1, `"${fact}" once`);
        }
        assert.equal(count(part, 'a one-time courtesy refund'), 1, 'the recommendation once');
        assert.equal(count(part, 'a refund of the $450'), 1, "the customer's request once");
      }
      assert.doesNotMatch(text, /Also in the agent's note/);
    });

    it('shows the decision: team, level with its name, priority, mandatory and the rules’ own reasons', () => {
      assert.match(text, /^Team:\s+Legal \/ Compliance Team$/m);
      assert.match(text, /^Level:\s+2 \(Supervisor \/ Manager\)$/m);
      assert.match(text, /^Priority:\s+High$/m);
      assert.match(text, /^Mandatory:\s+Yes$/m);
      assert.match(text, /^Agent suggested:\s+Billing Team, level 1 \(the server decides\)$/m);
      for (const reason of [
        'Legal, BBB or regulatory threats go to legal / compliance',
        'The customer is upset or angry',
        'Refund of $450 is over $100, so it goes to the Billing Team',
      ]) {
        assert.ok(text.includes(`- ${reason}`), `reason: ${reason}`);
        assert.ok(html.includes(reason), `reason in HTML: ${reason}`);
      }
      assert.match(text, /^Signals:\s+Threatening legal action; Upset or angry; Refund of \$450 asked for$/m);
    });

    it('gives the short reference the customer was told, so a call back finds it', () => {
      assert.match(text, new RegExp(`^Customer reference:\\s+${escalationReference(id)}$`, 'm'));
    });

    it('gives the respond-by with the rule that set it, in words, in the team’s zone', () => {
      assert.match(text, /^Respond by:\s+Fri, 14 Nov 2025, 14:00 UTC \(2025-11-14T14:00:00\.000Z\)$/m);
      assert.match(text, /^Respond-by rule:\s+within 4 hours: the answer time of level 2, Supervisor \/ Manager \(rule: levels\)$/m);
      // No rule gives the legal team a resolution time.
      assert.doesNotMatch(text, /^Resolve by:/m);
    });

    it('flags nothing as urgent when the case is standard', async () => {
      const raw = smtp.received.at(-1)!.raw.toString('utf8');
      assert.doesNotMatch(raw, /^X-Priority: 1/m);
      assert.equal(mail.subject, `[Escalation] Billing · Standard · Task ${/Task (\S+)/.exec(mail.subject ?? '')?.[1]}`);
    });
  });

  it("sends a refund over $100 to billing's recipients, with the billing investigation as its resolve-by", async () => {
    const { to, mail } = await send({ category: 'other', signals: { refund: 150 } });
    assert.deepEqual(to, ['billing@acme.test']);
    assert.match(mail.text ?? '', /^Team:\s+Billing Team$/m);
    assert.match(mail.text ?? '', /^Resolve by:\s+Fri, 21 Nov 2025, 10:00 UTC \(2025-11-21T10:00:00\.000Z\)$/m);
    assert.match(
      mail.text ?? '',
      /^Resolve-by rule:\s+within 5 business days: the Billing Team's own timeline \(rule: specialised-teams\)$/m,
    );
  });

  it('sends a case of a team without recipients of its own to the account team', async () => {
    const { to, mail } = await send({ category: 'pricing' });
    assert.deepEqual(to, [ACCOUNTS]);
    assert.match(mail.text ?? '', /^Team:\s+Account Team$/m);
    assert.match(mail.text ?? '', /^Respond-by rule:\s+by the end of the 3rd business day after it came in: the contact window promised/m);
  });

  it('flags suspected fraud as urgent (subject, X-Priority and Importance) whatever urgency the client sent', async () => {
    const { to, raw, mail } = await send({ category: 'billing', urgency: 'standard', signals: { fraudSuspected: true } });
    assert.deepEqual(to, [ACCOUNTS], 'no fraud recipients configured: the account team');
    assert.match(mail.subject ?? '', /^\[Escalation\] Billing · Urgent · Task /);
    assert.match(raw, /^X-Priority: 1/m);
    assert.match(raw, /^Importance: High/im);
    assert.match(
      mail.text ?? '',
      /^Urgency:\s+Urgent: contact the customer the same day \(fixed by the policy: Suspected fraud goes to the fraud team; do not tell the caller\)$/m,
    );
  });
});

describe('team recipients from the configuration', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'escalate-teams-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const outbox = () => join(dir, 'outbox');

  it('reads ESCALATE_TEAMS as JSON, and names the teams (never an address) when describing where mail goes', () => {
    const notifier = createEmailNotifierFromEnv({ ESCALATE_TEAMS: JSON.stringify(teams) }, { outboxDir: outbox() });
    assert.match(notifier.describe(), /; own recipients for billing, legal$/);
    assert.doesNotMatch(notifier.describe(), /@/);
    notifier.close();
  });

  it('reads ESCALATE_TEAMS as the path of a JSON file', async () => {
    const file = join(dir, 'teams.json');
    await writeFile(file, JSON.stringify({ fraud: { email: 'fraud@acme.test' } }));
    const notifier = createEmailNotifierFromEnv({ ESCALATE_TEAMS: file }, { outboxDir: outbox() });
    assert.match(notifier.describe(), /own recipients for fraud$/);
    notifier.close();
  });

  it('refuses a bad ESCALATE_TEAMS at start-up, saying where without repeating any address', async () => {
    const cases: [string, RegExp][] = [
      ['{"billing": ', /ESCALATE_TEAMS is not JSON/],
      ['{"billing": {"email": []}}', /ESCALATE_TEAMS: billing\.email/],
      ['{"Billing Desk": {"email": "desk@acme.test"}}', /ESCALATE_TEAMS: Billing Desk/],
      [join(dir, 'missing.json'), /ESCALATE_TEAMS file .*missing\.json cannot be read: ENOENT/],
    ];
    for (const [value, message] of cases) {
      assert.throws(
        () => createEmailNotifierFromEnv({ ESCALATE_TEAMS: value }, { outboxDir: outbox() }),
        (e: Error) => e instanceof TypeError && message.test(e.message) && !e.message.includes('desk@acme.test'),
        value,
      );
    }
  });

  it('refuses a team listed without an address rather than silently mailing the account team', () => {
    assert.throws(
      () => createEmailNotifier({ outboxDir: outbox(), teams: { legal: { email: ['  '] } } }),
      /Team "legal" needs at least one e-mail address/,
    );
  });
});
