/**
 * The wire contract (docs/architecture.md#wire-contract): every field and every bound of
 * the request, input, receipt and error-body schemas, with the exact issue path of
 * every rejection. Tables of cases, one `it` per row.
 */
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
  errorBodySchema,
  escalationInputSchema,
  escalationReceiptSchema,
  escalationRequestSchema,
  limits,
  priorities,
  routingSchema,
  slugPattern,
  urgencies,
} from '@escalate-kit/sdk';

// ---------------------------------------------------------------------------------------------
// Helpers

type Path = readonly (string | number)[];
interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code: string;
}
interface Parser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly Issue[] } };
}

/** Every issue zod reports, in order (empty when the value passes). */
function rawIssuesOf(schema: Parser, value: unknown): readonly Issue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues;
}

/** The distinct paths of the issues, in order (`[]` when the value passes). */
function issuesOf(schema: Parser, value: unknown): Path[] {
  const seen = new Map<string, Path>();
  for (const issue of rawIssuesOf(schema, value)) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    seen.set(JSON.stringify(path), path);
  }
  return [...seen.values()];
}

function parse(schema: Parser, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) assert.fail(`expected success, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** Marks a key that is absent (to set: remove it; to expect: must not be there). */
const OMIT = Symbol('omit');
type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

/** A deep copy of `base` with `value` at `path` (created as needed); `OMIT` removes the key. */
function withValue(base: Json, path: Path, value: unknown): Json {
  const copy = structuredClone(base);
  let node: Json = copy;
  path.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (!isRecord(next)) node[key] = {};
    node = node[key] as Json;
  });
  const last = path.at(-1);
  if (last === undefined) throw new Error('empty path');
  if (value === OMIT) delete node[last];
  else node[last] = value;
  return copy;
}

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const key of path) {
    if (!isRecord(node) || !Object.hasOwn(node, key)) return OMIT;
    node = node[key];
  }
  return node;
}

const uuid = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const createdAt = '2025-03-04T10:15:00.000Z';

/** A complete, valid request: every optional part present. */
function fullRequest(): Json {
  return {
    id: uuid,
    taskId: 'T-1042',
    category: 'billing',
    notes: 'Issue: Customer disputing $450 charge.\nTried: Explained policy.\nWhy: Demands a manager.',
    contactMethod: 'email',
    contact: { phone: '+1 555 123 4567', email: 'pat@example.com' },
    urgency: 'urgent',
    customer: { name: 'Pat Doe', accountId: 'A-77' },
    agent: { id: 'agent-7', name: 'Sam Agent' },
    routing: { level: 2, team: 'billing', priority: 'high' },
    context: { queue: 'tier-1', attempt: 2, vip: true },
    createdAt,
  };
}

/** The smallest valid request: only what the contract requires. */
function minimalRequest(): Json {
  return {
    id: uuid,
    taskId: 'T-1',
    category: 'other',
    notes: 'n',
    contactMethod: 'call',
    contact: { phone: '5551234' },
    createdAt,
  };
}

interface Case {
  name: string;
  /** The field under test. */
  at: Path;
  /** Its value (`OMIT` to leave it out). */
  value: unknown;
  /** Other top-level fields for this case. */
  also?: Json;
  /** The single path every issue must be on; absent means the value is accepted. */
  rejects?: Path;
  /** Several expected paths, in order. */
  rejectsAll?: Path[];
  /** The parsed value at `at` when accepted (defaults to `value`, i.e. unchanged). */
  gives?: unknown;
  todo?: string;
}

function runCases(schema: Parser, base: () => Json, cases: readonly Case[]) {
  for (const c of cases) {
    it(c.name, c.todo ? { todo: c.todo } : {}, () => {
      const input = withValue({ ...base(), ...structuredClone(c.also ?? {}) }, c.at, c.value);
      const expected = c.rejectsAll ?? (c.rejects ? [c.rejects] : undefined);
      if (expected) {
        assert.deepEqual(issuesOf(schema, input), expected);
      } else {
        const data = parse(schema, input);
        assert.deepEqual(valueAt(data, c.at), 'gives' in c ? c.gives : c.value);
      }
    });
  }
}

const label = (path: Path) => path.join('.');
const a = (n: number) => 'a'.repeat(n);

/** Exactly at the limit passes, one past it fails. */
function bounds(at: Path, max: number, make: (n: number) => string = a): Case[] {
  return [
    { name: `accepts ${label(at)} of exactly ${max} characters`, at, value: make(max) },
    { name: `rejects ${label(at)} of ${max + 1} characters`, at, value: make(max + 1), rejects: at },
  ];
}

const xss = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const controls: [string, string][] = [
  ['NUL', '\u0000'],
  ['BEL (\\u0007)', '\u0007'],
  ['an ANSI escape sequence', '\u001b[31mred\u001b[0m'],
  ['DEL (\\u007f)', '\u007f'],
  ['NEL (\\u0085, C1)', '\u0085'],
];
const lineBreaks: [string, string][] = [
  ['a tab', '\t'],
  ['a newline', '\n'],
  ['a carriage return', '\r'],
];

/** Control characters (and, for single-line fields, tab/newline) inside the value are rejected. */
function noControls(at: Path, sample: string, singleLine: boolean, rejectAt: Path = at): Case[] {
  return [...controls, ...(singleLine ? lineBreaks : [])].map(([what, ch]) => ({
    name: `rejects ${what} inside ${label(at)}`,
    at,
    value: `${sample.slice(0, 1)}${ch}${sample.slice(1)}`,
    rejects: rejectAt,
  }));
}

/** The rules every single-line, trimmed, required-when-present text field shares. */
function lineField(at: Path, max: number, sample: string): Case[] {
  return [
    { name: `accepts a plain ${label(at)}`, at, value: sample },
    ...bounds(at, max),
    { name: `trims surrounding whitespace from ${label(at)}`, at, value: `  \t${sample}\n `, gives: sample },
    { name: `counts ${label(at)} after trimming (${max} + padding passes)`, at, value: `  ${a(max)}  `, gives: a(max) },
    { name: `rejects an empty ${label(at)}`, at, value: '', rejects: at },
    { name: `rejects a whitespace-only ${label(at)}`, at, value: ' \t \u00a0 ', rejects: at },
    ...xss.map((value) => ({ name: `accepts markup ${value} in ${label(at)} unchanged`, at, value })),
    ...noControls(at, sample, true),
    { name: `rejects a number for ${label(at)}`, at, value: 42, rejects: at },
    { name: `rejects null for ${label(at)}`, at, value: null, rejects: at },
  ];
}

// ---------------------------------------------------------------------------------------------
// Request field table (shared by the request and input schemas)

const fieldCases: Case[] = [
  // id
  { name: 'accepts a v4 UUID id', at: ['id'], value: '9b2f6c1e-8d4a-4f3b-9c2e-1a2b3c4d5e6f' },
  { name: 'accepts crypto.randomUUID() as id', at: ['id'], value: crypto.randomUUID() },
  { name: 'rejects an id that is not a UUID', at: ['id'], value: 'not-a-uuid', rejects: ['id'] },
  { name: 'rejects an empty id', at: ['id'], value: '', rejects: ['id'] },
  { name: 'rejects a UUID in braces', at: ['id'], value: `{${uuid}}`, rejects: ['id'] },
  { name: 'rejects a UUID with surrounding spaces (ids are not trimmed)', at: ['id'], value: ` ${uuid} `, rejects: ['id'] },
  { name: 'rejects a UUID missing a digit', at: ['id'], value: uuid.slice(0, -1), rejects: ['id'] },
  { name: 'rejects a number id', at: ['id'], value: 1042, rejects: ['id'] },

  // taskId
  ...lineField(['taskId'], limits.taskId, 'T-1042'),
  { name: 'rejects a 100 kB taskId', at: ['taskId'], value: a(100_000), rejects: ['taskId'] },

  // category
  ...defaultCategories.map(({ id }) => ({ name: `accepts the default category ${id}`, at: ['category'], value: id })),
  { name: 'accepts a host-defined slug category', at: ['category'], value: 'fraud' },
  { name: 'accepts a slug with digits, - and _', at: ['category'], value: 'vip_refund-2' },
  ...bounds(['category'], limits.category),
  { name: 'rejects an empty category', at: ['category'], value: '', rejects: ['category'] },
  { name: 'rejects an upper-case category', at: ['category'], value: 'Billing', rejects: ['category'] },
  {
    name: 'rejects a category with surrounding spaces (slugs are not trimmed)',
    at: ['category'],
    value: ' billing',
    rejects: ['category'],
  },
  { name: 'rejects a category starting with a digit', at: ['category'], value: '1billing', rejects: ['category'] },
  { name: 'rejects a category with a space inside', at: ['category'], value: 'bill ing', rejects: ['category'] },
  { name: 'rejects markup as a category', at: ['category'], value: '<script>', rejects: ['category'] },
  { name: 'rejects an object as category', at: ['category'], value: { id: 'billing' }, rejects: ['category'] },
  { name: 'rejects a number as category', at: ['category'], value: 1, rejects: ['category'] },

  // notes
  ...bounds(['notes'], limits.notes),
  ...bounds(['notes'], limits.notes, (n) => '\u{1F600}'.repeat(n)).map((c) => ({
    ...c,
    name: `${c.name} (emoji count as one character each)`,
  })),
  {
    name: 'trims surrounding whitespace from notes',
    at: ['notes'],
    value: '\n  Issue: x. Tried: y. Why: z.  \t\n',
    gives: 'Issue: x. Tried: y. Why: z.',
  },
  { name: 'counts notes after trimming (5000 + padding passes)', at: ['notes'], value: `\n\n${a(limits.notes)}  `, gives: a(limits.notes) },
  { name: 'rejects empty notes', at: ['notes'], value: '', rejects: ['notes'] },
  { name: 'rejects whitespace-only notes', at: ['notes'], value: '  \n\t\r\n \u00a0 ', rejects: ['notes'] },
  {
    name: 'accepts tabs and newlines inside notes unchanged',
    at: ['notes'],
    value: 'Issue:\tdouble charge\nTried:\trefund\r\nWhy:\tmanager',
  },
  ...xss.map((value) => ({ name: `accepts markup ${value} in notes unchanged`, at: ['notes'], value })),
  {
    name: 'accepts SQL- and template-looking text in notes unchanged',
    at: ['notes'],
    value: "'; DROP TABLE escalations;-- {{constructor.constructor('alert(1)')()}} =HYPERLINK(\"x\")",
  },
  { name: 'rejects a 100 kB notes string', at: ['notes'], value: `Issue: ${a(100_000)}`, rejects: ['notes'] },
  ...noControls(['notes'], 'Issue', false),
  { name: 'rejects a vertical tab inside notes', at: ['notes'], value: 'a\u000bb', rejects: ['notes'] },
  { name: 'rejects a form feed inside notes', at: ['notes'], value: 'a\u000cb', rejects: ['notes'] },
  { name: 'rejects an array for notes', at: ['notes'], value: ['Issue', 'Tried'], rejects: ['notes'] },
  { name: 'rejects a number for notes', at: ['notes'], value: 5, rejects: ['notes'] },
  { name: 'rejects null for notes', at: ['notes'], value: null, rejects: ['notes'] },

  // contactMethod
  { name: 'accepts contactMethod call with a phone', at: ['contactMethod'], value: 'call' },
  { name: 'accepts contactMethod text with a phone', at: ['contactMethod'], value: 'text' },
  { name: 'accepts contactMethod email with an e-mail', at: ['contactMethod'], value: 'email' },
  { name: 'rejects an unknown contactMethod', at: ['contactMethod'], value: 'sms', rejects: ['contactMethod'] },
  { name: 'rejects a capitalised contactMethod', at: ['contactMethod'], value: 'Call', rejects: ['contactMethod'] },
  { name: 'rejects an empty contactMethod', at: ['contactMethod'], value: '', rejects: ['contactMethod'] },
  { name: 'rejects null for contactMethod', at: ['contactMethod'], value: null, rejects: ['contactMethod'] },

  // contact.phone (the chosen address when calling)
  ...['+1 555 123 4567', '(555) 123-4567', '555.123.4567', '5551234', '+123456789012345'].map((value) => ({
    name: `accepts the phone ${value}`,
    at: ['contact', 'phone'],
    value,
    also: { contactMethod: 'call' },
  })),
  ...[
    ['6 digits', '555-123'],
    ['16 digits', '+1234567890123456'],
    ['letters', '+1 555 CALL NOW'],
    ['an extension', '555 1234 x12'],
    ['a doubled +', '++15551234'],
    ['only separators', '(---) ---.----'],
    ['a newline inside', '555\n1234'],
    ['NUL inside', '555\u00001234'],
    ['an ANSI escape', '\u001b[2J5551234'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['an empty string', ''],
    ['only spaces', '       '],
  ].map(([what, value]) => ({
    name: `rejects a phone with ${what}`,
    at: ['contact', 'phone'],
    value,
    also: { contactMethod: 'call' },
    rejects: ['contact', 'phone'],
  })),
  {
    name: 'accepts a phone of exactly 32 characters',
    at: ['contact', 'phone'],
    value: `1${' '.repeat(17)}23456789012345`,
    also: { contactMethod: 'call' },
  },
  {
    name: 'rejects a phone of 33 characters',
    at: ['contact', 'phone'],
    value: `1${' '.repeat(18)}23456789012345`,
    also: { contactMethod: 'call' },
    rejects: ['contact', 'phone'],
  },
  {
    name: 'trims surrounding whitespace from the phone',
    at: ['contact', 'phone'],
    value: '  555 1234 \n',
    gives: '555 1234',
    also: { contactMethod: 'call' },
  },
  {
    name: 'rejects a number for the phone',
    at: ['contact', 'phone'],
    value: 5551234,
    also: { contactMethod: 'call' },
    rejects: ['contact', 'phone'],
  },

  // contact.email (the chosen address when e-mailing)
  ...['pat@example.com', 'pat.doe+escalations@mail.example.co.uk', 'PAT@EXAMPLE.COM'].map((value) => ({
    name: `accepts the e-mail ${value}`,
    at: ['contact', 'email'],
    value,
    also: { contactMethod: 'email' },
  })),
  {
    name: 'accepts an e-mail of exactly 254 characters',
    at: ['contact', 'email'],
    value: `${a(limits.email - 12)}@example.com`,
    also: { contactMethod: 'email' },
  },
  {
    name: 'rejects an e-mail of 255 characters',
    at: ['contact', 'email'],
    value: `${a(limits.email - 11)}@example.com`,
    also: { contactMethod: 'email' },
    rejects: ['contact', 'email'],
  },
  {
    name: 'trims surrounding whitespace from the e-mail',
    at: ['contact', 'email'],
    value: ' pat@example.com\t',
    gives: 'pat@example.com',
    also: { contactMethod: 'email' },
  },
  ...[
    ['no @', 'pat.example.com'],
    ['no domain', 'pat@'],
    ['no local part', '@example.com'],
    ['no top-level domain', 'pat@example'],
    ['a space inside', 'pat doe@example.com'],
    ['a header injection', 'pat@example.com\r\nBcc: all@evil.example'],
    ['NUL inside', 'pat\u0000@example.com'],
    ['markup', '<script>alert(1)</script>@example.com'],
    ['an empty string', ''],
  ].map(([what, value]) => ({
    name: `rejects an e-mail with ${what}`,
    at: ['contact', 'email'],
    value,
    also: { contactMethod: 'email' },
    rejects: ['contact', 'email'],
  })),
  {
    name: 'rejects a number for the e-mail',
    at: ['contact', 'email'],
    value: 42,
    also: { contactMethod: 'email' },
    rejects: ['contact', 'email'],
  },

  // "The address for the chosen method is required and checked"
  {
    name: 'requires a phone for call',
    at: ['contact'],
    value: { email: 'pat@example.com' },
    also: { contactMethod: 'call' },
    rejects: ['contact', 'phone'],
  },
  {
    name: 'requires a phone for text',
    at: ['contact'],
    value: { email: 'pat@example.com' },
    also: { contactMethod: 'text' },
    rejects: ['contact', 'phone'],
  },
  {
    name: 'requires an e-mail for email',
    at: ['contact'],
    value: { phone: '5551234' },
    also: { contactMethod: 'email' },
    rejects: ['contact', 'email'],
  },
  {
    name: 'requires a phone for call when contact is empty',
    at: ['contact'],
    value: {},
    also: { contactMethod: 'call' },
    rejects: ['contact', 'phone'],
  },
  {
    name: 'requires an e-mail for email when contact is left out (defaults to {})',
    at: ['contact'],
    value: OMIT,
    also: { contactMethod: 'email' },
    rejects: ['contact', 'email'],
  },
  { name: 'accepts text with only a phone', at: ['contact'], value: { phone: '5551234' }, also: { contactMethod: 'text' } },
  { name: 'accepts email with only an e-mail', at: ['contact'], value: { email: 'pat@example.com' }, also: { contactMethod: 'email' } },
  {
    name: 'still checks the address of the method not chosen',
    at: ['contact'],
    value: { phone: '5551234', email: 'not-an-email' },
    also: { contactMethod: 'call' },
    rejects: ['contact', 'email'],
  },
  {
    name: 'reports a missing address together with other field errors',
    at: ['notes'],
    value: '   ',
    also: { contactMethod: 'call', contact: {} },
    rejectsAll: [['notes'], ['contact', 'phone']],
  },
  { name: 'rejects null for contact', at: ['contact'], value: null, rejects: ['contact'] },
  { name: 'rejects a string for contact', at: ['contact'], value: 'pat@example.com', rejects: ['contact'] },
  { name: 'rejects an array for contact', at: ['contact'], value: ['pat@example.com'], rejects: ['contact'] },

  // urgency and its default
  { name: 'defaults a missing urgency to standard', at: ['urgency'], value: OMIT, gives: 'standard' },
  { name: 'defaults an undefined urgency to standard', at: ['urgency'], value: undefined, gives: 'standard' },
  ...urgencies.map((value) => ({ name: `accepts urgency ${value}`, at: ['urgency'], value })),
  { name: 'rejects an unknown urgency', at: ['urgency'], value: 'high', rejects: ['urgency'] },
  { name: 'rejects an upper-case urgency', at: ['urgency'], value: 'URGENT', rejects: ['urgency'] },
  { name: 'rejects an empty urgency', at: ['urgency'], value: '', rejects: ['urgency'] },
  { name: 'rejects null for urgency (only a missing urgency defaults)', at: ['urgency'], value: null, rejects: ['urgency'] },

  // customer
  { name: 'accepts a request without customer', at: ['customer'], value: OMIT },
  { name: 'accepts an empty customer', at: ['customer'], value: {} },
  ...lineField(['customer', 'name'], limits.name, 'Pat Doe'),
  ...lineField(['customer', 'accountId'], limits.id, 'A-77'),
  { name: 'rejects null for customer', at: ['customer'], value: null, rejects: ['customer'] },
  { name: 'rejects a string for customer', at: ['customer'], value: 'Pat Doe', rejects: ['customer'] },

  // agent
  { name: 'accepts a request without agent', at: ['agent'], value: OMIT },
  { name: 'accepts an empty agent', at: ['agent'], value: {} },
  ...lineField(['agent', 'id'], limits.id, 'agent-7'),
  ...lineField(['agent', 'name'], limits.name, 'Sam Agent'),
  { name: 'rejects null for agent', at: ['agent'], value: null, rejects: ['agent'] },

  // routing
  { name: 'accepts a request without routing', at: ['routing'], value: OMIT },
  ...[1, 2, 3, 4, 5].map((value) => ({ name: `accepts routing.level ${value}`, at: ['routing', 'level'], value })),
  ...[
    ['0 (below 1)', 0],
    [`${limits.routingLevel + 1} (above ${limits.routingLevel})`, limits.routingLevel + 1],
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['the string "1"', '1'],
    ['null', null],
  ].map(([what, value]) => ({
    name: `rejects routing.level ${String(what)}`,
    at: ['routing', 'level'],
    value,
    rejects: ['routing', 'level'],
  })),
  { name: 'rejects routing without level', at: ['routing', 'level'], value: OMIT, rejects: ['routing', 'level'] },
  { name: 'accepts a slug routing.team', at: ['routing', 'team'], value: 'fraud_prevention' },
  ...bounds(['routing', 'team'], limits.team),
  { name: 'rejects an empty routing.team', at: ['routing', 'team'], value: '', rejects: ['routing', 'team'] },
  { name: 'rejects an upper-case routing.team', at: ['routing', 'team'], value: 'Billing', rejects: ['routing', 'team'] },
  { name: 'rejects a routing.team with a newline', at: ['routing', 'team'], value: 'billing\n', rejects: ['routing', 'team'] },
  { name: 'rejects routing without team', at: ['routing', 'team'], value: OMIT, rejects: ['routing', 'team'] },
  { name: 'rejects a number for routing.team', at: ['routing', 'team'], value: 7, rejects: ['routing', 'team'] },
  ...priorities.map((value) => ({ name: `accepts routing.priority ${value}`, at: ['routing', 'priority'], value })),
  { name: 'accepts routing without priority', at: ['routing', 'priority'], value: OMIT },
  { name: 'rejects an unknown routing.priority', at: ['routing', 'priority'], value: 'urgent', rejects: ['routing', 'priority'] },
  { name: 'rejects a string for routing', at: ['routing'], value: 'billing', rejects: ['routing'] },

  // context
  { name: 'accepts a request without context', at: ['context'], value: OMIT },
  { name: 'accepts an empty context', at: ['context'], value: {} },
  {
    name: 'accepts string, number and boolean context values',
    at: ['context'],
    value: { s: 'tier-1', n: -2.5, zero: 0, t: true, f: false, empty: '' },
  },
  {
    name: `accepts exactly ${limits.contextKeys} context keys`,
    at: ['context'],
    value: Object.fromEntries(Array.from({ length: limits.contextKeys }, (_, i) => [`k${i}`, i])),
  },
  {
    name: `rejects ${limits.contextKeys + 1} context keys`,
    at: ['context'],
    value: Object.fromEntries(Array.from({ length: limits.contextKeys + 1 }, (_, i) => [`k${i}`, i])),
    rejects: ['context'],
  },
  { name: `accepts a context key of exactly ${limits.contextKey} characters`, at: ['context', a(limits.contextKey)], value: 1 },
  {
    name: `rejects a context key of ${limits.contextKey + 1} characters`,
    at: ['context', a(limits.contextKey + 1)],
    value: 1,
    rejects: ['context', a(limits.contextKey + 1)],
  },
  { name: 'rejects an empty context key', at: ['context', ''], value: 1, rejects: ['context', ''] },
  ...controls.map(([what, ch]) => ({
    name: `rejects ${what} in a context key`,
    at: ['context', `k${ch}`],
    value: 1,
    rejects: ['context', `k${ch}`],
  })),
  ...bounds(['context', 'note'], limits.contextValue),
  ...xss.map((value) => ({ name: `accepts markup ${value} as a context value unchanged`, at: ['context', 'html'], value })),
  ...noControls(['context', 'note'], 'tier-1', true),
  ...[
    ['null', null],
    ['an object', { nested: 1 }],
    ['an array', [1, 2]],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ].map(([what, value]) => ({
    name: `rejects ${String(what)} as a context value`,
    at: ['context', 'k'],
    value,
    rejects: ['context', 'k'],
  })),
  { name: 'rejects an array for context', at: ['context'], value: ['a'], rejects: ['context'] },
  { name: 'rejects a string for context', at: ['context'], value: 'queue=tier-1', rejects: ['context'] },

  // createdAt
  ...['2025-03-04T10:15:00Z', '2025-03-04T10:15:00.123Z', '2025-03-04T10:15:00+02:00', '2025-03-04T10:15:00.5-05:30'].map((value) => ({
    name: `accepts createdAt ${value}`,
    at: ['createdAt'],
    value,
  })),
  ...[
    ['without an offset', '2025-03-04T10:15:00'],
    ['date only', '2025-03-04'],
    ['with month 13', '2025-13-04T10:15:00Z'],
    ['on 30 February', '2025-02-30T10:15:00Z'],
    ['in RFC 2822 form', 'Tue, 04 Mar 2025 10:15:00 GMT'],
    ['empty', ''],
    ['as epoch milliseconds', 1741083300000],
    ['as a Date object', new Date(createdAt)],
  ].map(([what, value]) => ({ name: `rejects createdAt ${String(what)}`, at: ['createdAt'], value, rejects: ['createdAt'] })),

  // Unknown keys (strict objects): the issue is on the object that holds the key.
  { name: 'rejects an unknown top-level key', at: ['isAdmin'], value: true, rejects: [] },
  { name: 'rejects an unknown key in contact', at: ['contact', 'fax'], value: '5551234', rejects: ['contact'] },
  { name: 'rejects an unknown key in customer', at: ['customer', 'ssn'], value: '123-45-6789', rejects: ['customer'] },
  { name: 'rejects an unknown key in agent', at: ['agent', 'role'], value: 'admin', rejects: ['agent'] },
  { name: 'rejects an unknown key in routing', at: ['routing', 'sla'], value: '1h', rejects: ['routing'] },

  // Doubts, written as the behaviour we believe is right.
  ...['\u2028', '\u2029'].flatMap((ch) =>
    ([['taskId'], ['customer', 'name'], ['agent', 'name']] as Path[]).map((at) => ({
      name: `rejects the Unicode line separator U+${ch.charCodeAt(0).toString(16).toUpperCase()} inside ${label(at)}`,
      at,
      value: `a${ch}b`,
      rejects: at,
    })),
  ),
];

// ---------------------------------------------------------------------------------------------

describe('escalationRequestSchema', () => {
  it('accepts a complete request and returns it unchanged', () => {
    assert.deepEqual(parse(escalationRequestSchema, fullRequest()), fullRequest());
  });

  it('accepts a minimal request, defaults urgency and contact, adds nothing else', () => {
    assert.deepEqual(parse(escalationRequestSchema, minimalRequest()), { ...minimalRequest(), urgency: 'standard' });
  });

  it('rejects anything but an object at the root', () => {
    for (const value of [null, undefined, 'body', 42, [fullRequest()]]) {
      assert.deepEqual(issuesOf(escalationRequestSchema, value), [[]], String(value));
    }
  });

  describe('required fields', () => {
    for (const key of ['id', 'taskId', 'category', 'notes', 'contactMethod', 'createdAt']) {
      it(`rejects a request without ${key}`, () => {
        assert.deepEqual(issuesOf(escalationRequestSchema, withValue(minimalRequest(), [key], OMIT)), [[key]]);
      });
    }
  });

  describe('fields and bounds', () => runCases(escalationRequestSchema, fullRequest, fieldCases));

  describe('wrong types are rejected at their own path', () => {
    const wrong: [Path, unknown][] = [
      [['taskId'], 1042],
      [['notes'], ['Issue', 'Tried', 'Why']],
      [['contact'], null],
      [['category'], { id: 'billing' }],
      [['routing', 'level'], '2'],
      [['urgency'], true],
      [['customer', 'name'], { first: 'Pat' }],
      [['context', 'attempt'], { n: 2 }],
    ];
    for (const [path, value] of wrong) {
      it(`${label(path)} = ${JSON.stringify(value)}`, () => {
        const issues = rawIssuesOf(escalationRequestSchema, withValue(fullRequest(), path, value));
        assert.equal(issues.length, 1);
        assert.deepEqual(issues[0]?.path, [...path]);
      });
    }
  });

  describe('hostile input', () => {
    it('keeps markup in notes and names exactly as typed (it is text; rendering escapes it)', () => {
      const request = {
        ...fullRequest(),
        taskId: '<script>alert(1)</script>',
        notes: 'Issue: <img src=x onerror=alert(1)>\nTried: <script>alert(1)</script>\nWhy: "quotes" & \'apostrophes\'',
        customer: { name: '<img src=x onerror=alert(1)>', accountId: '<b>A-77</b>' },
        agent: { id: 'a"><svg onload=alert(1)>', name: '<script>alert(1)</script>' },
        context: { html: '<iframe src="javascript:alert(1)">' },
      };
      assert.deepEqual(parse(escalationRequestSchema, request), request);
    });

    it('rejects a 100 kB notes string with the issue on notes only', () => {
      const issues = rawIssuesOf(escalationRequestSchema, { ...fullRequest(), notes: 'x'.repeat(100 * 1024) });
      assert.deepEqual(
        issues.map((i) => i.path),
        [['notes']],
      );
      assert.match(issues[0]?.message ?? '', /5000/);
    });

    it('does not let a __proto__ context key reach the prototype', () => {
      const request = { ...fullRequest(), context: JSON.parse('{"__proto__": {"polluted": "yes"}, "queue": "tier-1"}') as unknown };
      const data = parse(escalationRequestSchema, request);
      const context = valueAt(data, ['context']);
      assert.ok(isRecord(context));
      assert.equal(Object.getPrototypeOf(context), Object.prototype);
      assert.equal((context as { polluted?: unknown }).polluted, undefined);
      assert.equal(({} as { polluted?: unknown }).polluted, undefined);
      assert.equal(context.queue, 'tier-1');
    });

    it('rejects a __proto__ key at the root as an unknown key', () => {
      const body = JSON.parse(JSON.stringify(fullRequest()).replace('{', '{"__proto__":{"isAdmin":true},')) as unknown;
      const issues = rawIssuesOf(escalationRequestSchema, body);
      assert.equal(issues.length, 1);
      assert.deepEqual(issues[0]?.path, []);
      assert.deepEqual((issues[0] as { keys?: string[] }).keys, ['__proto__']);
    });
  });

  describe('unknown keys name the offending key', () => {
    const places: Path[] = [[], ['contact'], ['customer'], ['agent'], ['routing']];
    for (const at of places) {
      it(`in ${at.length ? label(at) : 'the root'}`, () => {
        const issues = rawIssuesOf(escalationRequestSchema, withValue(fullRequest(), [...at, 'sneaky'], 1));
        assert.equal(issues.length, 1);
        assert.equal(issues[0]?.code, 'unrecognized_keys');
        assert.deepEqual(issues[0]?.path, [...at]);
        assert.deepEqual((issues[0] as { keys?: string[] }).keys, ['sneaky']);
      });
    }
  });

  describe('messages a person can act on (they travel in the 400 body)', () => {
    it('says which field was missing the address', () => {
      const [issue] = rawIssuesOf(escalationRequestSchema, { ...minimalRequest(), contactMethod: 'text', contact: {} });
      assert.equal(issue?.message, 'A phone number is required to contact the customer by text');
    });

    it('states the limit in a too-long message', () => {
      const [issue] = rawIssuesOf(escalationRequestSchema, { ...minimalRequest(), taskId: a(limits.taskId + 1) });
      assert.equal(issue?.message, `Task id must be at most ${limits.taskId} characters`);
    });

    it('names the unknown key in its message', () => {
      const [issue] = rawIssuesOf(escalationRequestSchema, { ...minimalRequest(), sneaky: 1 });
      assert.match(issue?.message ?? '', /sneaky/);
    });

    it('explains a bad context key', () => {
      const [issue] = rawIssuesOf(escalationRequestSchema, { ...minimalRequest(), context: { [a(limits.contextKey + 1)]: 1 } });
      assert.match(issue?.message ?? '', /Context keys must be at most 40 characters/);
    });

    it('reports an empty e-mail once', () => {
      const issues = rawIssuesOf(escalationRequestSchema, { ...minimalRequest(), contactMethod: 'email', contact: { email: '' } });
      assert.equal(issues.length, 1);
    });
  });
});

describe('escalationInputSchema', () => {
  const input = () => withValue(withValue(fullRequest(), ['id'], OMIT), ['createdAt'], OMIT);

  it('accepts an input without id and createdAt and does not invent them', () => {
    const data = parse(escalationInputSchema, input());
    assert.deepEqual(data, input());
    assert.equal(valueAt(data, ['id']), OMIT);
    assert.equal(valueAt(data, ['createdAt']), OMIT);
  });

  it('defaults urgency to standard', () => {
    const data = parse(escalationInputSchema, withValue(input(), ['urgency'], OMIT));
    assert.equal(valueAt(data, ['urgency']), 'standard');
  });

  it('keeps a given id and createdAt', () => {
    assert.deepEqual(parse(escalationInputSchema, fullRequest()), fullRequest());
  });

  it('checks a given id and createdAt', () => {
    assert.deepEqual(issuesOf(escalationInputSchema, { ...input(), id: 'T-1042' }), [['id']]);
    assert.deepEqual(issuesOf(escalationInputSchema, { ...input(), createdAt: '2025-03-04' }), [['createdAt']]);
  });

  it('treats an explicit undefined id/createdAt as absent', () => {
    const data = parse(escalationInputSchema, { ...input(), id: undefined, createdAt: undefined });
    assert.equal(valueAt(data, ['taskId']), 'T-1042');
  });

  describe('required fields', () => {
    for (const key of ['taskId', 'category', 'notes', 'contactMethod']) {
      it(`rejects an input without ${key}`, () => {
        assert.deepEqual(issuesOf(escalationInputSchema, withValue(input(), [key], OMIT)), [[key]]);
      });
    }
  });

  // The input shares every rule of the request (except that id and createdAt may be left out).
  describe('fields and bounds (same table as the request)', () => runCases(escalationInputSchema, fullRequest, fieldCases));
});

describe('escalationReceiptSchema', () => {
  const receipt = () => ({ id: uuid, taskId: 'T-1042', status: 'received', team: 'billing', respondBy: '2025-03-04T17:00:00.000Z' });

  it('defaults duplicate to false', () => {
    assert.deepEqual(parse(escalationReceiptSchema, receipt()), { ...receipt(), duplicate: false });
  });

  it('keeps duplicate true on an idempotent replay', () => {
    assert.deepEqual(parse(escalationReceiptSchema, { ...receipt(), duplicate: true }), { ...receipt(), duplicate: true });
  });

  it('tolerates and drops fields a newer server adds', () => {
    assert.deepEqual(parse(escalationReceiptSchema, { ...receipt(), slaHours: 4 }), { ...receipt(), duplicate: false });
  });

  it('rejects anything but an object', () => {
    for (const value of [null, 'received', [receipt()]]) assert.deepEqual(issuesOf(escalationReceiptSchema, value), [[]]);
  });

  const cases: Case[] = [
    ...['id', 'taskId', 'status', 'team', 'respondBy'].map((key) => ({
      name: `rejects a receipt without ${key}`,
      at: [key],
      value: OMIT,
      rejects: [key],
    })),
    { name: 'rejects an id that is not a UUID', at: ['id'], value: 'R-1', rejects: ['id'] },
    ...bounds(['taskId'], limits.taskId),
    { name: 'rejects an empty taskId', at: ['taskId'], value: '', rejects: ['taskId'] },
    ...['queued', 'Received', 'delivered', ''].map((value) => ({
      name: `rejects status ${JSON.stringify(value)}`,
      at: ['status'],
      value,
      rejects: ['status'],
    })),
    { name: 'rejects a boolean status', at: ['status'], value: true, rejects: ['status'] },
    ...bounds(['team'], limits.team),
    { name: 'rejects an empty team', at: ['team'], value: '', rejects: ['team'] },
    { name: 'accepts respondBy with an offset', at: ['respondBy'], value: '2025-03-04T17:00:00+02:00' },
    ...[
      ['without an offset', '2025-03-04T17:00:00'],
      ['date only', '2025-03-04'],
      ['as prose', 'same day'],
      ['as epoch milliseconds', 1741107600000],
    ].map(([what, value]) => ({ name: `rejects respondBy ${String(what)}`, at: ['respondBy'], value, rejects: ['respondBy'] })),
    { name: 'rejects a string duplicate', at: ['duplicate'], value: 'yes', rejects: ['duplicate'] },
    { name: 'rejects null duplicate', at: ['duplicate'], value: null, rejects: ['duplicate'] },
  ];
  runCases(escalationReceiptSchema, receipt, cases);
});

describe('errorBodySchema', () => {
  const full = () => ({
    error: 'invalid_request',
    message: 'Invalid escalation.',
    issues: [
      { path: ['notes'], message: 'Notes must be at most 5000 characters' },
      { path: ['context', 'attempt'], message: 'x' },
      { path: ['issues', 0, 'path'], message: 'numeric segments' },
      { path: [], message: 'root' },
    ],
  });

  it('accepts a full 400 body unchanged', () => {
    assert.deepEqual(parse(errorBodySchema, full()), full());
  });

  it('accepts a bare error code (401/403/409/413/429/5xx bodies)', () => {
    assert.deepEqual(parse(errorBodySchema, { error: 'rate_limited' }), { error: 'rate_limited' });
  });

  it('rejects anything but an object', () => {
    for (const value of [null, 'Internal Server Error', []]) assert.deepEqual(issuesOf(errorBodySchema, value), [[]]);
  });

  const cases: Case[] = [
    { name: 'rejects a body without error', at: ['error'], value: OMIT, rejects: ['error'] },
    { name: 'rejects a numeric error', at: ['error'], value: 400, rejects: ['error'] },
    { name: 'rejects a non-string message', at: ['message'], value: { text: 'x' }, rejects: ['message'] },
    { name: 'accepts a body without issues', at: ['issues'], value: OMIT },
    { name: 'rejects issues that are not an array', at: ['issues'], value: { notes: 'bad' }, rejects: ['issues'] },
    { name: 'rejects an issue without message', at: ['issues', 0, 'message'], value: OMIT, rejects: ['issues', 0, 'message'] },
    { name: 'rejects an issue without path', at: ['issues', 1, 'path'], value: OMIT, rejects: ['issues', 1, 'path'] },
    { name: 'rejects a string path', at: ['issues', 0, 'path'], value: 'notes', rejects: ['issues', 0, 'path'] },
    { name: 'rejects a boolean path segment', at: ['issues', 1, 'path', 1], value: true, rejects: ['issues', 1, 'path', 1] },
    { name: 'rejects a null path segment', at: ['issues', 0, 'path', 0], value: null, rejects: ['issues', 0, 'path', 0] },
  ];
  runCases(errorBodySchema, full, cases);
});

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
