/**
 * Text that is not well-formed Unicode (a lone UTF-16 surrogate: half of an emoji) is refused at
 * validation, naming the field, by the SDK and by the server alike: the store never sees it, so
 * no server error can follow that a retry would repeat forever.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escalationRequestSchema, toFieldIssues } from '@escalate-kit/sdk';
import { createEscalationHandler, createPgliteStore } from '../../packages/server/src/index.ts';

const base = () => ({
  id: crypto.randomUUID(),
  taskId: `T-${crypto.randomUUID().slice(0, 8)}`,
  category: 'billing',
  notes: 'Issue: Customer disputing a charge. Tried: explained the policy.',
  contactMethod: 'email',
  contact: { email: 'ana@example.com' },
  createdAt: '2025-11-14T09:59:00.000Z',
});

const broken: [string, (b: ReturnType<typeof base>) => object, (string | number)[]][] = [
  ['notes (high surrogate alone)', (b) => ({ ...b, notes: `${b.notes} \ud83d` }), ['notes']],
  ['notes (low surrogate alone)', (b) => ({ ...b, notes: `\ude00 ${b.notes}` }), ['notes']],
  ['task id', (b) => ({ ...b, taskId: 'T-\ud800' }), ['taskId']],
  ['task title', (b) => ({ ...b, taskTitle: 'Charge \udbff' }), ['taskTitle']],
  ['customer name', (b) => ({ ...b, customer: { name: 'Ana \ud83d' } }), ['customer', 'name']],
  ['recommendation', (b) => ({ ...b, recommendation: '\udc00' }), ['recommendation']],
  ['a context value', (b) => ({ ...b, context: { queue: 'tier-1\ud83d' } }), ['context', 'queue']],
  ['a context key', (b) => ({ ...b, context: { 'q\ud83d': 'x' } }), ['context', 'q\ud83d']],
];

describe('well-formed Unicode', () => {
  for (const [name, make, path] of broken) {
    it(`the SDK's schema refuses a broken character in ${name}, naming the field`, () => {
      const r = escalationRequestSchema.safeParse(make(base()));
      assert.equal(r.success, false);
      assert.deepEqual(
        toFieldIssues(r.error!.issues).map((i) => i.path),
        [path],
      );
    });
  }

  it('keeps whole emoji and every script', () => {
    const r = escalationRequestSchema.safeParse({ ...base(), notes: 'Issue: 😀 👨‍👩‍👧 Ana Ruiz – 漢字 – العربية – मराठी, all fine.' });
    assert.equal(r.success, true);
  });

  it('the server answers 400 naming the field, and stores nothing (PGlite, which cannot store one)', async () => {
    const store = createPgliteStore({ dataDir: 'memory://' });
    await store.migrate();
    // Auth off: this test is about validation, which comes before any role.
    const handler = createEscalationHandler({ store, auth: false });
    try {
      for (const [, make, path] of broken) {
        const body = make(base()) as { id: string };
        const response = await handler(
          new Request('http://escalations.test/api/escalations', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': body.id },
            // JSON keeps the lone surrogate as an escape, as a client would send it.
            body: JSON.stringify(body),
          }),
        );
        assert.equal(response.status, 400);
        const answer = (await response.json()) as { issues: { path: (string | number)[] }[] };
        assert.deepEqual(
          answer.issues.map((i) => i.path),
          [path],
        );
        assert.equal(await store.get(body.id), undefined);
      }
    } finally {
      handler.close();
      await store.close();
    }
  });
});
