/**
 * Text as a SQL literal, for the scripts sent in one round trip without parameters
 * (`SqlDatabase.script`: PostgreSQL's simple query protocol takes none). Dollar quoting: the
 * text goes in as it is, whatever it holds (quotes, backslashes) and whatever
 * `standard_conforming_strings` says, between two tags it does not contain.
 */

/**
 * `text` between two tags of the form `$qN$`: the first the closing tag is found after the
 * opening one is where `text` ends (a text ending in `$q0` would close `$q0$` early). Refuses a
 * NUL, which would end the query string itself.
 */
export function dollarQuote(text: string): string {
  if (text.includes('\0')) throw new TypeError('A NUL character cannot be sent in a SQL script');
  let n = 0;
  while ((text + `$q${n}$`).indexOf(`$q${n}$`) !== text.length) n++;
  return `$q${n}$${text}$q${n}$`;
}
