/** canonicalJson: one text for one value, whatever its key order. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from '@escalate-kit/sdk';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every depth, and keeps array order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, 1], c: 3 } }), '{"a":{"c":3,"d":[2,1]},"b":1}');
    assert.equal(canonicalJson({ a: { c: 3, d: [2, 1] }, b: 1 }), canonicalJson({ b: 1, a: { d: [2, 1], c: 3 } }));
    assert.notEqual(canonicalJson({ a: [1, 2] }), canonicalJson({ a: [2, 1] }));
  });
});
