/**
 * Freezes an object and everything in it. The default policy is shared by every caller: a
 * mutation would leak into every other escalation on the page.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
