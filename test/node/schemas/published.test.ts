/**
 * The length and comparison checks of packages/sdk/src/schemas/published.ts stand for zod's
 * `z.minLength`, `z.maxLength`, `z.gte` and `z.lte`: the same verdicts on any input (strings
 * counted in code points, emoji and lone surrogates included) and the same JSON Schema.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { atLeast, atMost, maxLength, minLength, pattern } from '../../../packages/sdk/src/schemas/published.ts';

// zod is the SDK's dependency, not the repository's: resolved from there.
const fromSdk = createRequire(new URL('../../../packages/sdk/package.json', import.meta.url));
type Schema = { safeParse(v: unknown): { success: boolean }; check(...checks: unknown[]): Schema };
const z = fromSdk('zod/mini') as {
  string(): Schema;
  number(): Schema;
  minLength(n: number): unknown;
  maxLength(n: number): unknown;
  gte(n: number): unknown;
  lte(n: number): unknown;
  regex(re: RegExp): unknown;
  toJSONSchema(s: Schema): unknown;
};
const ok = (s: Schema, v: unknown) => s.safeParse(v).success;

describe('checks of our own, published as zod would', () => {
  it('count and compare as zod does', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('\ud800', 'a\udc00b', '😀😀😀'),
    );
    fc.assert(
      fc.property(text, fc.nat(6), (v, n) => {
        assert.equal(ok(z.string().check(minLength(n)), v), ok(z.string().check(z.minLength(n)), v));
        assert.equal(ok(z.string().check(maxLength(n)), v), ok(z.string().check(z.maxLength(n)), v));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: -5, max: 5 }), (v, n) => {
        assert.equal(ok(z.number().check(atLeast(n)), v), ok(z.number().check(z.gte(n)), v));
        assert.equal(ok(z.number().check(atMost(n)), v), ok(z.number().check(z.lte(n)), v));
      }),
    );
  });

  it('are written into the JSON Schema as zod writes its own', () => {
    const ours = z.string().check(minLength(1), maxLength(5), pattern(/^[a-z]+$/), minLength(2));
    const zods = z.string().check(z.minLength(1), z.maxLength(5), z.regex(/^[a-z]+$/), z.minLength(2));
    assert.deepEqual(z.toJSONSchema(ours), z.toJSONSchema(zods));
    assert.deepEqual(z.toJSONSchema(z.number().check(atLeast(0), atMost(9))), z.toJSONSchema(z.number().check(z.gte(0), z.lte(9))));
  });
});
