/**
 * The context is checked by `contextSchema` (one check, small in a browser) and published as
 * `contextRecord` (a zod record, what the JSON Schema says). They must give the same verdict and
 * name the same fields with the same words; keys, which JSON Schema cannot judge, only the check.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contextRecord, contextSchema, limits } from '@escalate-kit/sdk';
import { rawIssuesOf } from './support.ts';

const said = (schema: Parameters<typeof rawIssuesOf>[0], value: unknown) =>
  rawIssuesOf(schema, value).map((i) => ({ path: i.path.map(String), message: i.message }));

const long = 'x'.repeat(limits.contextValue + 1);
const value = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(long, 'a\u0007', 'tab\there', '\ud800', 'line\u2028'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, {}, [], [1]),
);
const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));

describe('contextSchema and the published contextRecord', () => {
  it('agree on every context of fine keys: the verdict, the fields named and the words', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: limits.contextKeys + 3 }), (context) => {
        assert.deepEqual(said(contextSchema, context), said(contextRecord, context));
      }),
      { numRuns: 500 },
    );
  });

  it('agree on what is not an object', () => {
    for (const v of ['nope', 1, null, [], true]) assert.deepEqual(said(contextSchema, v), said(contextRecord, v));
  });

  it('names a bad key and, under every other key, the problems of its value', () => {
    const context = JSON.parse(`{"__proto__": 1, "ok\\u0007": "x\\u0007", "b": null, "c": "${long}"}`) as unknown;
    assert.deepEqual(said(contextSchema, context), [
      { path: ['__proto__'], message: 'Context key "__proto__" is not allowed' },
      { path: ['ok\u0007'], message: 'Context keys must not contain control characters' },
      { path: ['b'], message: 'Context values must be a string, number or boolean' },
      { path: ['c'], message: `Context values must be at most ${limits.contextValue} characters` },
    ]);
  });

  it('judges the key count unless a value is of the wrong type, as the record does', () => {
    const many = Object.fromEntries(Array.from({ length: limits.contextKeys + 1 }, (_, i) => [`k${i}`, i]));
    assert.deepEqual(said(contextSchema, many), [{ path: [], message: `Context may have at most ${limits.contextKeys} keys` }]);
    assert.deepEqual(said(contextSchema, { ...many, k0: null }), [
      { path: ['k0'], message: 'Context values must be a string, number or boolean' },
    ]);
  });
});
