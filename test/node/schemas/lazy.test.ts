/**
 * `lazy` (packages/sdk/src/schemas/lazy.ts): the contract's schemas are built on first use, not
 * at import, and stand for the built schema in every way a caller or zod itself can tell.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { contactSchema, emailSchema, escalationRequestSchema } from '@escalate-kit/sdk';
import { lazy } from '../../../packages/sdk/src/schemas/lazy.ts';

interface Schema {
  safeParse(v: unknown): { success: boolean };
  parse(v: unknown): unknown;
}
interface ObjectSchema extends Schema {
  shape: Record<string, Schema>;
}
// zod is the SDK's dependency, not the repository's: resolved from there.
const z = createRequire(new URL('../../../packages/sdk/package.json', import.meta.url))('zod/mini') as {
  string(): Schema;
  number(): Schema;
  optional(s: Schema): Schema;
  strictObject(shape: Record<string, Schema>): ObjectSchema;
  ZodMiniObject: abstract new (...args: never[]) => unknown;
};

describe('lazy schemas', () => {
  it('build on first use, once', () => {
    let builds = 0;
    const schema = lazy(() => {
      builds += 1;
      return z.string();
    });
    assert.equal(builds, 0);
    assert.equal(schema.safeParse('a').success, true);
    assert.equal(schema.safeParse(1).success, false);
    assert.equal(builds, 1);
  });

  it('are what they stand for: members, instanceof, keys and spreads', () => {
    const shape = lazy(() => ({ a: z.string(), b: z.number() }));
    const object = lazy(() => z.strictObject({ ...shape, c: z.optional(shape.a) }));
    assert.ok(object instanceof z.ZodMiniObject);
    assert.deepEqual(Object.keys(shape), ['a', 'b']);
    assert.deepEqual(Object.keys(object.shape), ['a', 'b', 'c']);
    assert.equal(object.shape.a, shape.a);
    assert.deepEqual(object.parse({ a: 'x', b: 1 }), { a: 'x', b: 1 });
  });

  it('keep their identity inside the schemas made of them (the contract names them by it)', () => {
    assert.equal(escalationRequestSchema.shape.contact._zod.def.innerType, contactSchema);
    assert.equal(contactSchema.shape.email._zod.def.innerType, emailSchema);
  });
});
