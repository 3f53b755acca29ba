/**
 * Suite 3 of issue 12, bad input: property-based tests (fast-check) of what an escalation may
 * carry. Payloads are a valid request with fields replaced by text from every Unicode class (lone
 * surrogates, zero-width, bidi controls, C0/C1, emoji, combining marks, CJK, right-to-left,
 * noncharacters), values at and past their bounds, wrong types, missing and unknown fields, and
 * hostile context keys; an oracle written from the contract's rules says which fields are bad.
 * The SDK's schema, the SDK's client and the handler must each refuse every bad field by name
 * and nothing fine; the handler never answers 500, and nothing it stores fails the schema again.
 * Route and path fuzzing is test/node/security/property.test.ts's; this is about the payload.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  createEscalationClient,
  escalationInputSchema,
  escalationRequestSchema,
  EscalationValidationError,
  toFieldIssues,
  type EscalationInput,
} from '@escalate-kit/sdk';
import { createEscalationHandler, createMemoryStore, createLogger, type EscalationStore } from '../../../packages/server/src/index.ts';
import { reportFigures, size } from '../../support/figures.ts';
import {
  applyMutations,
  checkNaming,
  defaultCategoryIds,
  judge,
  loneSurrogate,
  mutationsArb,
  namedPaths,
} from '../../support/hostile-payloads.ts';
import { classesIn, stringsIn, unicodeClassNames, type UnicodeClass } from '../../support/hostile-unicode.ts';

const runs = { schema: size(4_000, 40_000), handler: size(4_000, 40_000), client: size(2_000, 20_000) };
const tally = { payloads: 0, accepted: 0, refused: 0, serverErrors: 0, invalidStored: 0 };
const covered = new Map<UnicodeClass, number>();

/** Counts the payload and the Unicode classes in its text. */
function seen(payload: unknown) {
  tally.payloads++;
  for (const name of new Set(stringsIn(payload).flatMap(classesIn))) covered.set(name, (covered.get(name) ?? 0) + 1);
}

let task = 0;
/** A task of its own for every payload (one open escalation per task), added to whatever the taskId became. */
function withOwnTask(payload: Record<string, unknown>) {
  if (typeof payload.taskId === 'string') payload.taskId = `${payload.taskId}-${++task}`;
  return payload;
}

/** A header can carry only Latin-1 without CR, LF or NUL: a body's broken id travels with a key the server will not match. */
const keyFor = (id: unknown) => (typeof id === 'string' && /^[\x20-\x7e]*$/.test(id) && id === id.trim() ? id : crypto.randomUUID());

// Every text the contract lets through is well-formed and free of controls, wherever it sits.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
function cleanText(value: unknown): string | undefined {
  for (const s of stringsIn(value)) {
    if (loneSurrogate.test(s)) return `a lone surrogate in ${JSON.stringify(s)}`;
    if (forbidden.test(s)) return `a control character in ${JSON.stringify(s)}`;
  }
  return undefined;
}

const params = (numRuns: number) => ({ numRuns, ...(process.env.FC_SEED && { seed: Number(process.env.FC_SEED) }) });

describe('bad input (fast-check): schema, client and handler', () => {
  let store: EscalationStore;
  let handler: ReturnType<typeof createEscalationHandler>;
  const stored = new Set<string>();
  const started = Date.now();

  before(() => {
    store = createMemoryStore();
    // Auth off: validation comes before any role. No rate limit and a large body limit, so every
    // answer is the validation's own (a 413 or 429 would hide what the payload did).
    handler = createEscalationHandler({
      store,
      auth: false,
      limits: { requestsPerMinute: 1e9, bodyBytes: 1 << 20 },
      log: createLogger({ level: 'error' }),
    });
  });
  after(async () => {
    handler.close();
    await store.close();
  });

  it("the SDK's schema refuses every bad field by name and nothing fine, and what it accepts is clean", () => {
    fc.assert(
      fc.property(mutationsArb, (mutations) => {
        const payload = applyMutations(mutations);
        seen(payload);
        const j = judge(payload);
        const r = escalationRequestSchema.safeParse(payload);
        if (r.success) {
          tally.accepted++;
          assert.deepEqual([...j.bad], [], 'accepted a payload with bad fields');
          assert.equal(cleanText(r.data), undefined);
          assert.equal(escalationRequestSchema.safeParse(r.data).success, true, 'what it gives back parses again');
        } else {
          tally.refused++;
          assert.ok(j.bad.size + j.mayName.size > 0, `refused a valid payload: ${JSON.stringify(r.error.issues)}`);
          assert.equal(checkNaming(j, namedPaths(toFieldIssues(r.error.issues), payload)), undefined);
        }
        // The client's input schema is the same contract with id and createdAt optional.
        if ('id' in payload && 'createdAt' in payload) assert.equal(escalationInputSchema.safeParse(payload).success, r.success);
      }),
      params(runs.schema),
    );
  });

  it('the handler answers 201 or a 400 naming every bad field, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(mutationsArb, async (mutations) => {
        const payload = withOwnTask(applyMutations(mutations));
        seen(payload);
        const j = judge(payload, defaultCategoryIds);
        const response = await handler(
          new Request('http://escalations.test/api/escalations', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': keyFor(payload.id) },
            body: JSON.stringify(payload),
          }),
        );
        if (response.status >= 500) tally.serverErrors++;
        if (response.status === 201) {
          tally.accepted++;
          assert.deepEqual([...j.bad], [], 'stored a payload with bad fields');
          stored.add((payload.id as string).toLowerCase());
          return;
        }
        assert.equal(response.status, 400, `answered ${response.status}: ${await response.clone().text()}`);
        tally.refused++;
        const body = (await response.json()) as { error: string; issues: { path: (string | number)[]; message: string }[] };
        assert.equal(body.error, 'invalid_request');
        assert.ok(body.issues.length > 0);
        const named = namedPaths(body.issues, payload);
        // A key the server cannot match (the body's id is broken or not a string) is the id's fault.
        if (keyFor(payload.id) !== payload.id) j.mayName.add('id');
        assert.equal(checkNaming(j, named), undefined);
      }),
      params(runs.handler),
    );
  });

  it('the client throws a validation error naming every bad field and sends nothing; what it sends is stored', async () => {
    let sent = 0;
    const client = createEscalationClient({
      endpoint: 'http://escalations.test/api/escalations',
      fetch: (input, init) => {
        sent++;
        return handler(new Request(input, init));
      },
      outbox: false,
      retry: 0,
    });
    await fc.assert(
      fc.asyncProperty(mutationsArb, async (mutations) => {
        const payload = withOwnTask(applyMutations(mutations));
        seen(payload);
        const j = judge(payload, defaultCategoryIds, true);
        const before = sent;
        try {
          const result = await client.escalate(payload as unknown as EscalationInput);
          assert.equal(result.status, 'sent');
          tally.accepted++;
          assert.deepEqual([...j.bad], [], 'sent a payload with bad fields');
          stored.add(result.request.id);
        } catch (error) {
          assert.ok(error instanceof EscalationValidationError, `a ${(error as Error).name}: ${(error as Error).message}`);
          tally.refused++;
          assert.equal(sent, before, 'a refused escalation is not sent');
          assert.equal(checkNaming(j, namedPaths(error.issues, payload)), undefined);
        }
      }),
      params(runs.client),
    );
    client.dispose();
  });

  it('stored only what it accepted, and every stored row parses again with the schema', async () => {
    let rows = 0;
    let cursor: string | undefined;
    do {
      const page = await store.list({ limit: 200, ...(cursor && { cursor }) });
      for (const item of page.items) {
        rows++;
        const again = escalationRequestSchema.safeParse(item.request);
        if (!again.success || cleanText(item.request) || !stored.has(item.id)) tally.invalidStored++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(rows, stored.size);
    assert.equal(tally.invalidStored, 0);
    assert.equal(tally.serverErrors, 0);
    const missing = unicodeClassNames.filter((name) => !covered.get(name));
    assert.deepEqual(missing, [], 'every Unicode class was in some payload');
    assert.ok(tally.accepted > tally.payloads / 20, `enough payloads accepted to mean something (${tally.accepted})`);
    reportFigures(
      'bad-input',
      `payloads ${tally.payloads}, accepted ${tally.accepted}, refused ${tally.refused} (400 naming the field), 500s ${tally.serverErrors}, invalid stored ${tally.invalidStored} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  });
});
