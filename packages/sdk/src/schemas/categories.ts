/**
 * The categories an agent picks from. Hosts may offer their own; these are the defaults of our
 * procedures (docs/policy.md#categories), in their order, with their "use when" hints.
 */
export const defaultCategories = [
  { id: 'complaint', label: 'Complaint', hint: 'Customer unhappy or has problem' },
  { id: 'billing', label: 'Billing', hint: 'Payment, charges, refunds' },
  { id: 'pricing', label: 'Pricing', hint: 'Quote or estimate concerns' },
  { id: 'technical', label: 'Technical', hint: 'System or equipment problems' },
  { id: 'other', label: 'Other', hint: "Doesn't fit other categories" },
] as const satisfies readonly CategoryDefinition[];

/** A category a host offers: a slug on the wire, a label and a hint for people. */
export interface CategoryDefinition {
  id: string;
  label: string;
  hint?: string;
}

/** The default category ids: `complaint | billing | pricing | technical | other`. */
export type DefaultCategory = (typeof defaultCategories)[number]['id'];
