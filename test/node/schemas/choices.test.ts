/**
 * `oneOf` and `exactly` (packages/sdk/src/schemas/choices.ts) stand for `z.enum` and
 * `z.literal` on the wire: the same verdicts and messages, and the same JSON Schema.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { contactMethodSchema, contactMethods, escalationReceiptSchema, urgencySchema } from '@escalate-kit/sdk';
import { contractSchemas } from '@escalate-kit/server';
import { rawIssuesOf, type Parser } from './support.ts';

// zod is the SDK's dependency, not the repository's: resolved from there.
const z = createRequire(new URL('../../../packages/sdk/package.json', import.meta.url))('zod/mini') as {
  enum(values: readonly string[], message?: string): Parser;
};
const said = (schema: Parser, v: unknown) => rawIssuesOf(schema, v).map((i) => i.message);
const message = 'Choose how the customer wants to be contacted: call, text or email';

describe('choices on the wire', () => {
  it('judge and word as z.enum does', () => {
    for (const v of ['call', 'email', 'fax', 'CALL', '', 1, null, undefined, ['call']])
      assert.deepEqual(said(contactMethodSchema, v), said(z.enum(contactMethods, message), v), String(v));
  });

  it('are published as enums and constants', () => {
    const schemas = contractSchemas() as Record<string, { properties: Record<string, unknown> }>;
    assert.deepEqual(schemas.EscalationRequest!.properties.contactMethod, { type: 'string', enum: [...contactMethods] });
    assert.deepEqual(schemas.EscalationRequest!.properties.urgency, { default: 'standard', type: 'string', enum: ['urgent', 'standard'] });
    assert.deepEqual(schemas.EscalationReceipt!.properties.status, { type: 'string', const: 'received' });
  });

  it('a receipt of another status is refused', () => {
    const receipt = {
      id: '0b5e6a4e-5d3f-4c8e-9a57-3f1f2f9f7c11',
      taskId: 'T-1',
      status: 'received',
      team: 'billing',
      respondBy: '2026-11-22T08:00:00Z',
    };
    assert.equal(escalationReceiptSchema.safeParse(receipt).success, true);
    assert.equal(escalationReceiptSchema.safeParse({ ...receipt, status: 'stored' }).success, false);
    assert.equal(urgencySchema.safeParse('urgent').success, true);
  });
});
