/**
 * What text the server accepts and can store, whatever the field. The rules are the SDK's wire
 * contract (`packages/sdk/src/schemas/common.ts`), which does not export them; they are repeated
 * here and `test/node/server/notes.test.ts` holds both to the same answers.
 */

// Control characters (C0, DEL, C1), line/paragraph separators and bidi overrides ("Trojan Source").
// eslint-disable-next-line no-control-regex
export const noControl = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
/** The same, keeping tab and newlines, for notes. */
// eslint-disable-next-line no-control-regex
export const noControlExceptNewlines = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

/** Unpaired UTF-16 surrogates: PostgreSQL refuses them in JSON and text, so they are refused as input. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, or `undefined`. */
function unstorable(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(text)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain unpaired surrogates (broken characters)';
  return undefined;
}

/**
 * Every string and key in a parsed JSON value that a database could not store, with its path.
 * Walked with a stack, not recursion, and not below 32 levels: a body of 30,000 nested arrays
 * must not overflow anything.
 */
export function unstorableText(value: unknown): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length && issues.length < 20) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = unstorable(v);
      if (problem) issues.push({ path, message: `Text ${problem}` });
    } else if (path.length > 32) {
      // Deeper than any field of the contract: the schemas refused it already, nothing to name.
      continue;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        const problem = unstorable(key);
        if (problem) issues.push({ path: [...path, key], message: `Field names ${problem}` });
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return issues;
}
