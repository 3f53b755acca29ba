/**
 * The account team's e-mail, sent with nodemailer: through SMTP when a server is configured,
 * otherwise written as `.eml` files to a local outbox folder, so a fresh clone shows the
 * whole flow (the account team gets notified) without any mail set-up.
 *
 * `notify()` throws when the message could not be handed over; the handler keeps the
 * escalation and retries, so nothing here retries or swallows errors.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import type { NotificationMessage, StoredEscalation } from '../types.ts';
import { messageIdDomain, messageIdOf, messageKey } from './message-id.ts';
import { defaultMailFrom, defaultMailTo, defaultOutboxDir, type EmailNotifier, type EmailNotifierOptions } from './options.ts';
import { checkTeams, teamRecipientsFrom } from './teams.ts';
import { followUpRecipients } from './levels.ts';
import { renderFollowUpEmail } from './follow-up-template.ts';
import { renderEscalationEmail } from './template.ts';

/** Strips anything that could end a header line or a file name part. */
function token(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'escalation';
}

function redact(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'SMTP (unparsable URL)';
  }
}

/** `2025-11-14T10-00-00.000Z`: sorts by time and is a valid file name everywhere (no `:`). */
function fileStamp(iso: string): string {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date() : d).toISOString().replace(/:/g, '-');
}

/**
 * Writes `data` to `path` so a reader never sees half a message: a hidden temp file in the
 * same folder (same file system, so `rename` is atomic), flushed, then renamed into place.
 */
async function writeAtomically(path: string, dir: string, data: Buffer): Promise<void> {
  const temp = join(dir, `.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * A notifier that e-mails the account team for each escalation: through SMTP when
 * `smtpUrl` is given, otherwise as `<outboxDir>/<received-at>-<id>.<kind>.eml` files.
 *
 * Each message has a fixed `Message-ID` per escalation and kind (`<id.new@domain>`, the domain
 * from `from` or `messageIdDomain`), which the worker records before the first attempt and
 * passes back on every retry; an `.eml` file is named by it, so a retry rewrites the same file.
 * When a send succeeded but its answer was lost, the retry is recognisably the same message
 * instead of a second escalation.
 *
 * @example
 * ```ts
 * const notify = createEmailNotifier({ smtpUrl: process.env.SMTP_URL, to: 'accounts@acme.test' });
 * const { messageId } = await notify.notify(stored); // throws when the mail could not be sent
 * ```
 */
export function createEmailNotifier(options: EmailNotifierOptions = {}): EmailNotifier {
  const to = options.to ?? defaultMailTo;
  if ((Array.isArray(to) ? to : [to]).every((a) => !a.trim())) throw new TypeError('The account team needs an e-mail address (to)');
  const teams = options.teams ?? {};
  checkTeams(teams);
  const levels = options.levels ?? {};
  checkTeams(levels, 'levels');
  // The team the server decided, else the account team (docs/policy.md#specialised-teams).
  const teamRecipients = (escalation: StoredEscalation) => (Object.hasOwn(teams, escalation.team) ? teams[escalation.team]!.email : to);
  const recipients = (escalation: StoredEscalation, sending: NotificationMessage | undefined) =>
    followUpRecipients(sending, levels) ?? teamRecipients(escalation);
  const teamsNote = Object.keys(teams).length ? `; own recipients for ${Object.keys(teams).join(', ')}` : '';
  const from = options.from ?? defaultMailFrom;
  const timeZone = options.timeZone ?? 'UTC';
  // Throws a RangeError for an unknown zone now, not on the first escalation.
  new Intl.DateTimeFormat('en', { timeZone });
  const render = { policy: options.policy, categories: options.categories, inboxUrl: options.inboxUrl, timeZone };
  // Throws a TypeError for a domain that cannot be in a Message-ID now, not on the first escalation.
  const domain = messageIdDomain(options.messageIdDomain, from);
  const messageIdFor: EmailNotifier['messageIdFor'] = (escalation, kind) => messageIdOf(escalation.id, kind, domain);
  // The id recorded for this message if there is one (it may predate a change of domain), else its own.
  const idOf = (escalation: StoredEscalation, sending: NotificationMessage | undefined) =>
    sending?.messageId ?? messageIdFor(escalation, sending?.kind ?? 'new');

  const message = (escalation: StoredEscalation, messageId: string, sending?: NotificationMessage) => {
    // The team's first e-mail, or a follow-up's own (docs/policy.md#follow-up).
    const { subject, text, html } =
      sending?.followUp && sending.kind !== 'new'
        ? renderFollowUpEmail(escalation, sending.kind, sending.followUp, render)
        : renderEscalationEmail(escalation, render);
    return {
      from,
      to: recipients(escalation, sending),
      subject,
      text,
      html,
      messageId,
      // X-Priority: 1 and Importance: High, so mail clients flag it as the subject does.
      priority: (escalation.decision?.urgency ?? escalation.request.urgency) === 'urgent' ? ('high' as const) : ('normal' as const),
      headers: { 'X-Escalation-Id': token(escalation.id) },
    };
  };

  const fail = (escalation: StoredEscalation, err: unknown): never => {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not e-mail the account team about escalation ${escalation.id}: ${reason}`, { cause: err });
  };

  if (options.smtpUrl) {
    const smtpUrl = options.smtpUrl;
    // The URL's own parameters win over these (nodemailer merges them that way). Without
    // them a silent server would hold the retry loop for nodemailer's 2-minute default.
    const transporter = createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      transport: 'smtp',
      messageIdFor,
      async notify(escalation, sending) {
        try {
          const info = await transporter.sendMail(message(escalation, idOf(escalation, sending), sending));
          return { messageId: info.messageId };
        } catch (err) {
          return fail(escalation, err);
        }
      },
      describe: () => `SMTP ${redact(smtpUrl)}${teamsNote}`,
      close: () => transporter.close(),
    };
  }

  const outboxDir = resolve(options.outboxDir ?? defaultOutboxDir);
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    transport: 'outbox',
    outboxDir,
    messageIdFor,
    async notify(escalation, sending) {
      try {
        const messageId = idOf(escalation, sending);
        const info = await transporter.sendMail(message(escalation, messageId, sending));
        if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer returned a stream, expected a buffer');
        await mkdir(outboxDir, { recursive: true });
        // Named by the Message-ID (its part before the @): one file per escalation and kind, however often it is sent.
        const file = join(outboxDir, `${fileStamp(escalation.receivedAt)}-${token(messageKey(messageId))}.eml`);
        await writeAtomically(file, outboxDir, info.message);
        return { messageId: info.messageId };
      } catch (err) {
        return fail(escalation, err);
      }
    },
    describe: () => `.eml files in ${outboxDir}${teamsNote}`,
    close: () => transporter.close(),
  };
}

/**
 * {@link createEmailNotifier} configured from the environment: SMTP when `SMTP_URL` is set,
 * else the `.eml` outbox; `ESCALATE_MAIL_TO` (comma-separated) and `ESCALATE_MAIL_FROM` set
 * the addresses, `ESCALATE_TEAMS` the recipients per team (JSON, or the path of a JSON file:
 * `{ "billing": { "email": ["billing@acme.test"] } }`), `ESCALATE_LEVELS` those per level, who are
 * told to chase at a breach (`{ "2": { "email": "supervisors@acme.test" } }`). `options` supplies
 * everything else and the fallbacks for unset variables.
 *
 * @example
 * ```ts
 * // SMTP_URL=smtp://127.0.0.1:2525 ESCALATE_MAIL_TO=accounts@acme.test node server.js
 * const notify = createEmailNotifierFromEnv(process.env, { outboxDir: './.data/outbox', inboxUrl });
 * console.log(`mail: ${notify.describe()}`);
 * ```
 */
export function createEmailNotifierFromEnv(
  env: Record<string, string | undefined> = process.env,
  options: Omit<EmailNotifierOptions, 'smtpUrl'> = {},
): EmailNotifier {
  // An empty variable (`SMTP_URL=`) means unset, as shells and .env files commonly write it.
  const value = (name: string) => env[name]?.trim() || undefined;
  return createEmailNotifier({
    ...options,
    smtpUrl: value('SMTP_URL'),
    // nodemailer parses address lists itself, quoted display names with commas included.
    to: value('ESCALATE_MAIL_TO') ?? options.to,
    from: value('ESCALATE_MAIL_FROM') ?? options.from,
    teams: value('ESCALATE_TEAMS') === undefined ? options.teams : teamRecipientsFrom(value('ESCALATE_TEAMS')!),
    levels: value('ESCALATE_LEVELS') === undefined ? options.levels : teamRecipientsFrom(value('ESCALATE_LEVELS')!, 'ESCALATE_LEVELS'),
  });
}
