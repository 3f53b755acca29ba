/**
 * The short reference of an escalation, for people: what the agent reads out to the customer
 * and what the account team searches for. The first 8 hex digits of its id, upper-case (one in
 * four billion clash), so it is derived, never stored, and the same everywhere.
 *
 * @example
 * ```ts
 * escalationReference('7f3ka1b2-…'); // '7F3KA1B2'
 * ```
 */
export function escalationReference(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}
