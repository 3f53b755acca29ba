/**
 * The OpenAPI paths of escalations (routes/escalations.ts, routes/escalation-changes.ts), the
 * counts and labels (routes/stats.ts, routes/meta.ts) and liveness (routes/health.ts), with every
 * status each can answer. Part of `openApiDocument()` (contract.ts).
 */
import { listQuerySchema, listResultSchema, storedEscalationSchema } from './types.ts';
import { answer, operation, problem, sharedAs } from './contract-responses.ts';
import { ref, schemaOf, type JsonSchema } from './contract-schema.ts';
import { queuePaths } from './contract-queue-paths.ts';

const body = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });
const uuidPath = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id (a UUID; anything else is 404).`,
  schema: { type: 'string', format: 'uuid' },
});
/** A change made with the session cookie but without its token, or from another origin (auth/csrf.ts). */
const csrf = 'a change made with the session cookie without its X-CSRF-Token, or from another origin';
const memberOnly = problem(`\`forbidden\`: an agent (members and leads only); \`csrf\`: ${csrf}.`, ['forbidden', 'csrf']);
const noSuchEscalation = problem('No such escalation, or (for an agent) not one it sent.', ['not_found']);

const listParameters = (): JsonSchema[] => {
  const query = schemaOf(listQuerySchema, 'input') as { properties: Record<string, JsonSchema & { description?: string }> };
  return Object.entries(query.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    ...(schema.description !== undefined && { description: schema.description }),
    schema,
  }));
};

export function escalationPaths(): Record<string, JsonSchema> {
  return {
    '/api/escalations': {
      post: operation('post', 'gated', {
        operationId: 'createEscalation',
        tags: ['escalations'],
        summary: 'Escalate a task',
        description:
          "The team and respond-by time are decided by the server's own policy from the case; `routing` is only the client's suggestion. Rate-limited per client (60 a minute by default).",
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            description: "The escalation's id; identical on every retry.",
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        requestBody: body(ref('EscalationRequest')),
        responses: {
          '201': answer(
            "Stored. `team` and `respondBy` are what the server decided; `notification` is `pending`: the e-mail goes out in the background. `Location` is the escalation's path.",
            ref('EscalationReceipt'),
            'Location',
          ),
          '200': answer(
            'An idempotent replay: the stored receipt, with `duplicate: true` and where the e-mail stands now (`notification`).',
            ref('EscalationReceipt'),
          ),
          '400': sharedAs(
            'BadRequest',
            'Invalid: `issues` names every bad field at once, an unknown category and a missing or different Idempotency-Key included.',
          ),
          '403': problem(`\`csrf\`: ${csrf}.`, ['csrf']),
          '409': problem(
            '`conflict`: the same id was stored with a different body. `task_already_escalated`: the task already has an escalation that is not resolved; `existing` names it (id, status, team, respondBy) and nothing was stored.',
            ['conflict', 'task_already_escalated'],
          ),
          '429': problem('`rate_limited`: too many escalations from this client.', ['rate_limited'], 'Retry-After'),
        },
      }),
      get: operation('get', 'gated', {
        operationId: 'listEscalations',
        tags: ['escalations'],
        summary: 'List escalations, by respond-by time',
        description:
          "An agent lists only the escalations it sent. The work queue's filters: `assignee=me|none|<userId>`, `overdue=true` (at the server's time), `q=` free text.",
        parameters: listParameters(),
        responses: {
          '200': answer('A page of escalations.', schemaOf(listResultSchema, 'output', { StoredEscalation: storedEscalationSchema })),
          '400': sharedAs('BadRequest', 'Invalid query, or a `cursor` this server did not return.'),
        },
      }),
    },
    '/api/escalations/{id}': {
      parameters: [uuidPath('escalation')],
      get: operation('get', 'gated', {
        operationId: 'getEscalation',
        tags: ['escalations'],
        summary: 'Read one escalation, with its history',
        description: 'An agent reads only the escalations it sent.',
        responses: { '200': answer('The escalation.', ref('StoredEscalation')), '404': noSuchEscalation },
      }),
      patch: operation('patch', 'gated', {
        operationId: 'changeEscalationStatus',
        tags: ['escalations'],
        summary: 'Change the status',
        description:
          'Members and leads. open → contacted → waiting → resolved, contacted → resolved, waiting → contacted, and resolved → open with a `note` saying why.',
        requestBody: body(ref('StatusUpdate')),
        responses: {
          '200': answer('Changed; the history has the change and who made it.', ref('StoredEscalation')),
          '400': sharedAs('BadRequest', 'Invalid update, or a reopening without a note.'),
          '403': memberOnly,
          '404': noSuchEscalation,
          '409': problem(
            '`no_change` or `invalid_transition`, with `from` and `to`; `conflict` when the escalation kept changing meanwhile.',
            ['no_change', 'invalid_transition', 'conflict'],
          ),
        },
      }),
    },
    '/api/escalations/{id}/notes': {
      parameters: [uuidPath('escalation')],
      post: operation('post', 'gated', {
        operationId: 'addEscalationNote',
        tags: ['escalations'],
        summary: 'Write a note',
        description: 'Members and leads. The status stays; the note joins the history with who wrote it.',
        requestBody: body(ref('NoteUpdate')),
        responses: {
          '201': answer('The escalation with its history.', ref('StoredEscalation')),
          '403': memberOnly,
          '404': noSuchEscalation,
        },
      }),
    },
    // Owners and live updates (the account team's work queue).
    ...queuePaths(),
    '/api/meta': {
      get: operation('get', 'gated', {
        operationId: 'getMeta',
        tags: ['meta'],
        summary: 'Labels of categories and teams',
        description: 'The labels for the ids the API answers with, as this server is configured.',
        responses: { '200': answer('The labels.', ref('Meta')) },
      }),
    },
    '/healthz': {
      get: operation('get', 'public', {
        operationId: 'getHealth',
        tags: ['meta'],
        summary: 'Liveness',
        description: 'Open to anyone, without a key.',
        security: [],
        responses: {
          '200': answer('Up.', {
            type: 'object',
            properties: { ok: { const: true } },
            required: ['ok'],
            additionalProperties: false,
          }),
        },
      }),
    },
  };
}
