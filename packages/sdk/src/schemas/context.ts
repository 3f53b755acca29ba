import * as z from 'zod/mini';
import { invisibleFormatting, limits, noControl, wellFormed, wellFormedCheck } from './common.ts';

/**
 * Keys that reach an object's prototype when assigned: JSON.parse keeps `"__proto__"` as an own
 * key, but copying it into a new object would drop it silently (or worse), so it is refused by name.
 */
const dangerousKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with a context key, or `undefined`. */
function keyProblem(key: string): string | undefined {
  if (!key) return 'Context keys must not be empty';
  if (dangerousKeys.has(key)) return `Context key "${key}" is not allowed`;
  if (key.length > limits.contextKey) return `Context keys must be at most ${limits.contextKey} characters`;
  if (!noControl.test(key)) return 'Context keys must not contain control characters';
  if (invisibleFormatting.test(key)) return 'Context keys must not contain invisible formatting characters';
  if (!wellFormed(key)) return 'A context key has a broken character (an incomplete emoji or symbol)';
  return undefined;
}

/** The context's values, and how many keys. The JSON Schema of the contract documents this. */
export const contextRecord = z
  .record(
    // Keys are checked below, on the record: zod reports a failing key schema only as
    // "Invalid input", and the message that says what is wrong would be lost.
    z.string(),
    z.union(
      [
        z
          .string()
          .check(
            z.maxLength(limits.contextValue, `Context values must be at most ${limits.contextValue} characters`),
            z.regex(noControl, 'Context values must not contain control characters'),
            wellFormedCheck('A context value'),
          ),
        z.number().check(z.refine(Number.isFinite, 'Context numbers must be finite')),
        z.boolean(),
      ],
      'Context values must be a string, number or boolean',
    ),
  )
  .check(z.refine((ctx) => Object.keys(ctx).length <= limits.contextKeys, `Context may have at most ${limits.contextKeys} keys`));

// The keys are checked on the input as received, before the record copies it: the copy would
// lose a `__proto__` key, and zod reports a failing key schema only as "Invalid input".
const keysAsReceived = z.custom<z.input<typeof contextRecord>>().check(
  z.superRefine((raw, payload) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
    for (const key of Object.keys(raw)) {
      const message = keyProblem(key);
      if (message) payload.issues.push({ code: 'custom', input: key, path: [key], message });
    }
    // A refused key stops the pipe before the values are read: name their problems here, so one
    // answer names every bad field (the copy that drops `__proto__` is only read for its issues).
    if (payload.issues.length === 0) return;
    const values = contextRecord.safeParse(raw);
    for (const issue of values.success ? [] : values.error.issues) {
      if (!payload.issues.some((i) => i.path?.[0] === issue.path[0])) payload.issues.push({ ...issue, code: 'custom', input: raw });
    }
  }),
);

/** Small, flat, bounded host context (e.g. `{ queue: 'tier-1', attempt: 2 }`). */
export const contextSchema = z.pipe(keysAsReceived, contextRecord);
