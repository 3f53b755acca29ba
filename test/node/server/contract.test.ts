import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { escalationRequestSchema } from '@escalate-kit/sdk';
import { contractJsonSchema, openApiDocument } from '../../../packages/server/src/contract.ts';

const committed = (name: string) => JSON.parse(readFileSync(new URL(`../../../packages/server/contract/${name}`, import.meta.url), 'utf8'));

const valid = {
  id: '0b5e6a4e-5d3f-4c8e-9a57-3f1f2f9f7c11',
  taskId: 'T-1042',
  category: 'billing',
  notes: 'Issue: Customer disputing $450 charge. Tried: Explained policy. Why: threatening BBB.',
  contactMethod: 'email',
  contact: { email: 'pat@example.com' },
  createdAt: '2026-11-22T08:00:00.000Z',
};

describe('published contract (JSON Schema, OpenAPI)', () => {
  it('is what the zod schemas generate: the committed documents are up to date', () => {
    assert.deepEqual(committed('escalation.schema.json'), contractJsonSchema(), 'run `pnpm build` and commit packages/server/contract');
    assert.deepEqual(committed('openapi.json'), openApiDocument());
  });

  it('accepts and rejects the same requests as the zod schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const doc = contractJsonSchema() as { $defs: Record<string, object> };
    ajv.addSchema(doc, 'contract');
    const validate = ajv.getSchema('contract#/$defs/EscalationRequest')!;
    const cases: [string, Record<string, unknown>][] = [
      ['valid', valid],
      ['no notes', { ...valid, notes: undefined }],
      ['bad category', { ...valid, category: 'Billing!' }],
      ['bad method', { ...valid, contactMethod: 'fax' }],
      ['too long task id', { ...valid, taskId: 'x'.repeat(201) }],
      ['unknown field', { ...valid, extra: true }],
      ['bad e-mail', { ...valid, contact: { email: 'nope' } }],
      ['urgent', { ...valid, urgency: 'urgent' }],
      ['bad urgency', { ...valid, urgency: 'asap' }],
      ['routing', { ...valid, routing: { level: 2, team: 'billing', priority: 'high' } }],
      ['bad level', { ...valid, routing: { level: 9, team: 'billing' } }],
    ];
    for (const [name, body] of cases) {
      const clean = JSON.parse(JSON.stringify(body));
      assert.equal(validate(clean), escalationRequestSchema.safeParse(clean).success, name);
    }
    assert.equal(validate(valid), true);
  });

  it('is an OpenAPI 3.1 document whose references all resolve', () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/api/escalations',
      '/api/escalations/{id}',
      '/api/escalations/{id}/assignee',
      '/api/escalations/{id}/claim',
      '/api/escalations/{id}/events',
      '/api/escalations/{id}/notes',
      '/api/escalations/{id}/release',
      '/api/events',
      '/api/handled',
      '/api/keys',
      '/api/keys/{id}',
      '/api/meta',
      '/api/session',
      '/api/session/oidc',
      '/api/session/oidc/callback',
      '/api/stats',
      '/api/users',
      '/api/users/{id}',
      '/healthz',
    ]);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    assert.ok(refs.length >= 8);
    for (const name of refs) assert.ok(doc.components.schemas[name], `${name} is defined`);
  });

  it('lets generated clients leave out what has a default, and names every operation once', () => {
    const doc = openApiDocument() as {
      components: { schemas: Record<string, { required?: string[] }> };
      paths: Record<string, Record<string, { operationId?: string; parameters?: { name: string; required?: boolean }[] }>>;
    };
    // urgency defaults to standard and contact to {}: a client may send neither.
    const required = doc.components.schemas.EscalationRequest!.required ?? [];
    assert.deepEqual(
      required.filter((f) => f === 'urgency' || f === 'contact'),
      [],
    );
    assert.equal(doc.paths['/api/escalations']!.get!.parameters!.find((p) => p.name === 'limit')!.required, undefined);
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.entries(item)
        .filter(([method]) => method !== 'parameters')
        .map(([, op]) => op.operationId),
    );
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id)));
  });
});
