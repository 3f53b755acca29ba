/** Instants as the agent reads them: in their own time zone and language. */

/** e.g. "Fri, Nov 14, 4:00 PM". */
export function localTime(iso: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
  } catch {
    // A `lang` Intl does not know: the browser's own language.
    return new Intl.DateTimeFormat(undefined, options).format(new Date(iso));
  }
}
