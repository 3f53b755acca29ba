/**
 * Text helpers of the account team's e-mail. Everything the agent typed is untrusted here: it is
 * HTML-escaped in the HTML part, and single-line fields lose any CR/LF so they cannot fake extra
 * lines (or, in the subject, extra headers).
 */
import type { Duration } from '@escalate-kit/sdk';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes the five characters that matter in HTML text and quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml(`<b title="x">Tom & Jerry's</b>`); // '&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;'
 * ```
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

// The SDK schema already rejects control characters in single-line fields, but a notifier
// may be handed a record built some other way (an import, a migration): never trust it.
// eslint-disable-next-line no-control-regex
const lineBreaksAndControls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of text: CR, LF and other control characters become a single space. */
export function oneLine(value: string): string {
  return value.replace(lineBreaksAndControls, ' ').trim();
}

/** Multi-line text with `\n` line ends only, and no other control characters but tab. */
export function multiLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export function humanise(id: string): string {
  return capitalise(id.replace(/[-_]+/g, ' '));
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function formatDuration(d: Duration): string {
  if ('minutes' in d) return plural(d.minutes, 'minute');
  if ('hours' in d) return plural(d.hours, 'hour');
  return plural(d.businessDays, 'business day');
}

/**
 * A time as people read it in `timeZone`, followed by the ISO instant. `named` adds the zone's
 * name after its abbreviation ("17:59 GMT-6, America/Chicago"), so the team knows whose clock it is.
 */
export function timeFormatter(timeZone: string, named = false): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const name = named && !['UTC', 'Etc/UTC'].includes(timeZone) ? `, ${timeZone}` : '';
  return (iso) => {
    const d = new Date(iso);
    // An unparsable stored value is still shown, as it is: a wrong time is worse than a raw one.
    return Number.isNaN(d.getTime()) ? oneLine(iso) : `${format.format(d)}${name} (${d.toISOString()})`;
  };
}

/** `timeZone` when this runtime knows it, else `undefined` (a stored zone must never stop an e-mail). */
export function knownZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** `<inboxUrl>#<id>`, or `inboxUrl` with `{id}` replaced when it has that placeholder. */
export function inboxLink(inboxUrl: string, id: string): string {
  const encoded = encodeURIComponent(id);
  return inboxUrl.includes('{id}') ? inboxUrl.replaceAll('{id}', encoded) : `${inboxUrl.replace(/#.*$/, '')}#${encoded}`;
}
