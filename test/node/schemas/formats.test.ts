/**
 * The contract's formats are checks of our own (packages/sdk/src/schemas/formats.ts) that must
 * judge as zod's format schemas did: same patterns, same verdicts on the same strings. The
 * published JSON Schema is held to the committed documents by test/node/server/contract.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dateTimePattern, emailPattern, isoDateTime, uuid, uuidPattern } from '../../../packages/sdk/src/schemas/formats.ts';

// zod is the SDK's dependency, not the repository's: resolved from there.
const fromSdk = createRequire(new URL('../../../packages/sdk/package.json', import.meta.url));
type Schema = { safeParse(v: unknown): { success: boolean } };
const { regexes } = fromSdk('zod/v4/core') as { regexes: { uuid(): RegExp; email: RegExp; datetime(p: { offset: boolean }): RegExp } };
const z = fromSdk('zod/mini') as { uuid(): Schema; iso: { datetime(p: { offset: boolean }): Schema } };

const verdict = (schema: Schema, v: unknown) => schema.safeParse(v).success;

describe('contract formats', () => {
  it("test zod's own patterns", () => {
    assert.equal(uuidPattern.source, regexes.uuid().source);
    assert.equal(emailPattern.source, regexes.email.source);
    assert.equal(dateTimePattern.source, regexes.datetime({ offset: true }).source);
    for (const p of [uuidPattern, emailPattern, dateTimePattern]) assert.equal(p.flags, '');
  });

  it('judge as z.uuid() and z.iso.datetime({ offset: true }) do', () => {
    const uuids = [
      '0b5e6a4e-5d3f-4c8e-9a57-3f1f2f9f7c11',
      '0B5E6A4E-5D3F-4C8E-9A57-3F1F2F9F7C11',
      '00000000-0000-0000-0000-000000000000',
      'x',
      '',
      5,
      null,
    ];
    for (const v of uuids) assert.equal(verdict(uuid(), v), verdict(z.uuid(), v), String(v));
    const times = [
      '2026-11-22T08:00:00Z',
      '2026-11-22T08:00:00.123+01:00',
      '2026-02-29T08:00:00Z',
      '2024-02-29T08:00:00Z',
      '2026-11-22T08:00:00',
      '2026-11-22',
      1,
      undefined,
    ];
    for (const v of times) assert.equal(verdict(isoDateTime(), v), verdict(z.iso.datetime({ offset: true }), v), String(v));
  });

  it('name the field with the message they were given, for a wrong type too', () => {
    const said = (v: unknown) => {
      const r = uuid('Id must be a UUID').safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    assert.deepEqual(said('nope'), ['Id must be a UUID']);
    assert.deepEqual(said(5), ['Id must be a UUID']);
  });
});
