/** Helpers for the wire-contract tests: a full and a minimal request, and a table runner for field cases. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import {} from '@escalate-kit/sdk';

// ---------------------------------------------------------------------------------------------
// Helpers

export type Path = readonly (string | number)[];
export interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code: string;
}
export interface Parser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly Issue[] } };
}

/** Every issue zod reports, in order (empty when the value passes). */
export function rawIssuesOf(schema: Parser, value: unknown): readonly Issue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues;
}

/** The distinct paths of the issues, in order (`[]` when the value passes). */
export function issuesOf(schema: Parser, value: unknown): Path[] {
  const seen = new Map<string, Path>();
  for (const issue of rawIssuesOf(schema, value)) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    seen.set(JSON.stringify(path), path);
  }
  return [...seen.values()];
}

export function parse(schema: Parser, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) assert.fail(`expected success, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** Marks a key that is absent (to set: remove it; to expect: must not be there). */
export const OMIT = Symbol('omit');
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

/** A deep copy of `base` with `value` at `path` (created as needed); `OMIT` removes the key. */
export function withValue(base: Json, path: Path, value: unknown): Json {
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

export function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const key of path) {
    if (!isRecord(node) || !Object.hasOwn(node, key)) return OMIT;
    node = node[key];
  }
  return node;
}

export const uuid = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
export const createdAt = '2025-03-04T10:15:00.000Z';

/** A complete, valid request: every optional part present. */
export function fullRequest(): Json {
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
export function minimalRequest(): Json {
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

export interface Case {
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

export function runCases(schema: Parser, base: () => Json, cases: readonly Case[]) {
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

export const label = (path: Path) => path.join('.');
export const a = (n: number) => 'a'.repeat(n);

/** Exactly at the limit passes, one past it fails. */
export function bounds(at: Path, max: number, make: (n: number) => string = a): Case[] {
  return [
    { name: `accepts ${label(at)} of exactly ${max} characters`, at, value: make(max) },
    { name: `rejects ${label(at)} of ${max + 1} characters`, at, value: make(max + 1), rejects: at },
  ];
}

export const xss = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
export const controls: [string, string][] = [
  ['NUL', '\u0000'],
  ['BEL (\\u0007)', '\u0007'],
  ['an ANSI escape sequence', '\u001b[31mred\u001b[0m'],
  ['DEL (\\u007f)', '\u007f'],
  ['NEL (\\u0085, C1)', '\u0085'],
];
export const lineBreaks: [string, string][] = [
  ['a tab', '\t'],
  ['a newline', '\n'],
  ['a carriage return', '\r'],
];

/** Control characters (and, for single-line fields, tab/newline) inside the value are rejected. */
export function noControls(at: Path, sample: string, singleLine: boolean, rejectAt: Path = at): Case[] {
  return [...controls, ...(singleLine ? lineBreaks : [])].map(([what, ch]) => ({
    name: `rejects ${what} inside ${label(at)}`,
    at,
    value: `${sample.slice(0, 1)}${ch}${sample.slice(1)}`,
    rejects: rejectAt,
  }));
}

/** The rules every single-line, trimmed, required-when-present text field shares. */
export function lineField(at: Path, max: number, sample: string): Case[] {
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
