/**
 * The formats of the wire contract, a UUID, an e-mail address, an ISO-8601 date-time with an
 * offset and a whole number, as checks of our own (published.ts) rather than zod's format schemas
 * (`z.uuid`, `z.email`, `z.iso.datetime`, `z.int`): those bring zod's string and number format
 * classes into every browser bundle for three regular expressions and a `Number.isSafeInteger`.
 * Each tests zod's own pattern (test/node/schemas/formats.test.ts compares them) and is published
 * with the same `format` and `pattern`.
 */
import * as z from 'zod/mini';
import { annotate, pattern } from './published.ts';

// zod 4's patterns: `regexes.uuid()`, `regexes.email`, `regexes.datetime({ offset: true })`.
export const uuidPattern =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
// Escapes kept as zod writes them: the published JSON Schema carries this source, character for character.
// eslint-disable-next-line no-useless-escape
export const emailPattern = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const dateTimePattern =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/** A string check that `re` matches, published as `{ format, pattern }`. */
const formatCheck = (format: string, re: RegExp, message?: string) =>
  annotate(pattern(re, message), (bag) => {
    bag.format = format;
  });

/** `z.email(message)` as a check. */
export const emailCheck = (message?: string) => formatCheck('email', emailPattern, message);

/** `z.uuid(message)`: a string that is a UUID (any version, or the nil and max UUIDs). */
export const uuid = (message?: string) => z.string(message).check(formatCheck('uuid', uuidPattern, message));

/** `z.iso.datetime({ offset: true, error: message })`: `2025-03-01T09:30:00Z` or `…+01:00`. */
export const isoDateTime = (message?: string) => z.string(message).check(formatCheck('date-time', dateTimePattern, message));

/**
 * `z.int(message)` as a check: the same verdicts (a fraction stops the field's other checks, an
 * integer past 2^53 does not) and, with `safeint` as the bag's format, `"type": "integer"`.
 */
export const wholeNumber = (message: string) =>
  annotate(
    z.superRefine((v: number, payload) => {
      if (!Number.isSafeInteger(v)) payload.issues.push({ code: 'custom', input: v, message, continue: Number.isInteger(v) });
    }),
    (bag) => {
      bag.format = 'safeint';
    },
  );
