/**
 * The `Message-ID` of each e-mail: `<{escalationId}.{kind}@{domain}>`, the same every time the
 * message about one escalation and kind is sent, so a resend after a lost answer or a crash is
 * the same message to the receiver (RFC 5322 §3.6.4: one message, one id), and never looks like a
 * second escalation.
 */
import type { NotificationKind } from '../types.ts';

/** A domain as the right-hand side of a Message-ID takes it (dot-atom): letters, digits, `-` and `.` between labels. */
const domainPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** Used when neither the option nor the sender gives a usable domain. */
const fallbackDomain = 'escalate-kit';

/** The domain of the last address in `from` (`'Escalations <no-reply@acme.test>'` → `acme.test`). */
function senderDomain(from: string): string | undefined {
  const domain = /@([^@\s<>"]+)>?\s*$/.exec(from)?.[1];
  return domain !== undefined && domainPattern.test(domain) ? domain.toLowerCase() : undefined;
}

/**
 * The domain of the ids: `option` when given (a TypeError when it cannot be one), else the
 * sender's, else `escalate-kit`.
 */
export function messageIdDomain(option: string | undefined, from: string): string {
  if (option === undefined) return senderDomain(from) ?? fallbackDomain;
  if (!domainPattern.test(option) || option.length > 253) {
    throw new TypeError(`messageIdDomain must be a domain such as "acme.test", not ${JSON.stringify(option)}`);
  }
  return option.toLowerCase();
}

/** `<{escalationId}.{kind}@{domain}>`; characters an id-left cannot hold become `_` (ids are UUIDs, so none do). */
export function messageIdOf(escalationId: string, kind: NotificationKind, domain: string): string {
  const local = `${escalationId}.${kind}`.replace(/[^A-Za-z0-9._-]/g, '_').replace(/\.{2,}/g, '.');
  return `<${local}@${domain}>`;
}

/** What names the message's `.eml` file: the id's part before the `@`, without the brackets. */
export function messageKey(messageId: string): string {
  const inner = messageId.replace(/^<|>$/g, '');
  const at = inner.lastIndexOf('@');
  return at > 0 ? inner.slice(0, at) : inner;
}
