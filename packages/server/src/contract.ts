/**
 * The wire contract as JSON Schema and OpenAPI 3.1, generated from the same zod schemas the
 * client and the server validate with, so the document can never drift from the code.
 * `pnpm build` writes them to `packages/server/contract/`.
 */
import * as z from 'zod/mini';
import { contextRecord, contextSchema, errorBodySchema, escalationReceiptSchema, escalationRequestSchema } from '@escalate-kit/sdk';
import { apiKeySchema, userSchema } from './auth/types.ts';
import { newUserSchema } from './auth/accounts.ts';
import { accessPaths } from './contract-access.ts';
import {
  listQuerySchema,
  listResultSchema,
  metaSchema,
  noteUpdateSchema,
  statsSchema,
  statusUpdateSchema,
  storedEscalationSchema,
} from './types.ts';

type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The JSON Schema of a zod schema. `refs` names schemas that are components of their own: where
 * they occur they become a `$ref` to `#/components/schemas/<name>` instead of a copy.
 */
const schemaOf = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output', refs: Record<string, z.core.$ZodType> = {}): JsonSchema => {
  const names = new Map(Object.entries(refs).map(([name, s]) => [s, name]));
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      // The context's keys are checked on the raw input first (a pipe), which JSON Schema cannot
      // say; the record it then parses is what a client must send.
      if (zodSchema === (contextSchema as z.core.$ZodType)) {
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as JsonSchema)[key];
        Object.assign(jsonSchema, schemaOf(contextRecord, io));
        return;
      }
      const name = names.get(zodSchema as z.core.$ZodType);
      if (name === undefined) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as JsonSchema)[key];
      Object.assign(jsonSchema, ref(name));
    },
  }) as JsonSchema;
  return rest;
};

/** The named JSON Schemas of the contract (draft 2020-12). */
export function contractSchemas(): Record<string, JsonSchema> {
  return {
    // What a client may send (urgency and contact have defaults).
    EscalationRequest: schemaOf(escalationRequestSchema, 'input'),
    EscalationReceipt: schemaOf(escalationReceiptSchema),
    ErrorBody: schemaOf(errorBodySchema),
    StoredEscalation: schemaOf(storedEscalationSchema),
    StatusUpdate: schemaOf(statusUpdateSchema, 'input'),
    NoteUpdate: schemaOf(noteUpdateSchema, 'input'),
    User: schemaOf(userSchema),
    NewUser: schemaOf(newUserSchema, 'input'),
    ApiKey: schemaOf(apiKeySchema),
    Stats: schemaOf(statsSchema),
    Meta: schemaOf(metaSchema),
  };
}

/** One JSON Schema document with every contract type under `$defs`. */
export function contractJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://escalate-kit.dev/contract/escalation.schema.json',
    title: 'escalate-kit wire contract',
    $defs: contractSchemas(),
  };
}

const json = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const error = (description: string) => json('ErrorBody', description);

/** The OpenAPI 3.1 document of the reference server. */
export function openApiDocument(): JsonSchema {
  const query = schemaOf(listQuerySchema, 'input') as { properties: Record<string, JsonSchema> };
  return {
    openapi: '3.1.0',
    info: {
      title: 'escalate-kit reference server',
      version: '0.1.0',
      description: 'Receives escalations from <escalate-button> / @escalate-kit/sdk and serves the account-team inbox.',
    },
    components: {
      schemas: contractSchemas(),
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key (ek_<id>_<secret>, role agent), or the service key (role lead).',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'escalate_session',
          description: 'A signed-in user; changes also need X-CSRF-Token.',
        },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      '/api/escalations': {
        post: {
          summary: 'Escalate a task',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description: "The escalation's id; identical on every retry.",
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('EscalationRequest') } } },
          responses: {
            '201': json(
              'EscalationReceipt',
              "Stored. `team` and `respondBy` are what the server decided from the case with its own policy (the request's `routing` is only a suggestion); `notification` is `pending`: the e-mail goes out in the background.",
            ),
            '200': json(
              'EscalationReceipt',
              'An idempotent replay: the stored receipt, with duplicate: true and where the e-mail stands now (`notification`).',
            ),
            '400': error('Invalid request; `issues` names every bad field.'),
            '401': error('Not signed in, and no valid key.'),
            '409': error(
              '`conflict`: the same id was stored with a different body. `task_already_escalated`: the task already has an escalation that is not resolved; `existing` names it (id, status, team, respondBy) and nothing was stored.',
            ),
            '413': error('Body too large.'),
            '429': { ...error('Too many requests.'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
          },
        },
        get: {
          summary: 'List escalations, by respond-by time',
          parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: 'query', schema })),
          responses: {
            '200': {
              description: 'A page of escalations.',
              content: {
                'application/json': { schema: schemaOf(listResultSchema, 'output', { StoredEscalation: storedEscalationSchema }) },
              },
            },
            '400': error('Invalid query.'),
            '401': error('Not signed in, and no valid key.'),
          },
        },
      },
      '/api/escalations/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        get: {
          summary: 'One escalation, with its history (an agent only reads its own)',
          responses: { '200': json('StoredEscalation', 'The escalation.'), '404': error('No such escalation.') },
        },
        patch: {
          summary:
            'Change the status (members, leads): open → contacted → waiting → resolved, contacted → resolved, waiting → contacted, resolved → open with a note saying why',
          requestBody: { required: true, content: { 'application/json': { schema: ref('StatusUpdate') } } },
          responses: {
            '200': json('StoredEscalation', 'Changed; the history has the change and who made it.'),
            '400': error('Invalid update, or a reopening without a note.'),
            '404': error('No such escalation.'),
            '409': error('`no_change` or `invalid_transition`, with `from` and `to`.'),
          },
        },
      },
      '/api/stats': {
        get: { summary: 'Counts by category, urgency, status and day (leads)', responses: { '200': json('Stats', 'The counts.') } },
      },
      ...accessPaths(),
      '/api/meta': {
        get: {
          summary: 'Labels for the ids the API answers with: categories and team names, as this server is configured',
          responses: { '200': json('Meta', 'The labels.') },
        },
      },
      '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': { description: 'Up.' } } } },
    },
  };
}
