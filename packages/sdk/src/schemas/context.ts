/**
 * The host's context, as the client and the server check it. Written as one check over the
 * object rather than `z.pipe(keys, z.record(z.string(), z.union([...])))`: the record, the union
 * and the pipe were ~1 kB gzip of zod in every browser bundle (the record alone is the largest
 * schema of zod's core). The published JSON Schema is still the record's (context-record.ts), and
 * test/node/schemas/context.test.ts holds the two to the same verdicts and messages.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { maxLength, pattern } from './published.ts';
import { invisibleFormatting, limits, noControl, wellFormed, wellFormedCheck } from './common.ts';

/** What a context may hold. */
export type ContextValues = Record<string, string | number | boolean>;

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

/** A text value of the context. */
export const contextText = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(
      maxLength(limits.contextValue, `Context values must be at most ${limits.contextValue} characters`),
      pattern(noControl, 'Context values must not contain control characters'),
      wellFormedCheck('A context value'),
    ),
);

export const notAContextValue = 'Context values must be a string, number or boolean';
export const tooManyContextKeys = `Context may have at most ${limits.contextKeys} keys`;

type Issue = { path: PropertyKey[]; message: string };

/** What is wrong with one value, as `[...]` issues under its key (zod's number refuses NaN and ±Infinity). */
function valueIssues(key: string, value: unknown): Issue[] {
  if (typeof value === 'string') {
    const text = contextText.safeParse(value);
    return text.success ? [] : text.error.issues.map((i) => ({ path: [key], message: i.message }));
  }
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return [];
  return [{ path: [key], message: notAContextValue }];
}

/**
 * Every problem of a context, in the order the record reported them: a bad key stops before the
 * values would be copied (a copy loses `__proto__`), so the values' problems are named with it
 * (one per key), and one answer names every bad field. The key count is not judged once a value
 * is of the wrong type, as the record did not.
 */
function contextIssues(raw: unknown): Issue[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ path: [], message: 'Invalid input' }];
  const keys = Object.keys(raw);
  const values = keys.flatMap((key) => valueIssues(key, (raw as Record<string, unknown>)[key]));
  if (keys.length > limits.contextKeys && !values.some((i) => i.message === notAContextValue))
    values.push({ path: [], message: tooManyContextKeys });
  const issues: Issue[] = keys.flatMap((key) => {
    const message = keyProblem(key);
    return message ? [{ path: [key], message }] : [];
  });
  if (issues.length === 0) return values;
  for (const issue of values) if (!issues.some((i) => i.path[0] === issue.path[0])) issues.push(issue);
  return issues;
}

/** Small, flat, bounded host context (e.g. `{ queue: 'tier-1', attempt: 2 }`). */
export const contextSchema = /* @__PURE__ */ lazy(() =>
  z.custom<ContextValues>().check(
    z.superRefine((raw, payload) => {
      for (const { path, message } of contextIssues(raw)) payload.issues.push({ code: 'custom', input: raw, path, message });
    }),
  ),
);
