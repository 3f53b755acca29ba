/**
 * The OpenAPI paths of the metrics (docs/policy.md#metrics): tasks handled without escalating
 * (routes/handled.ts) and the counts and figures of a range (routes/stats.ts), with every status
 * each can answer. Part of `openApiDocument()` (contract.ts).
 */
import { answer, operation, problem, sharedAs } from './contract-responses.ts';
import { ref, schemaOf, type JsonSchema } from './contract-schema.ts';
import { metricsQuerySchema } from './metrics/range.ts';

const csrf = 'a change made with the session cookie without its X-CSRF-Token, or from another origin';

/** What each query parameter of `GET /api/stats` means (the schema gives its type). */
const queryDescriptions: Record<string, string> = {
  from: 'The first day counted (YYYY-MM-DD, in `tz`). Default: the Monday 7 weeks before the week of `to` (8 ISO weeks in all).',
  to: 'The last day counted (YYYY-MM-DD, in `tz`). Default: today in `tz`.',
  tz: 'The IANA time zone days and weeks are counted in, e.g. `Europe/Paris`. Default: `UTC`.',
};

const statsParameters = (): JsonSchema[] => {
  const query = schemaOf(metricsQuerySchema, 'input') as { properties: Record<string, JsonSchema> };
  return Object.entries(query.properties).map(([name, schema]) => ({ name, in: 'query', description: queryDescriptions[name], schema }));
};

export function metricsPaths(): Record<string, JsonSchema> {
  return {
    '/api/handled': {
      post: operation('post', 'gated', {
        operationId: 'reportHandled',
        tags: ['metrics'],
        summary: 'Report a task handled without escalating',
        description:
          "The denominator of an agent's escalation rate: escalated / (escalated + handled). Any role (a host's API key too); idempotent by `id` like an escalation.",
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            description: "The report's id; identical on every retry.",
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref('HandledReport') } } },
        responses: {
          '201': answer("Stored. `handledAt` is the report's, or when it arrived.", ref('HandledAnswer')),
          '200': answer('An idempotent replay of the same report: `duplicate: true`.', ref('HandledAnswer')),
          '400': sharedAs(
            'BadRequest',
            'Invalid: `issues` names every bad field at once, a missing or different Idempotency-Key included.',
          ),
          '403': problem(`\`csrf\`: ${csrf}.`, ['csrf']),
          '409': problem('`conflict`: the same id was stored with a different report.', ['conflict']),
        },
      }),
    },
    '/api/stats': {
      get: operation('get', 'gated', {
        operationId: 'getStats',
        tags: ['metrics'],
        summary: 'Counts, and the metrics of a range of days',
        description:
          "Leads only. The counts of every escalation (by category, urgency, status and UTC day) and `metrics`: the figures of the inbox's Metrics page for the range (docs/policy.md#metrics).",
        parameters: statsParameters(),
        responses: {
          '200': answer('The counts and the metrics.', ref('Stats')),
          '400': sharedAs(
            'BadRequest',
            'A day that is not a date, `from` after `to`, a range over two years, or an unknown time zone; `issues` names each.',
          ),
          '403': problem('`forbidden`: not a lead.', ['forbidden']),
        },
      }),
    },
  };
}
