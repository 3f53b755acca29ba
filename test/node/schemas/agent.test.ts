/** The agent in a request: an e-mail the account team's progress reaches, and a start date the rates are read against. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escalationRequestSchema } from '@escalate-kit/sdk';
import { makeRequest } from '../../support/fixtures.ts';

const paths = (agent: unknown) => {
  const parsed = escalationRequestSchema.safeParse({ ...makeRequest(), agent });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('request: the agent', () => {
  it('takes an id, a name, an e-mail and the day they started', () => {
    assert.deepEqual(paths({ id: 'a-7', name: 'Sam', email: 'sam@acme.test', startedOn: '2024-02-29' }), []);
  });

  it('refuses an e-mail that is not one, and a start date that is no real day, by name', () => {
    assert.deepEqual(paths({ email: 'sam', startedOn: '2025-02-30' }), [
      'agent.email: Enter an e-mail address, e.g. name@example.com',
      'agent.startedOn: Start date must be a date such as 2025-03-01',
    ]);
    assert.deepEqual(paths({ startedOn: '2025-3-1' }), ['agent.startedOn: Start date must be a date such as 2025-03-01']);
    assert.deepEqual(paths({ startedOn: 20250301 }), ['agent.startedOn: Start date must be text']);
  });
});
