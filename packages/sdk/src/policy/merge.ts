/** A host's overrides merged into the defaults, and validated. */
import { EscalationValidationError, toFieldIssues } from '../errors.ts';
import { deepFreeze } from '../utils/deep-freeze.ts';
import { defaultPolicy } from './defaults.ts';
import { escalationPolicySchema, type EscalationPolicy, type PolicyOverrides } from './schema.ts';

/**
 * Builds a policy from the defaults and the host's overrides, and validates it.
 *
 * Objects are merged key by key, arrays and durations are replaced, `undefined` is ignored.
 *
 * @throws {EscalationValidationError} when the result is not a valid policy; `issues`
 * names each bad field, e.g. `['limits', 'credit', '2']`.
 * @example
 * ```ts
 * // This contact centre lets supervisors approve credits up to $75.
 * const policy = definePolicy({ limits: { credit: { 2: 75 } } });
 * suggestRouting({ category: 'billing', credit: 60 }, policy).level; // 1
 * ```
 */
export function definePolicy(overrides: PolicyOverrides = {}): EscalationPolicy {
  const result = escalationPolicySchema.safeParse(merge(defaultPolicy, overrides));
  if (!result.success) throw new EscalationValidationError(toFieldIssues(result.error.issues));
  return deepFreeze(result.data);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isDuration(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && /^(minutes|hours|businessDays)$/.test(keys[0]!);
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over) || isDuration(base)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    // Overrides may come from JSON config: never let them reach a prototype.
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = merge(base[k], v);
  }
  return out;
}
