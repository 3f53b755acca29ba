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

  it('are what they stand for: members and instanceof, inside other schemas too', () => {
    const text = lazy(() => z.string());
    const object = lazy(() => z.strictObject({ a: text, b: z.optional(text) }));
    assert.ok(object instanceof z.ZodMiniObject);
    assert.equal(Object.getPrototypeOf(object), Object.getPrototypeOf(z.strictObject({})));
    assert.equal(object.shape.a, text);
    assert.deepEqual(object.parse({ a: 'x' }), { a: 'x' });
    assert.equal(object.safeParse({ a: 1 }).success, false);
  });

  it('keep their identity inside the schemas made of them (the contract names them by it)', () => {
    assert.equal(escalationRequestSchema.shape.contact._zod.def.innerType, contactSchema);
    assert.equal(contactSchema.shape.email._zod.def.innerType, emailSchema);
  });
});
