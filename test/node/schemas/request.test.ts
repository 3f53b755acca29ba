/**
 * The wire contract (docs/architecture.md#wire-contract): every field and every bound of
 * the request, input, receipt and error-body schemas, with the exact issue path of
 * every rejection. Tables of cases, one `it` per row.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escalationInputSchema, escalationRequestSchema, limits } from '@escalate-kit/sdk';
import {
  rawIssuesOf,
  issuesOf,
  parse,
  OMIT,
  uuid,
  withValue,
  valueAt,
  fullRequest,
  minimalRequest,
  runCases,
  label,
  a,
  type Path,
} from './support.ts';
import { fieldCases } from './field-cases.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

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

    it('refuses a __proto__, constructor or prototype context key by name, and nothing reaches a prototype', () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const request = { ...fullRequest(), context: JSON.parse(`{"${key}": {"polluted": "yes"}, "queue": "tier-1"}`) as unknown };
        const issues = rawIssuesOf(escalationRequestSchema, request);
        assert.deepEqual(
          issues.map((i) => [i.path, i.message]),
          [[['context', key], `Context key "${key}" is not allowed`]],
        );
      }
      assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    });

    it('refuses invisible formatting characters in identifiers, and keeps them in names', () => {
      for (const ch of ['\u200b', '\u200d', '\u200e', '\u2060', '\ufeff', '\u061c']) {
        const paths = issuesOf(escalationRequestSchema, { ...fullRequest(), taskId: `T-10${ch}42` });
        assert.deepEqual(paths, [['taskId']], JSON.stringify(ch));
        assert.deepEqual(issuesOf(escalationRequestSchema, { ...fullRequest(), agent: { id: `a${ch}7` } }), [['agent', 'id']]);
        assert.deepEqual(issuesOf(escalationRequestSchema, { ...fullRequest(), context: { [`q${ch}ueue`]: 'x' } }), [
          ['context', `q${ch}ueue`],
        ]);
      }
      // A Persian name needs its zero-width non-joiner.
      assert.deepEqual(issuesOf(escalationRequestSchema, { ...fullRequest(), customer: { name: 'می\u200cخواهم' } }), []);
    });

    it('takes the id in lower case, whatever case the client wrote it in', () => {
      const data = parse(escalationRequestSchema, { ...fullRequest(), id: uuid.toUpperCase() });
      assert.equal(valueAt(data, ['id']), uuid);
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
