/**
 * Rules the server holds whatever a client sends: one open escalation per task (409
 * `task_already_escalated`), the urgency the policy fixes (fraud: urgent), and the task title
 * carried to the account team. On the memory store and on PGlite (the embedded default).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createEscalationClient, errorBodySchema, EscalationHttpError } from '@escalate-kit/sdk';
import {
  createEscalationHandler,
  createMemoryStore,
  storedEscalationSchema,
  type EscalationStore,
} from '../../../packages/server/src/index.ts';
import { renderEscalationEmail } from '../../../packages/server/src/email.ts';
import { BASE, FRIDAY, get, notes, patch, postRequest, storeKinds, uniqueTask, wire } from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`server rules on the ${kind.name} store`, () => {
    // One store for the suite: every test works on tasks of its own.
    let opened: Promise<EscalationStore> | undefined;
    after(async () => (await opened)?.close());
    async function setup() {
      const store = await (opened ??= kind.open());
      return { store, handler: createEscalationHandler({ store, auth: false, clock: () => new Date(FRIDAY) }) };
    }

    it('answers a second escalation of a task with an open one with 409 task_already_escalated, naming it', async () => {
      const { handler } = await setup();
      const first = wire();
      assert.equal((await handler(postRequest(first))).status, 201);
      const second = wire({ taskId: first.taskId, notes: `${notes} Customer called again.` });
      const response = await handler(postRequest(second));
      assert.equal(response.status, 409);
      const body = errorBodySchema.parse(await response.json());
      assert.equal(body.error, 'task_already_escalated');
      assert.deepEqual(body.existing, { id: first.id, status: 'open', team: 'billing', respondBy: '2025-11-19T23:59:59.999Z' });
      assert.match(body.message ?? '', new RegExp(`Task ${first.taskId} already has an escalation that is open`));
      // Nothing was stored for the second one.
      assert.equal((await handler(get(`/api/escalations/${second.id}`))).status, 404);
      const list = (await (await handler(get(`/api/escalations?taskId=${first.taskId}`))).json()) as { items: { id: string }[] };
      assert.deepEqual(
        list.items.map((i) => i.id),
        [first.id],
      );
    });

    it('still answers a replay of the open escalation itself with 200 duplicate', async () => {
      const { handler } = await setup();
      const first = wire();
      assert.equal((await handler(postRequest(first))).status, 201);
      const again = await handler(postRequest(first));
      assert.equal(again.status, 200);
      assert.equal(((await again.json()) as { duplicate: boolean }).duplicate, true);
    });

    it('takes a new escalation once the earlier one is resolved, and one of another task at any time', async () => {
      const { handler } = await setup();
      const first = wire();
      assert.equal((await handler(postRequest(first))).status, 201);
      assert.equal((await handler(postRequest(wire()))).status, 201, 'another task');
      assert.equal((await handler(patch(first.id, { status: 'contacted' }))).status, 200);
      assert.equal((await handler(postRequest(wire({ taskId: first.taskId })))).status, 409, 'contacted is still open');
      assert.equal((await handler(patch(first.id, { status: 'resolved' }))).status, 200);
      assert.equal((await handler(postRequest(wire({ taskId: first.taskId })))).status, 201, 'after resolution');
    });

    it('stores one escalation when ten of one task arrive at once', async () => {
      const { handler } = await setup();
      const taskId = uniqueTask();
      const responses = await Promise.all(Array.from({ length: 10 }, () => handler(postRequest(wire({ taskId })))));
      const statuses = responses.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, ...Array(9).fill(409)]);
      const list = (await (await handler(get(`/api/escalations?taskId=${taskId}`))).json()) as { items: unknown[] };
      assert.equal(list.items.length, 1);
    });

    it('stores a fraud-flagged escalation as urgent whatever urgency was sent, due the same day', async () => {
      const { handler } = await setup();
      const body = wire({ urgency: 'standard', signals: { fraudSuspected: true } });
      const response = await handler(postRequest(body));
      assert.equal(response.status, 201);
      const receipt = (await response.json()) as { respondBy: string; team: string };
      assert.equal(receipt.respondBy, '2025-11-14T23:59:59.999Z', 'the end of the same business day');
      const stored = storedEscalationSchema.parse(await (await handler(get(`/api/escalations/${body.id}`))).json());
      assert.equal(stored.request.urgency, 'urgent');
      assert.deepEqual(stored.request.signals, { fraudSuspected: true });
      assert.equal(stored.team, 'fraud');
      // A replay of what the client sent is the same escalation, not a conflict.
      assert.equal((await handler(postRequest(body))).status, 200);
    });

    it('keeps the urgency the agent chose when no rule fixes it', async () => {
      const { handler } = await setup();
      const body = wire({ urgency: 'standard', signals: { legalThreat: true } });
      assert.equal((await handler(postRequest(body))).status, 201);
      const stored = storedEscalationSchema.parse(await (await handler(get(`/api/escalations/${body.id}`))).json());
      assert.equal(stored.request.urgency, 'standard');
    });

    it('carries the task title to the account team (stored, and in the e-mail)', async () => {
      const { handler } = await setup();
      const body = wire({ taskTitle: 'Disputed $450 charge' });
      assert.equal((await handler(postRequest(body))).status, 201);
      const stored = storedEscalationSchema.parse(await (await handler(get(`/api/escalations/${body.id}`))).json());
      assert.equal(stored.request.taskTitle, 'Disputed $450 charge');
      const mail = renderEscalationEmail(stored);
      assert.match(mail.subject, new RegExp(`Task ${body.taskId}: Disputed \\$450 charge$`));
      assert.ok(mail.text.includes(`${body.taskId} · Disputed $450 charge`));
      assert.ok(mail.html.includes('Disputed $450 charge'));
    });

    it('refuses a task title that is too long, by name', async () => {
      const { handler } = await setup();
      const response = await handler(postRequest(wire({ taskTitle: 'x'.repeat(201) })));
      assert.equal(response.status, 400);
      const body = errorBodySchema.parse(await response.json());
      assert.deepEqual(
        body.issues?.map((i) => i.path),
        [['taskTitle']],
      );
    });
  });
}

describe('SDK client and a task that is already escalated', () => {
  it('rejects with EscalationHttpError 409, code task_already_escalated and the existing escalation', async () => {
    const store = createMemoryStore();
    const handler = createEscalationHandler({ store, auth: false, clock: () => new Date(FRIDAY) });
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init));
    const client = createEscalationClient({ endpoint: `${BASE}/api/escalations`, fetch: fetch as typeof globalThis.fetch, outbox: false });
    const input = {
      taskId: 'T-77',
      category: 'billing' as const,
      notes,
      contactMethod: 'email' as const,
      contact: { email: 'pat@example.com' },
    };
    const first = await client.escalate(input);
    assert.equal(first.status, 'sent');
    await assert.rejects(client.escalate({ ...input, notes: `${notes} Again.` }), (e: unknown) => {
      assert.ok(e instanceof EscalationHttpError);
      assert.equal(e.status, 409);
      assert.equal(e.code, 'task_already_escalated');
      assert.equal(e.existing?.id, first.status === 'sent' ? first.receipt.id : undefined);
      assert.equal(e.existing?.status, 'open');
      return true;
    });
  });
});
