/**
 * The OpenAPI paths of the account team's work queue: owners (routes/ownership.ts) and live
 * updates (routes/events.ts), with every status each can answer. Part of `escalationPaths()`
 * (contract-paths.ts).
 */
import { answer, operation, problem, sharedAs } from './contract-responses.ts';
import { ref, schemaOf, type JsonSchema } from './contract-schema.ts';
import { assigneeUpdateSchema } from './assignee.ts';
import { liveEventDataSchema, liveEventTypes } from './live/event.ts';

const body = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });
const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The escalation's id (a UUID; anything else is 404).",
  schema: { type: 'string', format: 'uuid' },
};
const csrf = 'a change made with the session cookie without its X-CSRF-Token, or from another origin';
const noSuchEscalation = problem('No such escalation, or (for an agent) not one it sent.', ['not_found']);
const conflict = '`conflict`: the owner kept changing meanwhile; read it again and retry.';

/** What a stream carries: the SSE text, whose `data:` lines are `LiveEventData` as JSON. */
const stream = (description: string) => ({
  description: [
    description,
    `Server-Sent Events (\`text/event-stream\`): first \`retry:\` (ms), then one block per event, \`event: ${liveEventTypes.join('` or `')}\` and \`data:\` \`${'{ id, status, assignee, change?, at }'}\` as one line of JSON (\`LiveEventData\` in escalation.schema.json), and a \`: heartbeat\` comment every 15 s. Nothing is replayed: a client reloads what it shows whenever it (re)connects, then applies the events.`,
  ].join(' '),
  content: { 'text/event-stream': { schema: { type: 'string', description: 'The event stream, as text.' } } },
});

export function queuePaths(): Record<string, JsonSchema> {
  return {
    '/api/escalations/{id}/claim': {
      parameters: [idParameter],
      post: operation('post', 'gated', {
        operationId: 'claimEscalation',
        tags: ['escalations'],
        summary: 'Claim: own it yourself',
        description:
          'Members and leads, signed in. Already yours: the escalation as it is, nothing recorded. Owned by someone else: 409 `already_assigned` naming them, unless you are a lead (a lead takes it over). Each claim is a history row (`from` = `to` = the status, `assignee`, the actor).',
        responses: {
          '200': answer('Yours now (or already).', ref('StoredEscalation')),
          '403': problem(`\`forbidden\`: an agent or a key (only a signed-in member or lead claims); \`csrf\`: ${csrf}.`, [
            'forbidden',
            'csrf',
          ]),
          '404': noSuchEscalation,
          '409': problem(`\`already_assigned\`: someone else owns it; \`assignee\` and the message name them. ${conflict}`, [
            'already_assigned',
            'conflict',
          ]),
        },
      }),
    },
    '/api/escalations/{id}/release': {
      parameters: [idParameter],
      post: operation('post', 'gated', {
        operationId: 'releaseEscalation',
        tags: ['escalations'],
        summary: 'Release: nobody owns it',
        description:
          'Its owner, or a lead. Nobody owns it already: the escalation as it is, nothing recorded. Each release is a history row with `assignee: null`.',
        responses: {
          '200': answer('Nobody owns it now.', ref('StoredEscalation')),
          '403': problem(`\`forbidden\`: an agent, or a member who does not own it; \`csrf\`: ${csrf}.`, ['forbidden', 'csrf']),
          '404': noSuchEscalation,
          '409': problem(conflict, ['conflict']),
        },
      }),
    },
    '/api/escalations/{id}/assignee': {
      parameters: [idParameter],
      put: operation('put', 'gated', {
        operationId: 'assignEscalation',
        tags: ['escalations'],
        summary: 'Assign to a member or lead, or to nobody',
        description: 'Leads only. `userId` names a member or lead; `null` releases. Each change is a history row with the new `assignee`.',
        requestBody: body(ref('AssigneeUpdate')),
        responses: {
          '200': answer('Assigned.', ref('StoredEscalation')),
          '400': sharedAs('BadRequest', '`userId` is missing, names nobody, or names an agent.'),
          '403': problem(`\`forbidden\`: not a lead; \`csrf\`: ${csrf}.`, ['forbidden', 'csrf']),
          '404': noSuchEscalation,
          '409': problem(conflict, ['conflict']),
        },
      }),
    },
    '/api/events': {
      get: operation('get', 'gated', {
        operationId: 'streamEvents',
        tags: ['escalations'],
        summary: 'Live updates of every escalation',
        description:
          'Members and leads hear of every escalation; an agent or a key only of those it sent. Across servers sharing a PostgreSQL database, every server hears every change.',
        responses: { '200': stream('The stream, open until the client or the server closes it.') },
      }),
    },
    '/api/escalations/{id}/events': {
      parameters: [idParameter],
      get: operation('get', 'gated', {
        operationId: 'streamEscalationEvents',
        tags: ['escalations'],
        summary: 'Live updates of one escalation',
        description:
          "For the agent's side (`client.watch(id)` in the SDK): readable with the key that sent it. Opened before reading the escalation, nothing in between is missed.",
        responses: { '200': stream("The escalation's stream."), '404': noSuchEscalation },
      }),
    },
  };
}

/** The schemas these paths name, for `components.schemas`. */
export const queueSchemas = () => ({ AssigneeUpdate: schemaOf(assigneeUpdateSchema, 'input') });

/**
 * What the event streams' `data:` lines hold, for the JSON Schema document only: OpenAPI 3.1
 * cannot say what the lines of a `text/event-stream` are.
 */
export const liveSchemas = () => ({ LiveEventData: schemaOf(liveEventDataSchema, 'output') });
