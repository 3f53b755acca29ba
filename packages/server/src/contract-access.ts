/**
 * The OpenAPI paths of who may use the API (docs/architecture.md#security): signing in
 * (routes/session.ts), users (routes/users.ts) and keys (routes/keys.ts), with every status each
 * can answer. Part of `openApiDocument()` (contract.ts).
 */
import * as z from 'zod/mini';
import { newKeySchema, signInSchema } from './auth/accounts.ts';
import { apiKeySchema, userSchema } from './auth/types.ts';
import { answer, operation, problem } from './contract-responses.ts';
import { ref, schemaOf, type JsonSchema } from './contract-schema.ts';

const body = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });
// The answers' shapes as zod builds them in the routes, users and keys as references.
const refs = { User: userSchema, ApiKey: apiKeySchema };
const output = (schema: z.core.$ZodType) => schemaOf(schema, 'output', refs);
const items = (schema: z.core.$ZodType) => output(z.object({ items: z.array(schema) }));
const session = output(z.object({ user: userSchema, csrfToken: z.string() }));
const csrf = 'a change made with the session cookie without its X-CSRF-Token, or from another origin';
const leadsOnly = problem(`\`forbidden\`: not a lead; \`csrf\`: ${csrf}.`, ['forbidden', 'csrf']);
const leadsOnlyRead = problem('`forbidden`: not a lead.', ['forbidden']);
const noSso = problem('The server has no `auth.oidc`.', ['not_found']);

export function accessPaths(): Record<string, JsonSchema> {
  return {
    '/api/session': {
      get: operation('get', 'open', {
        operationId: 'getSession',
        tags: ['access'],
        summary: 'Who is signed in',
        description: 'The user, and the CSRF token to send as X-CSRF-Token with every change.',
        security: [{ session: [] }],
        responses: {
          '200': answer('Signed in.', session),
          '401': problem(
            'Nobody is signed in; `sso` names the provider when the server has `auth.oidc`.',
            ['unauthorized'],
            'WWW-Authenticate',
          ),
        },
      }),
      post: operation('post', 'open', {
        operationId: 'signIn',
        tags: ['access'],
        summary: 'Sign in',
        description: 'Sets the HttpOnly, SameSite=Strict cookie `escalate_session`, with a new id every time.',
        security: [],
        requestBody: body(schemaOf(signInSchema, 'input')),
        responses: {
          '200': answer('Signed in; `Set-Cookie` carries the session.', session, 'Set-Cookie'),
          '401': problem(
            '`invalid_credentials`, the same for an unknown e-mail and a wrong password.',
            ['invalid_credentials'],
            'WWW-Authenticate',
          ),
          '403': problem('`csrf`: the request came from another origin.', ['csrf']),
          '429': problem('`locked`: too many failed sign-ins for this account or address.', ['locked'], 'Retry-After'),
        },
      }),
      delete: operation('delete', 'open', {
        operationId: 'signOut',
        tags: ['access'],
        summary: 'Sign out',
        description: 'Ends the session and clears the cookie, whether or not the session was still alive.',
        security: [{ session: [] }, {}],
        responses: {
          '204': answer('Signed out; `Set-Cookie` clears the cookie.', undefined, 'Set-Cookie'),
          '403': problem('`csrf`: a live session without its X-CSRF-Token, or from another origin.', ['csrf']),
        },
      }),
    },
    '/api/session/oidc': {
      get: operation('get', 'open', {
        operationId: 'startSingleSignOn',
        tags: ['access'],
        summary: 'Sign in with the provider',
        description:
          'Only when the server has `auth.oidc`. A browser navigates here (the inbox links to it); the answer is always a redirect, whatever goes wrong is said on the inbox.',
        security: [],
        responses: {
          '303': answer(
            'To the provider, with PKCE, state and nonce kept in a 10-minute cookie; or, when the provider cannot be reached, to `/inbox?sign_in_error=<code>`.',
            undefined,
            'Location',
            'Set-Cookie',
          ),
          '404': noSso,
        },
      }),
    },
    '/api/session/oidc/callback': {
      get: operation('get', 'open', {
        operationId: 'finishSingleSignOn',
        tags: ['access'],
        summary: 'Come back from the provider',
        description:
          "Only when the server has `auth.oidc`: the provider's redirect URI. It signs in as a password does (a new session id and CSRF token).",
        security: [],
        responses: {
          '303': answer(
            'To `/inbox`, signed in (`Set-Cookie` carries the session); or to `/inbox?sign_in_error=<code>` (expired, forged, denied, unknown person).',
            undefined,
            'Location',
            'Set-Cookie',
          ),
          '404': noSso,
        },
      }),
    },
    '/api/users': {
      get: operation('get', 'gated', {
        operationId: 'listUsers',
        tags: ['access'],
        summary: 'List users',
        description: 'Leads only.',
        responses: { '200': answer('Every user.', items(userSchema)), '403': leadsOnlyRead },
      }),
      post: operation('post', 'gated', {
        operationId: 'addUser',
        tags: ['access'],
        summary: 'Add a user',
        description: 'Leads only. Without `password`, one is generated and answered this once.',
        requestBody: body(ref('NewUser')),
        responses: {
          '201': answer(
            "Added; `Location` is the user's path.",
            output(z.object({ user: userSchema, password: z.optional(z.string()) })),
            'Location',
          ),
          '403': leadsOnly,
          '409': problem('`email_taken`.', ['email_taken']),
        },
      }),
    },
    '/api/users/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, description: "The user's id (a UUID).", schema: { type: 'string', format: 'uuid' } },
      ],
      delete: operation('delete', 'gated', {
        operationId: 'removeUser',
        tags: ['access'],
        summary: 'Remove a user',
        description: 'Leads only. Their sessions end with them.',
        responses: {
          '204': answer('Removed.'),
          '403': leadsOnly,
          '404': problem('No such user.', ['not_found']),
          '409': problem('`last_lead`: add another lead first.', ['last_lead']),
        },
      }),
    },
    '/api/keys': {
      get: operation('get', 'gated', {
        operationId: 'listKeys',
        tags: ['access'],
        summary: 'List API keys',
        description: 'Leads only. Revoked keys are listed too.',
        responses: { '200': answer('Every key.', items(apiKeySchema)), '403': leadsOnlyRead },
      }),
      post: operation('post', 'gated', {
        operationId: 'createKey',
        tags: ['access'],
        summary: 'Create an API key',
        description: 'Leads only. `key` (ek_<id>_<secret>) is answered this once; only its hash is kept.',
        requestBody: body(schemaOf(newKeySchema, 'input')),
        responses: {
          '201': answer(
            "Created; `Location` is the key's path.",
            // The key's record, and the key itself this once.
            schemaOf(z.extend(apiKeySchema, { key: z.string() }), 'output'),
            'Location',
          ),
          '403': leadsOnly,
        },
      }),
    },
    '/api/keys/{id}': {
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: "The key's id: the <id> of ek_<id>_<secret>.",
          schema: { type: 'string', pattern: '^[0-9a-f]{16}$' },
        },
      ],
      delete: operation('delete', 'gated', {
        operationId: 'revokeKey',
        tags: ['access'],
        summary: 'Revoke an API key',
        description: 'Leads only. Rotate by creating the new key first. Revoking twice is still 204.',
        responses: { '204': answer('Revoked.'), '403': leadsOnly, '404': problem('No such key.', ['not_found']) },
      }),
    },
  };
}
