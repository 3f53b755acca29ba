/** "2 hours ago", "yesterday", "5 seconds ago": how long ago an instant was, in the agent's language. */

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** @param locale BCP 47; a tag Intl does not know falls back to the browser's own language. */
export function ago(iso: string, locale: string | undefined, now = Date.now()): string {
  const elapsed = Date.parse(iso) - now;
  let format: Intl.RelativeTimeFormat;
  try {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  }
  for (const [unit, ms] of units) if (Math.abs(elapsed) >= ms) return format.format(Math.round(elapsed / ms), unit);
  // Seconds rather than "this minute", which reads oddly after a status ("open this minute").
  return format.format(Math.round(elapsed / 1000), 'second');
}
