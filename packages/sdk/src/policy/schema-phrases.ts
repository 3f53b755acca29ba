/** Words that suggest a signal, and the cases an agent may handle at their own level. */
import * as z from 'zod/mini';
import { signalNames } from '../schemas/index.ts';
import { text } from './schema-parts.ts';

const signalName = z.enum(signalNames);

/**
 * A phrase that suggests a signal. A plain string is not counted when negated ("not going to
 * sue"); the object form says when else it is not counted: `quoted` (inside quotation marks).
 */
export const phraseSchema = z.union([text, z.strictObject({ text, unless: z.array(z.enum(['negated', 'quoted'])) })]);

/** Language (`en`, `es`…) → the words that cancel a phrase, and the phrases of each signal. */
export const phrasesSchema = z.record(
  z.string().check(z.regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Languages are codes such as en or es-MX')),
  z.strictObject({
    /** Words that negate a phrase when they come up to three words before it. */
    negators: z.array(text),
    /** Words near an amount that say it is a refund, or a credit. */
    refundWords: z.array(text),
    creditWords: z.array(text),
    signals: z.partialRecord(signalName, z.array(phraseSchema)),
  }),
);

/**
 * A case the procedures say may be handled at the agent's level: when the signals set are only
 * among `signals` (and nothing else makes escalation mandatory), the form says `text`, without
 * blocking the submit.
 */
export const atYourLevelSchema = z.array(z.strictObject({ signals: z.array(signalName), text }));
