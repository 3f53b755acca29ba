/**
 * Checks real answers against the OpenAPI document: the status is one the operation documents,
 * every header documented as required is there, and the body is what the documented schema says
 * (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses), or absent when none is documented. It also
 * keeps count of which documented (operation, status) pairs were seen, so a test can say which
 * were never produced.
 */
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
interface Doc {
  paths: Record<string, Record<string, Json>>;
  components: Json;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, Json>;
  content?: Record<string, { schema: Json }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function openApiValidator(document: unknown) {
  const doc = document as Doc;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // The components as one schema, so `#/components/schemas/X` resolves once rewritten to `openapi#/…`.
  ajv.addSchema({ $id: 'openapi', components: { schemas: (doc.components as { schemas: Json }).schemas } });
  const compiled = new Map<string, ValidateFunction>();

  /** Follows a `$ref` to a component (responses, headers), keeping the referrer's own description. */
  const deref = <T>(value: Json): T => {
    const target = value.$ref as string | undefined;
    if (!target) return value as T;
    const found = target
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Json)[key], doc);
    return deref<T>({ ...(found as Json), ...(value.description !== undefined && { description: value.description }) });
  };

  const operation = (path: string, method: string) => {
    const op = doc.paths[path]?.[method.toLowerCase()] as { responses: Record<string, Json> } | undefined;
    assert.ok(op, `${method} ${path} is documented`);
    return op;
  };

  /** Every documented pair, `METHOD path status`. */
  const documented = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as { responses: Json } | undefined;
      if (op) for (const status of Object.keys(op.responses)) documented.add(`${method.toUpperCase()} ${path} ${status}`);
    }
  }
  const seen = new Set<string>();

  /**
   * Checks `response`, the answer to `method` on `path` (the document's template, e.g.
   * `/api/escalations/{id}`), and returns its body. `expected` is the status the test meant to produce.
   */
  async function check(path: string, method: string, expected: number, response: Response): Promise<unknown> {
    const what = `${method} ${path} → ${response.status}`;
    const events = deref<ResponseObject>(operation(path, method).responses[String(response.status)] ?? {}).content?.['text/event-stream'];
    if (events && response.status === expected) {
      // A stream does not end: its type and its first block (`retry:`) are what can be checked.
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream\b/, `${what} is an event stream`);
      const reader = response.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      assert.match(first, /^retry: \d+\n/, `${what} starts with retry:`);
      seen.add(`${method} ${path} ${response.status}`);
      return first;
    }
    const text = await response.text();
    assert.equal(response.status, expected, `${what}: expected ${expected}, body ${text}`);
    const documentedResponse = operation(path, method).responses[String(response.status)];
    assert.ok(documentedResponse, `${what} is documented`);
    const answer = deref<ResponseObject>(documentedResponse);
    for (const [name, header] of Object.entries(answer.headers ?? {})) {
      if (deref<{ required?: boolean }>(header).required) assert.ok(response.headers.has(name), `${what} has ${name}`);
    }
    const schema = answer.content?.['application/json']?.schema;
    if (!schema) {
      assert.equal(text, '', `${what} documents no body`);
      seen.add(`${method} ${path} ${response.status}`);
      return undefined;
    }
    assert.match(response.headers.get('content-type') ?? '', /^application\/json\b/, `${what} is JSON`);
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(JSON.parse(key.replaceAll('"#/components/', '"openapi#/components/')) as Json);
      compiled.set(key, validate);
    }
    const body: unknown = JSON.parse(text);
    assert.ok(validate(body), `${what}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${text}`);
    seen.add(`${method} ${path} ${response.status}`);
    return body;
  }

  return {
    check,
    documented,
    /** The documented pairs no check has seen yet. */
    unseen: () => [...documented].filter((pair) => !seen.has(pair)),
    seenCount: () => seen.size,
    /** Every documented operation, as `[path, METHOD]`. */
    operations: () =>
      Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => [path, m.toUpperCase()] as const)),
    /** Whether an operation documents `status`. */
    documents: (path: string, method: string, status: number) => documented.has(`${method} ${path} ${status}`),
  };
}
