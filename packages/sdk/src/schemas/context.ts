import * as z from 'zod/mini';
import { limits, noControl } from './common.ts';

/** Small, flat, bounded host context (e.g. `{ queue: 'tier-1', attempt: 2 }`). */
export const contextSchema = z
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
          ),
        z.number().check(z.refine(Number.isFinite, 'Context numbers must be finite')),
        z.boolean(),
      ],
      'Context values must be a string, number or boolean',
    ),
  )
  .check(
    z.refine((ctx) => Object.keys(ctx).length <= limits.contextKeys, `Context may have at most ${limits.contextKeys} keys`),
    z.superRefine((ctx, payload) => {
      for (const key of Object.keys(ctx)) {
        const message = !key
          ? 'Context keys must not be empty'
          : key.length > limits.contextKey
            ? `Context keys must be at most ${limits.contextKey} characters`
            : noControl.test(key)
              ? undefined
              : 'Context keys must not contain control characters';
        if (message) payload.issues.push({ code: 'custom', input: key, path: [key], message });
      }
    }),
  );
