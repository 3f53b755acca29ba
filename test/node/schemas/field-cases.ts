/** Every field of the request and its bounds, as a table (one case per line). */

import { defaultCategories, limits, priorities, urgencies } from '@escalate-kit/sdk';
import { OMIT, uuid, createdAt, label, a, bounds, xss, controls, noControls, lineField, type Path, type Case } from './support.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

// One case per line: read as a table.
// prettier-ignore
export const fieldCases: Case[] = [
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
  { name: 'rejects a category with surrounding spaces (slugs are not trimmed)', at: ['category'], value: ' billing', rejects: ['category'] },
  { name: 'rejects a category starting with a digit', at: ['category'], value: '1billing', rejects: ['category'] },
  { name: 'rejects a category with a space inside', at: ['category'], value: 'bill ing', rejects: ['category'] },
  { name: 'rejects markup as a category', at: ['category'], value: '<script>', rejects: ['category'] },
  { name: 'rejects an object as category', at: ['category'], value: { id: 'billing' }, rejects: ['category'] },
  { name: 'rejects a number as category', at: ['category'], value: 1, rejects: ['category'] },

  // notes
  ...bounds(['notes'], limits.notes),
  ...bounds(['notes'], limits.notes, (n) => '\u{1F600}'.repeat(n)).map((c) => ({ ...c, name: `${c.name} (emoji count as one character each)` })),
  { name: 'trims surrounding whitespace from notes', at: ['notes'], value: '\n  Issue: x. Tried: y. Why: z.  \t\n', gives: 'Issue: x. Tried: y. Why: z.' },
  { name: 'counts notes after trimming (5000 + padding passes)', at: ['notes'], value: `\n\n${a(limits.notes)}  `, gives: a(limits.notes) },
  { name: 'rejects empty notes', at: ['notes'], value: '', rejects: ['notes'] },
  { name: 'rejects whitespace-only notes', at: ['notes'], value: '  \n\t\r\n \u00a0 ', rejects: ['notes'] },
  { name: 'accepts tabs and newlines inside notes unchanged', at: ['notes'], value: 'Issue:\tdouble charge\nTried:\trefund\r\nWhy:\tmanager' },
  ...xss.map((value) => ({ name: `accepts markup ${value} in notes unchanged`, at: ['notes'], value })),
  { name: 'accepts SQL- and template-looking text in notes unchanged', at: ['notes'], value: "'; DROP TABLE escalations;-- {{constructor.constructor('alert(1)')()}} =HYPERLINK(\"x\")" },
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
  { name: 'accepts a phone of exactly 32 characters', at: ['contact', 'phone'], value: `1${' '.repeat(17)}23456789012345`, also: { contactMethod: 'call' } },
  { name: 'rejects a phone of 33 characters', at: ['contact', 'phone'], value: `1${' '.repeat(18)}23456789012345`, also: { contactMethod: 'call' }, rejects: ['contact', 'phone'] },
  { name: 'trims surrounding whitespace from the phone', at: ['contact', 'phone'], value: '  555 1234 \n', gives: '555 1234', also: { contactMethod: 'call' } },
  { name: 'rejects a number for the phone', at: ['contact', 'phone'], value: 5551234, also: { contactMethod: 'call' }, rejects: ['contact', 'phone'] },

  // contact.email (the chosen address when e-mailing)
  ...['pat@example.com', 'pat.doe+escalations@mail.example.co.uk', 'PAT@EXAMPLE.COM'].map((value) => ({
    name: `accepts the e-mail ${value}`,
    at: ['contact', 'email'],
    value,
    also: { contactMethod: 'email' },
  })),
  { name: 'accepts an e-mail of exactly 254 characters', at: ['contact', 'email'], value: `${a(limits.email - 12)}@example.com`, also: { contactMethod: 'email' } },
  { name: 'rejects an e-mail of 255 characters', at: ['contact', 'email'], value: `${a(limits.email - 11)}@example.com`, also: { contactMethod: 'email' }, rejects: ['contact', 'email'] },
  { name: 'trims surrounding whitespace from the e-mail', at: ['contact', 'email'], value: ' pat@example.com\t', gives: 'pat@example.com', also: { contactMethod: 'email' } },
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
  { name: 'rejects a number for the e-mail', at: ['contact', 'email'], value: 42, also: { contactMethod: 'email' }, rejects: ['contact', 'email'] },

  // "The address for the chosen method is required and checked"
  { name: 'requires a phone for call', at: ['contact'], value: { email: 'pat@example.com' }, also: { contactMethod: 'call' }, rejects: ['contact', 'phone'] },
  { name: 'requires a phone for text', at: ['contact'], value: { email: 'pat@example.com' }, also: { contactMethod: 'text' }, rejects: ['contact', 'phone'] },
  { name: 'requires an e-mail for email', at: ['contact'], value: { phone: '5551234' }, also: { contactMethod: 'email' }, rejects: ['contact', 'email'] },
  { name: 'requires a phone for call when contact is empty', at: ['contact'], value: {}, also: { contactMethod: 'call' }, rejects: ['contact', 'phone'] },
  { name: 'requires an e-mail for email when contact is left out (defaults to {})', at: ['contact'], value: OMIT, also: { contactMethod: 'email' }, rejects: ['contact', 'email'] },
  { name: 'accepts text with only a phone', at: ['contact'], value: { phone: '5551234' }, also: { contactMethod: 'text' } },
  { name: 'accepts email with only an e-mail', at: ['contact'], value: { email: 'pat@example.com' }, also: { contactMethod: 'email' } },
  { name: 'still checks the address of the method not chosen', at: ['contact'], value: { phone: '5551234', email: 'not-an-email' }, also: { contactMethod: 'call' }, rejects: ['contact', 'email'] },
  { name: 'reports a missing address together with other field errors', at: ['notes'], value: '   ', also: { contactMethod: 'call', contact: {} }, rejectsAll: [['notes'], ['contact', 'phone']] },
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
  ].map(([what, value]) => ({ name: `rejects routing.level ${String(what)}`, at: ['routing', 'level'], value, rejects: ['routing', 'level'] })),
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
  { name: 'accepts string, number and boolean context values', at: ['context'], value: { s: 'tier-1', n: -2.5, zero: 0, t: true, f: false, empty: '' } },
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
  { name: `rejects a context key of ${limits.contextKey + 1} characters`, at: ['context', a(limits.contextKey + 1)], value: 1, rejects: ['context', a(limits.contextKey + 1)] },
  { name: 'rejects an empty context key', at: ['context', ''], value: 1, rejects: ['context', ''] },
  ...controls.map(([what, ch]) => ({ name: `rejects ${what} in a context key`, at: ['context', `k${ch}`], value: 1, rejects: ['context', `k${ch}`] })),
  ...bounds(['context', 'note'], limits.contextValue),
  ...xss.map((value) => ({ name: `accepts markup ${value} as a context value unchanged`, at: ['context', 'html'], value })),
  ...noControls(['context', 'note'], 'tier-1', true),
  ...[
    ['null', null],
    ['an object', { nested: 1 }],
    ['an array', [1, 2]],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ].map(([what, value]) => ({ name: `rejects ${String(what)} as a context value`, at: ['context', 'k'], value, rejects: ['context', 'k'] })),
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
    (
      [
        ['taskId'],
        ['customer', 'name'],
        ['agent', 'name'],
      ] as Path[]
    ).map((at) => ({
      name: `rejects the Unicode line separator U+${ch.charCodeAt(0).toString(16).toUpperCase()} inside ${label(at)}`,
      at,
      value: `a${ch}b`,
      rejects: at,
    })),
  ),
];
