/**
 * Escalation payloads for property-based tests: a complete, valid request with a few of its fields
 * replaced by text from every Unicode class, values at and past their bounds, wrong types, missing
 * fields, unknown fields and hostile context keys; and an oracle, written from the wire contract's
 * rules (docs/architecture.md#wire-contract) rather than from its code, that says of every field
 * whether it is certainly bad, certainly fine, or not for the oracle to say (an e-mail address
 * from random text). A refusal must name every certainly bad field and no certainly fine one.
 */
import fc from 'fast-check';
import { contactMethods, defaultCategories, limits, urgencies } from '@escalate-kit/sdk';
import { unicodeText } from './hostile-unicode.ts';

type Kind = 'line' | 'identifier' | 'notes' | 'uuid' | 'datetime' | 'slug' | 'enum' | 'email' | 'phone';
interface Spec {
  kind: Kind;
  max?: number;
  required?: boolean;
  values?: readonly string[];
}

/** Every scalar field of the request, by its path. */
export const fieldSpecs: Record<string, Spec> = {
  id: { kind: 'uuid', required: true },
  taskId: { kind: 'identifier', max: limits.taskId, required: true },
  taskTitle: { kind: 'line', max: limits.taskTitle },
  category: { kind: 'slug', max: limits.category, required: true },
  notes: { kind: 'notes', max: limits.notes, required: true },
  contactMethod: { kind: 'enum', values: contactMethods, required: true },
  'contact.email': { kind: 'email', max: limits.email },
  'contact.phone': { kind: 'phone', max: limits.phone },
  urgency: { kind: 'enum', values: urgencies },
  'customer.name': { kind: 'line', max: limits.name },
  'customer.accountId': { kind: 'identifier', max: limits.id },
  customerRequest: { kind: 'line', max: limits.oneLine },
  recommendation: { kind: 'line', max: limits.oneLine },
  'agent.id': { kind: 'identifier', max: limits.id },
  'agent.name': { kind: 'line', max: limits.name },
  createdAt: { kind: 'datetime', required: true },
};
const fieldPaths = Object.keys(fieldSpecs);
const objects = ['contact', 'customer', 'agent', 'context'];

/** A complete, valid request: every optional text field present, so each can be spoiled. */
export function validPayload(): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    taskId: 'T-1042',
    taskTitle: 'Disputed $450 charge',
    category: 'billing',
    notes: 'Issue: Customer disputing $450 charge. Tried: Explained policy. Why: Customer demands manager.',
    contactMethod: 'email',
    contact: { email: 'pat@example.com', phone: '+1 555 123 4567' },
    urgency: 'standard',
    customer: { name: 'Pat Doe', accountId: 'A-77' },
    customerRequest: 'A refund of the $450',
    recommendation: 'Refund it',
    agent: { id: 'agent-7', name: 'Avery Agent' },
    context: { queue: 'tier-1', attempt: 2, vip: false },
    createdAt: '2025-11-14T09:59:00.000Z',
  };
}

export type Mutation =
  | { op: 'text'; path: string; text: string }
  | { op: 'sized'; path: string; delta: number; unit: string }
  | { op: 'wrongType'; path: string; value: unknown }
  | { op: 'delete'; path: string }
  | { op: 'unknown'; at: '' | 'customer'; key: string }
  | { op: 'context'; key: string; value: unknown }
  | { op: 'manyContextKeys'; count: number };

const anyPath = fc.constantFrom(...fieldPaths, ...objects);
const contextKey = fc.oneof(unicodeText(4), fc.constantFrom('__proto__', 'constructor', 'prototype', '', 'k'.repeat(41)));
const contextValue = fc.oneof(
  unicodeText(8),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ nested: 1 }),
  fc.constant('v'.repeat(501)),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('text' as const), path: fc.constantFrom(...fieldPaths), text: unicodeText() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('sized' as const),
      path: fc.constantFrom(...fieldPaths),
      delta: fc.integer({ min: -1, max: 2 }),
      unit: fc.constantFrom('a', '😀', '漢', 'ع', '<'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('wrongType' as const),
      path: anyPath,
      value: fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.constant([]),
        fc.constant([1]),
        fc.constant({ x: 1 }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), path: anyPath }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('unknown' as const),
      at: fc.constantFrom('' as const, 'customer' as const),
      key: unicodeText(3).map((t) => `x${t}`),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('context' as const), key: contextKey, value: contextValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('manyContextKeys' as const), count: fc.integer({ min: 18, max: 25 }) }) },
);

/** Zero to three mutations: about one payload in six stays as valid as the base. */
export const mutationsArb = fc.array(mutationArb, { maxLength: 3 });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own property, whatever its name: `__proto__` stays a key, as JSON.parse keeps it. */
function put(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The base with the mutations applied, as the JSON that travels (a fresh copy). */
export function applyMutations(mutations: Mutation[], base = validPayload()): Record<string, unknown> {
  const p = structuredClone(base);
  for (const m of mutations) {
    if (m.op === 'unknown') {
      const target = m.at ? p[m.at] : p;
      if (isObject(target) && !(m.key in target)) put(target, m.key, 'surprise');
      continue;
    }
    if (m.op === 'context' || m.op === 'manyContextKeys') {
      if (!isObject(p.context)) p.context = {};
      const ctx = p.context as Record<string, unknown>;
      if (m.op === 'context') put(ctx, m.key, m.value);
      else for (let i = 0; i < m.count; i++) put(ctx, `key${i}`, i);
      continue;
    }
    const [head, leaf] = m.path.split('.') as [string, string | undefined];
    let target = p;
    if (leaf !== undefined) {
      if (!isObject(p[head])) p[head] = {};
      target = p[head] as Record<string, unknown>;
    }
    const key = leaf ?? head;
    if (m.op === 'delete') delete target[key];
    else if (m.op === 'wrongType') target[key] = m.value;
    else if (m.op === 'text') target[key] = m.text;
    else target[key] = m.unit.repeat(Math.max(0, (fieldSpecs[m.path]?.max ?? 300) + m.delta));
  }
  return JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
}

// The contract's rules for text, spelled out here on purpose rather than imported.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const controlsButNewlines = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const invisible = /[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]/;
export const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Lengths are in code points (an emoji is one character), as people count. */
const length = (s: string) => [...s].length;

export type Verdict = 'bad' | 'ok' | 'unknown';

function textVerdict(spec: Spec, value: string): Verdict {
  const t = value.trim();
  const max = spec.max ?? Infinity;
  switch (spec.kind) {
    case 'line':
    case 'identifier':
    case 'notes': {
      const bad =
        t.length === 0 ||
        length(t) > max ||
        (spec.kind === 'notes' ? controlsButNewlines : controls).test(t) ||
        loneSurrogate.test(t) ||
        (spec.kind === 'identifier' && invisible.test(t));
      return bad ? 'bad' : 'ok';
    }
    case 'enum':
      return spec.values!.includes(value) ? 'ok' : 'bad';
    case 'slug':
      return /^[a-z][a-z0-9_-]*$/.test(value) && value.length <= max ? 'unknown' : 'bad';
    case 'uuid':
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? 'unknown' : 'bad';
    case 'datetime':
      return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value) ? 'unknown' : 'bad';
    case 'email':
      return t.includes('@') && length(t) <= max && !controls.test(t) ? 'unknown' : 'bad';
    case 'phone': {
      const digits = t.replace(/\D/g, '').length;
      return /^\+?[0-9 ().-]{7,}$/.test(t) && digits >= 7 && digits <= 15 && length(t) <= max ? 'ok' : 'bad';
    }
  }
}

function contextKeyBad(key: string): boolean {
  return (
    key === '' ||
    ['__proto__', 'constructor', 'prototype'].includes(key) ||
    key.length > limits.contextKey ||
    controls.test(key) ||
    invisible.test(key) ||
    loneSurrogate.test(key)
  );
}

function contextValueBad(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return false;
  if (typeof value !== 'string') return true;
  return length(value) > limits.contextValue || controls.test(value) || loneSurrogate.test(value);
}

export interface Judgement {
  /** Paths (dotted) certainly refused. */
  bad: Set<string>;
  /** Paths that may be named in a refusal: the bad ones and those the oracle cannot judge. */
  mayName: Set<string>;
}

/**
 * Judges a payload (as it travels) field by field. `categories`: the ids a server or client
 * accepts; a slug outside them is then bad too. `clientFills`: id and createdAt may be missing
 * (the client's input, which it completes).
 */
export function judge(payload: Record<string, unknown>, categories?: readonly string[], clientFills = false): Judgement {
  const bad = new Set<string>();
  const unknown = new Set<string>();
  const mark = (path: string, verdict: Verdict) => {
    if (verdict === 'bad') bad.add(path);
    else if (verdict === 'unknown') unknown.add(path);
  };
  const known = new Set([...fieldPaths.filter((p) => !p.includes('.')), ...objects]);
  for (const key of Object.keys(payload)) if (!known.has(key)) bad.add(key);
  for (const head of ['contact', 'customer', 'agent']) {
    const v = payload[head];
    if (v === undefined) continue;
    if (!isObject(v)) bad.add(head);
    else for (const key of Object.keys(v)) if (!(`${head}.${key}` in fieldSpecs)) bad.add(`${head}.${key}`);
  }
  for (const [path, spec] of Object.entries(fieldSpecs)) {
    const [head, leaf] = path.split('.') as [string, string | undefined];
    const parent = leaf === undefined ? payload : payload[head];
    if (!isObject(parent)) continue;
    const value = parent[leaf ?? head];
    if (value === undefined) {
      if (spec.required && !(clientFills && (path === 'id' || path === 'createdAt'))) bad.add(path);
    } else if (typeof value !== 'string') bad.add(path);
    else {
      let verdict = textVerdict(spec, value);
      if (path === 'category' && verdict === 'unknown' && categories) verdict = categories.includes(value) ? 'ok' : 'bad';
      if (path === 'category' && verdict === 'unknown') verdict = 'ok';
      mark(path, verdict);
    }
  }
  // The address the chosen method needs must be there (and is then judged above).
  const method = payload.contactMethod;
  const contact = payload.contact ?? {};
  if (typeof method === 'string' && contactMethods.includes(method as never) && isObject(contact)) {
    const needed = method === 'email' ? 'email' : 'phone';
    if (contact[needed] === undefined) bad.add(`contact.${needed}`);
  }
  const ctx = payload.context;
  if (ctx !== undefined) {
    if (!isObject(ctx)) bad.add('context');
    else {
      if (Object.keys(ctx).length > limits.contextKeys) bad.add('context');
      for (const [key, value] of Object.entries(ctx)) {
        if (contextKeyBad(key) || contextValueBad(value)) bad.add(`context.${key}`);
      }
    }
  }
  return { bad, mayName: new Set([...bad, ...unknown]) };
}

/** The categories a default server and client accept. */
export const defaultCategoryIds = defaultCategories.map((c) => c.id);

/**
 * What a refusal names, as dotted paths that can be compared with a {@link Judgement}: each
 * issue's path, and for an unknown field (reported on the object that holds it) the field itself.
 */
export function namedPaths(
  issues: readonly { path: readonly (string | number)[]; message: string }[],
  payload: Record<string, unknown>,
): Set<string> {
  const named = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.map(String);
    const holder = path.length === 0 ? payload : path.length === 1 ? payload[path[0]!] : undefined;
    const own =
      path.length === 0
        ? [...fieldPaths.filter((p) => !p.includes('.')), ...objects]
        : fieldPaths.filter((p) => p.startsWith(`${path[0]}.`)).map((p) => p.split('.')[1]);
    const strangers =
      /^Unknown field\(s\): /.test(issue.message) && isObject(holder)
        ? Object.keys(holder).filter((k) => !own.includes(k) && issue.message.includes(k))
        : [];
    if (strangers.length) for (const k of strangers) named.add([...path, k].join('.'));
    else named.add(path.slice(0, 2).join('.'));
  }
  return named;
}

/**
 * Checks a refusal against the judgement: every bad field named, nothing named that is certainly
 * fine. Returns what is wrong, or `undefined`.
 */
export function checkNaming(j: Judgement, named: Set<string>): string | undefined {
  // A field counts as named when it, the object holding it, or a part of it is (a context with
  // too many keys and a bad key is refused for the key: the count is checked once the keys pass).
  const missed = [...j.bad].filter((p) => !named.has(p) && ![...named].some((n) => p.startsWith(`${n}.`) || n.startsWith(`${p}.`)));
  if (missed.length) return `not named: ${JSON.stringify(missed)} (named ${JSON.stringify([...named])})`;
  const blamed = [...named].filter((n) => !j.mayName.has(n) && ![...j.mayName].some((m) => m.startsWith(`${n}.`) || n.startsWith(`${m}.`)));
  if (blamed.length) return `named though fine: ${JSON.stringify(blamed)} (bad ${JSON.stringify([...j.bad])})`;
  return undefined;
}
