/** definePolicy: overrides merged into the defaults and validated. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultPolicy,
  definePolicy,
  escalationPolicySchema,
  EscalationValidationError,
  suggestRouting,
  type PolicyOverrides,
} from '@escalate-kit/sdk';

describe('definePolicy', () => {
  it('returns the defaults without overrides, and the defaults are valid', () => {
    assert.deepEqual(definePolicy(), defaultPolicy);
    assert.equal(escalationPolicySchema.safeParse(defaultPolicy).success, true);
  });

  it('merges overrides: raising the supervisor limit changes routing', () => {
    const policy = definePolicy({ limits: { credit: { 2: 75 } } });
    assert.equal(policy.limits.credit['1'], 20, 'the other limit is kept');
    assert.equal(suggestRouting({ category: 'billing', credit: 60 }, policy).level, 1);
    assert.equal(suggestRouting({ category: 'billing', credit: 75.01 }, policy).level, 2);
    assert.match(suggestRouting({ category: 'billing', credit: 80 }, policy).reasons.join(), /over the \$75 limit/);
  });

  it('never changes the defaults', () => {
    definePolicy({ limits: { credit: { 2: 75 } }, mandatoryCategories: [] });
    assert.equal(defaultPolicy.limits.credit['2'], 50);
    assert.deepEqual(defaultPolicy.mandatoryCategories, ['complaint']);
    assert.throws(() => {
      (defaultPolicy.limits as { refund: number }).refund = 1;
    }, TypeError);
    assert.equal(suggestRouting({ category: 'billing', credit: 60 }).level, 2);
  });

  it('replaces arrays instead of merging them', () => {
    const policy = definePolicy({ mandatoryCategories: ['billing'] });
    assert.deepEqual(policy.mandatoryCategories, ['billing']);
    assert.equal(suggestRouting({ category: 'billing' }, policy).mandatory, true);
    assert.equal(suggestRouting({ category: 'complaint' }, policy).mandatory, false);
  });

  it('replaces durations instead of merging units', () => {
    const policy = definePolicy({ priorities: { critical: { respond: { hours: 1 } } } });
    assert.deepEqual(policy.priorities.critical, { respond: { hours: 1 }, resolve: { hours: 4 } });
  });

  it('changes teams and signal rules', () => {
    const policy = definePolicy({
      teams: { categories: { shipping: 'logistics' } },
      signals: { fraudSuspected: { team: 'security' }, vip: { level: 3 } },
    });
    assert.equal(suggestRouting({ category: 'shipping' }, policy).team, 'logistics');
    assert.equal(suggestRouting({ category: 'billing' }, policy).team, 'billing');
    const fraud = suggestRouting({ category: 'other', fraudSuspected: true }, policy);
    assert.equal(fraud.team, 'security');
    assert.equal(fraud.customerScriptAllowed, false, 'the rest of the fraud rule is kept');
    assert.equal(suggestRouting({ category: 'other', vip: true }, policy).levelName, 'Specialised team');
  });

  it('ignores prototype keys from JSON config', () => {
    const overrides = JSON.parse('{"__proto__": {"polluted": true}, "limits": {"refund": 200}}') as PolicyOverrides;
    const policy = definePolicy(overrides);
    assert.equal(policy.limits.refund, 200);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  const invalid: [string, unknown, (string | number)[]][] = [
    ['a negative limit', { limits: { credit: { 2: -5 } } }, ['limits', 'credit', '2']],
    ['a negative refund limit', { limits: { refund: -1 } }, ['limits', 'refund']],
    ['a level out of range', { signals: { vip: { level: 9 } } }, ['signals', 'vip', 'level']],
    ['a team that is not an id', { signals: { fraudSuspected: { team: 'Fraud Team' } } }, ['signals', 'fraudSuspected', 'team']],
    ['a duration with no unit', { priorities: { high: { respond: {} } } }, ['priorities', 'high', 'respond']],
    ['an unknown priority', { serviceImpact: { outage: 'asap' } }, ['serviceImpact', 'outage']],
  ];
  for (const [name, overrides, path] of invalid) {
    it(`throws EscalationValidationError naming the field for ${name}`, () => {
      assert.throws(
        () => definePolicy(overrides as PolicyOverrides),
        (err: unknown) => {
          assert.ok(err instanceof EscalationValidationError);
          assert.equal(err.kind, 'validation');
          assert.ok(
            err.issues.some((i) => JSON.stringify(i.path) === JSON.stringify(path)),
            `expected an issue at ${path.join('.')}, got ${JSON.stringify(err.issues)}`,
          );
          assert.match(err.message, new RegExp(path.join('\\.')));
          return true;
        },
      );
    });
  }

  it('types overrides as deep partials, with durations given whole', () => {
    const ok: PolicyOverrides = { urgencies: { standard: { businessDays: 2 } }, priorities: { low: { resolve: { hours: 48 } } } };
    assert.deepEqual(definePolicy(ok).priorities.low.resolve, { hours: 48 });
    // @ts-expect-error a duration replaces the default whole, so it needs its unit
    const bad: PolicyOverrides = { priorities: { low: { resolve: {} } } };
    assert.throws(() => definePolicy(bad), EscalationValidationError);
  });

  it('rejects an unknown key instead of ignoring a typo', () => {
    assert.throws(() => definePolicy({ limts: { refund: 5 } } as PolicyOverrides), EscalationValidationError);
  });
});
