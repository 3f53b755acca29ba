/**
 * The formats and bounds of the wire contract, a UUID, an e-mail address, an ISO-8601 date-time
 * with an offset, a whole number, a least and a most, as checks of our own rather than zod's
 * (`z.uuid`, `z.email`, `z.iso.datetime`, `z.int`, `z.gte`, `z.lte`): those bring zod's string and
 * number format classes and its comparison checks into every browser bundle for four regular
 * expressions, a `Number.isSafeInteger` and two comparisons. Each check
 * tests zod's own pattern (test/node/schemas/formats.test.ts compares them) and leaves in the
 * schema's bag what zod's JSON Schema reads (its `format` and `pattern`): the published contract
 * is the same document.
 */
import * as z from 'zod/mini';

// zod 4's patterns: `regexes.uuid()`, `regexes.email`, `regexes.datetime({ offset: true })`.
export const uuidPattern =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
// Escapes kept as zod writes them: the published JSON Schema carries this source, character for character.
// eslint-disable-next-line no-useless-escape
export const emailPattern = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const dateTimePattern =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/** Writes into the bag of the schema a check is attached to: what zod's JSON Schema reads. */
function annotate<C extends z.core.$ZodCheck<never>>(
  check: C,
  write: (bag: { format?: string; patterns?: Set<RegExp>; minimum?: number; maximum?: number }) => void,
): C {
  check._zod.onattach.push((inst) => write(inst._zod.bag));
  return check;
}

/** A string check that `pattern` matches, published as `{ format, pattern }`. */
function formatCheck(format: string, pattern: RegExp, message?: string) {
  return annotate(
    z.refine<string>((v) => pattern.test(v), message),
    (bag) => {
      bag.format = format;
      (bag.patterns ??= new Set()).add(pattern);
    },
  );
}

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

/** `z.gte(min, message)`: published as `minimum` (the bag keeps the tightest, as zod's check did). */
export const atLeast = (min: number, message: string) =>
  annotate(
    z.refine<number>((v) => v >= min, message),
    (bag) => {
      if (bag.minimum === undefined || min > bag.minimum) bag.minimum = min;
    },
  );

/** `z.lte(max, message)`: published as `maximum`. */
export const atMost = (max: number, message: string) =>
  annotate(
    z.refine<number>((v) => v <= max, message),
    (bag) => {
      if (bag.maximum === undefined || max < bag.maximum) bag.maximum = max;
    },
  );
