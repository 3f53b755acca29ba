/**
 * What every schema of the wire contract shares: the bounds, the enumerations, the rules for
 * text people type, and the wording of an unknown field. `zod/mini` rather than classic `zod`:
 * the same validation as tree-shakable functions, ~6 kB gzip in a browser instead of ~90 kB.
 */
import * as z from 'zod/mini';
import { maxLength, minLength, pattern } from './published.ts';
import { oneOf } from './choices.ts';
import { lazy } from './lazy.ts';

/** Bounds of every string and collection, exported so UIs can show the same limits. */
export const limits = {
  taskId: 200,
  taskTitle: 200,
  /** One-line answers of the form: what the customer wants, the agent's recommendation. */
  oneLine: 300,
  notes: 5000,
  /**
   * The shortest note the form accepts: a short sentence. The account team cannot act on
   * "help"; the wire contract itself only asks for a non-empty note.
   */
  notesMin: 20,
  name: 200,
  id: 100,
  email: 254,
  phone: 32,
  category: 40,
  team: 40,
  contextKeys: 20,
  contextKey: 40,
  contextValue: 500,
  routingLevel: 5,
  /** The largest credit or refund amount a request may name. */
  amount: 1_000_000_000,
} as const;

export const contactMethods = ['call', 'text', 'email'] as const;
export const urgencies = ['urgent', 'standard'] as const;
export const priorities = ['critical', 'high', 'medium', 'low'] as const;

// Control characters (C0, DEL, C1), Unicode line/paragraph separators and bidi overrides
// are never legitimate in what an agent types: they corrupt e-mails and logs, or make text
// read differently from what it is ("Trojan Source"). Multi-line fields keep tab and newlines.
// eslint-disable-next-line no-control-regex
export const noControl = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
// eslint-disable-next-line no-control-regex
export const noControlExceptNewlines = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

/**
 * The error option of every strict object: it names the fields it does not know (zod/mini
 * ships no English messages). One definition for the SDK and the server.
 */
export const strictObjectError = {
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys' ? `Unknown field(s): ${iss.keys?.join(', ')}` : undefined,
};

/**
 * Invisible characters that change how an identifier reads or compares without being seen:
 * zero-width space/joiners and the directional marks (U+200B-U+200F), the word joiner and
 * invisible operators (U+2060-U+2064), the Arabic letter mark (U+061C), the Mongolian vowel
 * separator (U+180E), the byte-order mark (U+FEFF) and the soft hyphen (U+00AD). Names keep them
 * (a Persian name needs its zero-width non-joiner); ids, where "T-1042" must equal "T-1042", do not.
 */
export const invisibleFormatting = /[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]/;

/**
 * Text that is well-formed Unicode: no lone UTF-16 surrogate (half of an emoji, cut by a bad
 * copy or a truncation). A database cannot store one, so it is refused here, naming the field,
 * instead of failing later as a server error that no retry can cure.
 */
export const wellFormed = (v: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v);

/** The check of {@link wellFormed}, worded for a field. */
export const wellFormedCheck = (what: string) =>
  z.refine((v: unknown) => typeof v !== 'string' || wellFormed(v), `${what} has a broken character (an incomplete emoji or symbol)`);

/** A single-line, trimmed, non-empty string of at most `max` characters. */
export function line(max: number, what: string) {
  return z
    .string(`${what} must be text`)
    .check(
      z.trim(),
      minLength(1, `${what} is required`),
      maxLength(max, `${what} must be at most ${max} characters`),
      pattern(noControl, `${what} must not contain control characters`),
      wellFormedCheck(what),
    );
}

/** An identifier: a single line (see {@link line}) without invisible formatting characters. */
export function identifier(max: number, what: string) {
  return line(max, what).check(
    z.refine(
      (v) => !invisibleFormatting.test(v),
      `${what} must not contain invisible formatting characters (zero-width or direction marks)`,
    ),
  );
}

export const slugPattern = /^[a-z][a-z0-9_-]*$/;

export const contactMethodSchema = /* @__PURE__ */ lazy(() =>
  oneOf(contactMethods, 'Choose how the customer wants to be contacted: call, text or email'),
);
export type ContactMethod = z.infer<typeof contactMethodSchema>;

const urgencyMessage = 'Urgency must be urgent or standard';
export const urgencySchema = /* @__PURE__ */ lazy(() => oneOf(urgencies, urgencyMessage));
export type Urgency = z.infer<typeof urgencySchema>;

const priorityMessage = 'Priority must be critical, high, medium or low';
export const prioritySchema = /* @__PURE__ */ lazy(() => oneOf(priorities, priorityMessage));
export type Priority = z.infer<typeof prioritySchema>;

// As a record's keys (the policy's tables), where a z.enum makes every one required. Marked pure:
// a bundle that does not use them leaves them out, and zod's enum class with them.
export const urgencyKeys = /* @__PURE__ */ lazy(() => z.enum(urgencies, urgencyMessage));
export const priorityKeys = /* @__PURE__ */ lazy(() => z.enum(priorities, priorityMessage));
