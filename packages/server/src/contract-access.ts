/**
 * The OpenAPI paths of who may use the API (docs/architecture.md#security): signing in, users and
 * keys, and the notes on an escalation. Part of `openApiDocument()` (contract.ts).
 */
type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });
const answer = (description: string, schema?: JsonSchema) => ({
  description,
  ...(schema && { content: { 'application/json': { schema } } }),
});
const problem = (description: string) => answer(description, ref('ErrorBody'));
const items = (name: string) => ({ type: 'object', properties: { items: { type: 'array', items: ref(name) } }, required: ['items'] });
const session = { type: 'object', properties: { user: ref('User'), csrfToken: { type: 'string' } }, required: ['user', 'csrfToken'] };
const forbidden = problem('Signed in, but the role is not enough (a lead is needed), or a change without the CSRF token (`csrf`).');

export function accessPaths(): Record<string, JsonSchema> {
  return {
    '/api/session': {
      get: {
        summary: 'Who is signed in, and the CSRF token to send as X-CSRF-Token with every change',
        security: [{ session: [] }],
        responses: { '200': answer('Signed in.', session), '401': problem('Nobody is signed in.') },
      },
      post: {
        summary: 'Sign in: sets the HttpOnly, SameSite=Strict cookie escalate_session (a new id every time)',
        security: [],
        requestBody: body({
          type: 'object',
          properties: { email: { type: 'string' }, password: { type: 'string' } },
          required: ['email', 'password'],
          additionalProperties: false,
        }),
        responses: {
          '200': answer('Signed in; Set-Cookie carries the session.', session),
          '401': problem('`invalid_credentials`, the same for an unknown e-mail and a wrong password.'),
          '403': problem('`csrf`: the request came from another origin.'),
          '429': {
            ...problem('`locked`: too many failed sign-ins for this account or address.'),
            headers: { 'Retry-After': { schema: { type: 'integer' } } },
          },
        },
      },
      delete: {
        summary: 'Sign out: ends the session and clears the cookie',
        security: [{ session: [] }, {}],
        responses: { '204': answer('Signed out.'), '403': problem('`csrf`: a live session without its X-CSRF-Token.') },
      },
    },
    '/api/users': {
      get: { summary: 'Users (leads)', responses: { '200': answer('Every user.', items('User')), '403': forbidden } },
      post: {
        summary: 'Add a user (leads); without password, one is generated and answered this once',
        requestBody: body(ref('NewUser')),
        responses: {
          '201': answer('Added.', { type: 'object', properties: { user: ref('User'), password: { type: 'string' } }, required: ['user'] }),
          '400': problem('Invalid user.'),
          '403': forbidden,
          '409': problem('`email_taken`.'),
        },
      },
    },
    '/api/users/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      delete: {
        summary: 'Remove a user and end their sessions (leads)',
        responses: { '204': answer('Removed.'), '403': forbidden, '404': problem('No such user.'), '409': problem('`last_lead`.') },
      },
    },
    '/api/keys': {
      get: { summary: 'API keys, revoked ones too (leads)', responses: { '200': answer('Every key.', items('ApiKey')), '403': forbidden } },
      post: {
        summary: 'Create an API key (leads); `key` (ek_<id>_<secret>) is answered this once, only its hash is kept',
        requestBody: body({
          type: 'object',
          properties: { name: { type: 'string', maxLength: 100 } },
          required: ['name'],
          additionalProperties: false,
        }),
        responses: {
          '201': answer('Created.', {
            allOf: [ref('ApiKey'), { type: 'object', properties: { key: { type: 'string' } }, required: ['key'] }],
          }),
          '403': forbidden,
        },
      },
    },
    '/api/keys/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{16}$' } }],
      delete: {
        summary: 'Revoke a key (leads); rotate by creating the new one first',
        responses: { '204': answer('Revoked.'), '403': forbidden, '404': problem('No such key.') },
      },
    },
    '/api/escalations/{id}/notes': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      post: {
        summary: 'Write a note without changing the status (members, leads); it joins the history with who wrote it',
        requestBody: body(ref('NoteUpdate')),
        responses: {
          '201': answer('The escalation with its history.', ref('StoredEscalation')),
          '400': problem('Invalid note.'),
          '404': problem('No such escalation.'),
        },
      },
    },
  };
}
