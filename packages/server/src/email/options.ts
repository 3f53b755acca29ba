/** The options of the e-mail notifier, the notifier it returns, and its defaults. */
import type { CategoryDefinition, EscalationPolicy } from '@escalate-kit/sdk';
import type { NotificationKind, Notifier, StoredEscalation } from '../types.ts';

/** Options of {@link createEmailNotifier}. */
export interface EmailNotifierOptions {
  /**
   * The account team's address, or several.
   * @default 'account-team@example.com' (`defaultMailTo`)
   * @example
   * ```ts
   * createEmailNotifier({ to: ['billing@acme.test', 'Account Team <accounts@acme.test>'] });
   * ```
   */
  to?: string | string[];
  /**
   * Recipients per team: an escalation goes to the addresses of the team the server decided
   * (its `team`), and to {@link EmailNotifierOptions.to} when that team is not listed here.
   * @default {} (every escalation goes to `to`)
   * @example
   * ```ts
   * createEmailNotifier({
   *   to: 'accounts@acme.test',
   *   teams: { billing: { email: ['billing@acme.test'] }, legal: { email: 'Legal <legal@acme.test>' } },
   * });
   * ```
   */
  teams?: Record<string, TeamRecipients>;
  /**
   * Recipients per level (docs/policy.md#levels), keyed `'1'`, `'2'`, `'3'`: when a deadline passes
   * the SLA clock raises the escalation one level and e-mails that level's addresses, "chase if no
   * update". A level not listed is the escalation's team (its `teams` entry, else `to`): level 3 is
   * the specialised team itself.
   * @default {} (a breach goes to the escalation's team)
   * @example
   * ```ts
   * createEmailNotifier({ levels: { 1: { email: 'leads@acme.test' }, 2: { email: 'Supervisors <supervisors@acme.test>' } } });
   * ```
   */
  levels?: Record<string, TeamRecipients>;
  /**
   * The sender.
   * @default 'escalate-kit <escalations@localhost>' (`defaultMailFrom`)
   * @example
   * ```ts
   * createEmailNotifier({ from: 'Escalations <no-reply@acme.test>' });
   * ```
   */
  from?: string;
  /**
   * The domain of each message's `Message-ID` (`<{escalationId}.{kind}@{domain}>`), which stays
   * the same when a message is sent again, so the receiver can tell a resend from a new e-mail.
   * @default the domain of {@link EmailNotifierOptions.from} (`localhost` for the default sender), else `'escalate-kit'`
   * @example
   * ```ts
   * createEmailNotifier({ from: 'Escalations <no-reply@mail.acme.test>', messageIdDomain: 'acme.test' });
   * ```
   */
  messageIdDomain?: string;
  /**
   * An SMTP server as a nodemailer connection URL. When absent, messages are written to
   * {@link EmailNotifierOptions.outboxDir} instead. Query parameters set nodemailer options,
   * e.g. `?connectionTimeout=2000`; the defaults give up on a silent server after 10 s.
   * @default undefined (the `.eml` outbox)
   * @example
   * ```ts
   * createEmailNotifier({ smtpUrl: 'smtp://127.0.0.1:2525' });
   * createEmailNotifier({ smtpUrl: 'smtps://user:secret@smtp.acme.test:465' });
   * ```
   */
  smtpUrl?: string;
  /**
   * Where `.eml` files go when there is no SMTP server. Created when missing.
   * @default './.data/outbox' (`defaultOutboxDir`, relative to the working directory)
   * @example
   * ```ts
   * createEmailNotifier({ outboxDir: '/var/lib/escalate-kit/outbox' });
   * ```
   */
  outboxDir?: string;
  /**
   * The routing policy: team and level names, priority targets, the briefing template.
   * @default the SDK's `defaultPolicy` (docs/policy.md)
   * @example
   * ```ts
   * createEmailNotifier({ policy: definePolicy({ teams: { names: { account: 'Key Accounts' } } }) });
   * ```
   */
  policy?: EscalationPolicy;
  /**
   * Category labels for the subject and body.
   * @default the SDK's `defaultCategories` (docs/policy.md#categories)
   * @example
   * ```ts
   * createEmailNotifier({ categories: [...defaultCategories, { id: 'shipping', label: 'Shipping' }] });
   * ```
   */
  categories?: readonly CategoryDefinition[];
  /**
   * The account-team inbox page; the e-mail links to `<inboxUrl>#<id>` (or replaces `{id}`).
   * @default undefined (no link)
   * @example
   * ```ts
   * createEmailNotifier({ inboxUrl: 'http://127.0.0.1:5173/inbox' });
   * ```
   */
  inboxUrl?: string;
  /**
   * IANA time zone of the human-readable times in the e-mail of an escalation stored without a
   * decision (before migration 003). A decided escalation's times are shown in the zone its
   * business days were counted in: the team's (docs/policy.md#business-days). An unknown zone
   * throws here, at start-up, rather than on every escalation.
   * @default 'UTC'
   * @example
   * ```ts
   * createEmailNotifier({ timeZone: 'Europe/Madrid' });
   * ```
   */
  timeZone?: string;
}

/** Where one team's escalations are e-mailed. */
export interface TeamRecipients {
  /** One address or several, each as nodemailer reads it (`'Name <a@b.c>'` or `'a@b.c'`). */
  email: string | string[];
}

/** A {@link Notifier} that sends e-mail; says where to and can be closed. */
export interface EmailNotifier extends Notifier {
  /** `'smtp'` or `'outbox'` (`.eml` files). */
  readonly transport: 'smtp' | 'outbox';
  /** The absolute outbox folder, for the `'outbox'` transport. */
  readonly outboxDir?: string;
  /** `<{escalationId}.{kind}@{domain}>`: the `Message-ID` of that message, on every attempt. */
  messageIdFor(escalation: StoredEscalation, kind: NotificationKind): string;
  /** Where mail goes, for a start-up log line; never contains SMTP credentials. */
  describe(): string;
  /** Releases the transport's resources. */
  close(): void;
}

export const defaultMailTo = 'account-team@example.com';
export const defaultMailFrom = 'escalate-kit <escalations@localhost>';
export const defaultOutboxDir = './.data/outbox';
