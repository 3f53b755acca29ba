/**
 * The wire contract as JSON Schema and OpenAPI 3.1, generated from the same zod schemas the
 * client and the server validate with, so the document can never drift from the code.
 * `pnpm build` writes them to `packages/server/contract/`.
 */
import { escalationReceiptSchema, escalationRequestSchema, handledReportSchema } from '@escalate-kit/sdk';
import { serverErrorBodySchema } from './http/responses.ts';
import { apiKeySchema, userSchema } from './auth/types.ts';
import { newUserSchema } from './auth/accounts.ts';
import { accessPaths } from './contract-access.ts';
import { escalationPaths } from './contract-paths.ts';
import { liveSchemas, queueSchemas } from './contract-queue-paths.ts';
import { metricsPaths } from './contract-metrics.ts';
import { handledAnswerSchema } from './metrics/handled.ts';
import { statsAnswerSchema } from './metrics/schema.ts';
import { headers, responses } from './contract-responses.ts';
import { schemaOf, type JsonSchema } from './contract-schema.ts';
import { metaSchema, noteUpdateSchema, statusUpdateSchema, storedEscalationSchema } from './types.ts';

/** The named JSON Schemas of the contract (draft 2020-12). */
export function contractSchemas(): Record<string, JsonSchema> {
  return {
    // What a client may send (urgency and contact have defaults).
    EscalationRequest: schemaOf(escalationRequestSchema, 'input'),
    EscalationReceipt: schemaOf(escalationReceiptSchema, 'output'),
    ErrorBody: schemaOf(serverErrorBodySchema, 'output'),
    StoredEscalation: schemaOf(storedEscalationSchema, 'output'),
    StatusUpdate: schemaOf(statusUpdateSchema, 'input'),
    NoteUpdate: schemaOf(noteUpdateSchema, 'input'),
    User: schemaOf(userSchema, 'output'),
    NewUser: schemaOf(newUserSchema, 'input'),
    ApiKey: schemaOf(apiKeySchema, 'output'),
    Stats: schemaOf(statsAnswerSchema, 'output'),
    HandledReport: schemaOf(handledReportSchema, 'input'),
    HandledAnswer: schemaOf(handledAnswerSchema, 'output'),
    Meta: schemaOf(metaSchema, 'output'),
    ...queueSchemas(),
  };
}

/** One JSON Schema document with every contract type under `$defs`. */
export function contractJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://escalate-kit.dev/contract/escalation.schema.json',
    title: 'escalate-kit wire contract',
    $defs: { ...contractSchemas(), ...liveSchemas() },
  };
}

/** The OpenAPI 3.1 document of the reference server. */
export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'escalate-kit reference server',
      version: '0.1.0',
      summary: 'Receives escalations from <escalate-button> and @escalate-kit/sdk, and serves the account-team inbox.',
      description: [
        'The wire contract of docs/architecture.md#wire-contract. Every answer is JSON (errors: `ErrorBody`).',
        'HEAD is answered wherever GET is, with the same headers and no body; OPTIONS answers CORS preflights for the origins the server allows.',
        'With `auth: false` the handler needs no key or session, and answers no 401 or 403 of its own.',
      ].join('\n\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: 'http://127.0.0.1:8787',
        description: 'A server started locally with serve({ handler, port: 8787 }); yours is where you deploy it.',
      },
    ],
    tags: [
      { name: 'escalations', description: 'Sending escalations, and the account team working on them.' },
      { name: 'access', description: 'Signing in, users and API keys (docs/architecture.md#security).' },
      { name: 'metrics', description: 'Tasks handled without escalating, and the figures of docs/policy.md#metrics.' },
      { name: 'meta', description: "The server's configuration and liveness." },
    ],
    security: [{ bearer: [] }, { session: [] }],
    paths: { ...escalationPaths(), ...accessPaths(), ...metricsPaths() },
    components: {
      schemas: contractSchemas(),
      responses,
      headers,
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
  };
}
