/**
 * Hostile text for the rendering tests: markup that runs script if it is ever parsed as HTML
 * (each calls `window.__pwned(tag)`, which a test exposes to count), a script URL, SVG, escaped
 * entities that must not be unescaped, emoji, right-to-left text, each field's longest allowed
 * value, and the bidi overrides the contract refuses. Plus where each goes in an escalation, and
 * a probe that reads a page's text and looks for markup that became elements.
 */
import { limits } from '@escalate-kit/sdk';

export interface HostilePayload {
  name: string;
  /** The text for a field of at most `max` characters (code points; `units` for UTF-16 limits). */
  text(max: number, units: boolean): string;
}

const fixed = (name: string, value: string): HostilePayload => ({ name, text: () => value });

/** A field's longest allowed value, made of markup and emoji, cut to fit its bound. */
function atTheLimit(max: number, units: boolean): string {
  const pattern = units ? `<img src=x onerror=__pwned('max')>` : `<img src=x onerror=__pwned('max')>😀`;
  const chars = [...pattern.repeat(Math.ceil(max / 10))];
  // Ends on a character the schemas do not trim, so the value is stored exactly as sent.
  return `${chars.slice(0, max - 1).join('')}Z`;
}

/** Accepted in every text field, each at most 40 characters so it fits a context key too. */
export const hostilePayloads: HostilePayload[] = [
  fixed('img onerror', `<img src=x onerror="__pwned('img')">`),
  fixed('script', `<script>__pwned('script')</script>`),
  fixed('javascript: URL', `javascript:__pwned('url')//`),
  fixed('SVG onload', `<svg onload=__pwned('svg')><a/></svg>`),
  fixed('entities', `&lt;b&gt; &amp; "q" 'x' \${x} {{7*7}}`),
  fixed('emoji', '😀 🇺🇦 ✊🏽 ❤️ 🎉 Ana'),
  fixed('right-to-left', 'مرحبا <b>שלום</b> عربي'),
  { name: 'at the limit', text: atTheLimit },
];

/** Refused in every text field of the contract ("Trojan Source"): the test asserts the refusal. */
export const refusedPayloads = [
  { name: 'bidi override', text: 'invoice\u202egdp.exe' },
  { name: 'bidi isolate', text: 'total \u2067100\u2069 due' },
];

/** The text fields of an escalation, with their bounds, and how to put a value there. */
export const textFields = [
  { name: 'taskId', max: limits.taskId },
  { name: 'taskTitle', max: limits.taskTitle },
  { name: 'notes', max: limits.notes },
  { name: 'customer.name', max: limits.name },
  { name: 'customer.accountId', max: limits.id },
  { name: 'agent.id', max: limits.id },
  { name: 'agent.name', max: limits.name },
  { name: 'customerRequest', max: limits.oneLine },
  { name: 'recommendation', max: limits.oneLine },
  // Context keys are bounded in UTF-16 units, values in characters.
  { name: 'context key', max: limits.contextKey, units: true },
  { name: 'context value', max: limits.contextValue },
] as const;
export type TextField = (typeof textFields)[number]['name'];

/** The payload's text for each field. */
export function valuesFor(payload: HostilePayload): Record<TextField, string> {
  return Object.fromEntries(textFields.map((f) => [f.name, payload.text(f.max, 'units' in f)])) as Record<TextField, string>;
}

/** A request body with `values` in every text field (what is not text stays valid). */
export function bodyWith(values: Partial<Record<TextField, string>>): Record<string, unknown> & { id: string } {
  const v = (field: TextField, fallback: string) => values[field] ?? fallback;
  return {
    id: crypto.randomUUID(),
    taskId: v('taskId', `T-${crypto.randomUUID().slice(0, 8)}`),
    taskTitle: v('taskTitle', 'Disputed charge'),
    category: 'billing',
    notes: v('notes', 'Issue: disputed charge. Tried: explained. Why: manager asked.'),
    contactMethod: 'email',
    contact: { email: 'pat@example.com' },
    customer: { name: v('customer.name', 'Pat Doe'), accountId: v('customer.accountId', 'A-77') },
    agent: { id: v('agent.id', 'agent-7'), name: v('agent.name', 'Avery Agent') },
    customerRequest: v('customerRequest', 'A refund'),
    recommendation: v('recommendation', 'Refund it'),
    context: { [v('context key', 'queue')]: v('context value', 'tier-1') },
    createdAt: new Date().toISOString(),
  };
}

/**
 * Runs in the page: the text under `host` (its shadow root when it has one; the document when
 * `null`), narrowed to `inner` inside it (and to what follows its h3 `afterHeading`), through every shadow root below; and what in it could
 * only come from content parsed as markup: an `on…` attribute, a script URL, or a script, image,
 * SVG, frame or object element (none of the views has one of its own).
 */
export function probeInPage(host: string | null, inner: string | null, afterHeading?: string) {
  // A loop, not a named inner function: tsx would wrap one in a `__name` helper the page lacks.
  const hostEl = host ? document.querySelector(host) : null;
  const scope: ParentNode | null = host ? (hostEl?.shadowRoot ?? hostEl) : document.body;
  const within = inner ? (scope?.querySelector(inner) ?? null) : scope;
  // `afterHeading`: what follows the h3 of that text (the list under "History").
  const start = afterHeading
    ? ([...(within?.querySelectorAll('h3') ?? [])].find((h) => h.textContent?.trim() === afterHeading)?.nextElementSibling ?? null)
    : within;
  const texts: string[] = [];
  const injected: string[] = [];
  const todo: ParentNode[] = start ? [start] : [];
  while (todo.length) {
    const node = todo.pop()!;
    texts.push(node.textContent ?? '');
    for (const el of node.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) injected.push(`${el.tagName} ${attr}`);
        if (/^\s*javascript:/i.test(el.getAttribute(attr) ?? '')) injected.push(`${el.tagName} ${attr}=javascript:`);
      }
      if (/^(script|img|svg|iframe|object|embed)$/i.test(el.tagName)) injected.push(el.tagName);
      if (el.shadowRoot) todo.push(el.shadowRoot);
    }
  }
  return { found: start !== null, text: texts.join('\n'), injected };
}
