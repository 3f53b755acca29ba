/** The component schemas (contact, customer, agent, routing, context, signals) and the limits. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  agentSchema,
  categorySchema,
  contactMethods,
  contactSchema,
  contextSchema,
  customerSchema,
  defaultCategories,
  limits,
  priorities,
  routingSchema,
  signalsSchema,
  slugPattern,
  urgencies,
} from '@escalate-kit/sdk';
import { contractSchemas } from '@escalate-kit/server';
import { issuesOf, parse, rawIssuesOf } from './support.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

describe('component schemas', () => {
  it('contactSchema accepts an empty contact and rejects unknown keys at its root', () => {
    assert.deepEqual(parse(contactSchema, {}), {});
    assert.deepEqual(issuesOf(contactSchema, { fax: '1' }), [[]]);
    assert.deepEqual(issuesOf(contactSchema, { phone: '12' }), [['phone']]);
  });

  it('contextSchema reports keys and count relative to itself', () => {
    assert.deepEqual(issuesOf(contextSchema, { ok: 1, bad: null }), [['bad']]);
    assert.deepEqual(
      issuesOf(contextSchema, Object.fromEntries(Array.from({ length: limits.contextKeys + 1 }, (_, i) => [`k${i}`, true]))),
      [[]],
    );
  });

  it('routingSchema requires level and team', () => {
    assert.deepEqual(issuesOf(routingSchema, {}), [['level'], ['team']]);
    assert.deepEqual(parse(routingSchema, { level: 1, team: 'account' }), { level: 1, team: 'account' });
  });

  it('routingSchema: a fraction is only "a whole number", an integer past 2^53 is also out of bounds', () => {
    const words = (level: unknown) => rawIssuesOf(routingSchema, { level, team: 'a' }).map((i) => i.message);
    assert.deepEqual(words(7.5), ['Level must be a whole number']);
    assert.deepEqual(words(2 ** 60), ['Level must be a whole number', 'Level must be 5 or less']);
    assert.deepEqual(words(-(2 ** 60)), ['Level must be a whole number', 'Level must be 1 or more']);
    assert.deepEqual(words(5), []);
  });

  it('routingSchema publishes its level as an integer from 1 to 5', () => {
    const request = contractSchemas().EscalationRequest as { properties: { routing: { properties: { level: unknown } } } };
    assert.deepEqual(request.properties.routing.properties.level, { type: 'integer', minimum: 1, maximum: limits.routingLevel });
  });

  it('signalsSchema bounds an amount on both sides and publishes the bounds', () => {
    const words = (credit: unknown) => rawIssuesOf(signalsSchema, { credit }).map((i) => i.message);
    assert.deepEqual(words(-1), ['Amounts must be 0 or more']);
    assert.deepEqual(words(limits.amount + 1), [`Amounts must be at most ${limits.amount}`]);
    assert.deepEqual(words(0), []);
    const request = contractSchemas().EscalationRequest as { properties: { signals: { properties: { credit: unknown } } } };
    assert.deepEqual(request.properties.signals.properties.credit, { type: 'number', minimum: 0, maximum: limits.amount });
  });

  it('customerSchema and agentSchema trim their fields', () => {
    assert.deepEqual(parse(customerSchema, { name: ' Pat ' }), { name: 'Pat' });
    assert.deepEqual(parse(agentSchema, { id: ' a-1 ' }), { id: 'a-1' });
  });

  it('categorySchema takes any slug within the limit', () => {
    assert.equal(parse(categorySchema, 'escalation_v2'), 'escalation_v2');
    assert.deepEqual(issuesOf(categorySchema, 'Escalation'), [[]]);
  });
});

describe('limits and defaults', () => {
  it('matches the bounds of the wire contract (docs/architecture.md#wire-contract)', () => {
    assert.equal(limits.taskId, 200);
    assert.equal(limits.notes, 5000);
  });

  it('offers the five categories of docs/policy.md#categories in order, each a valid slug within the limit', () => {
    assert.deepEqual(
      defaultCategories.map((c) => c.id),
      ['complaint', 'billing', 'pricing', 'technical', 'other'],
    );
    for (const c of defaultCategories) {
      assert.match(c.id, slugPattern);
      assert.ok(c.id.length <= limits.category);
      assert.ok(c.label.length > 0 && c.hint.length > 0);
    }
  });

  it('lists the contact methods, urgencies and priorities of the contract', () => {
    assert.deepEqual([...contactMethods], ['call', 'text', 'email']);
    assert.deepEqual([...urgencies], ['urgent', 'standard']);
    assert.deepEqual([...priorities], ['critical', 'high', 'medium', 'low']);
  });
});
