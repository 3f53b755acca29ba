/**
 * The answers routes share, as the dispatcher, the body reader and the gate give them
 * (http/dispatch.ts, http/body.ts, auth/gate.ts), and `operation()`, which adds to every
 * operation the statuses that follow from its method and its access: written once here, so no
 * operation of the OpenAPI document forgets one.
 */
import { ref, type JsonSchema } from './contract-schema.ts';

const header = (description: string, schema: JsonSchema) => ({ description, required: true, schema });

/** `components.headers`. */
export const headers = {
  Location: header('The path of what was created, on this server.', { type: 'string' }),
  'Retry-After': header('Seconds to wait before trying again.', { type: 'integer', minimum: 1 }),
  Allow: header('The methods the path has: HEAD wherever GET is, and OPTIONS.', { type: 'string' }),
  'WWW-Authenticate': header('`Bearer`: send an API key, or sign in.', { type: 'string' }),
  'Set-Cookie': header('The session cookie `escalate_session` (HttpOnly, SameSite=Strict), set or cleared.', { type: 'string' }),
};
export type HeaderName = keyof typeof headers;

const headerRefs = (names: readonly HeaderName[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

/** A JSON answer; `with` names the headers it always carries. */
export function answer(description: string, schema?: JsonSchema, ...with_: HeaderName[]): JsonSchema {
  return {
    description,
    ...(with_.length > 0 && { headers: headerRefs(with_) }),
    ...(schema && { content: { 'application/json': { schema } } }),
  };
}

/** An error answer (`ErrorBody`) whose `error` is one of `codes`. */
export const problem = (description: string, codes: readonly string[], ...with_: HeaderName[]) =>
  answer(description, { allOf: [ref('ErrorBody'), { properties: { error: { enum: [...codes] } } }] }, ...with_);

/** `components.responses`: the answers that are the same wherever they occur. */
export const responses = {
  BadRequest: answer('Invalid: `issues` names every bad field at once.', {
    allOf: [ref('ErrorBody'), { properties: { error: { const: 'invalid_request' } }, required: ['issues'] }],
  }),
  Unauthorized: problem('Not signed in, and no valid key in `Authorization: Bearer`.', ['unauthorized'], 'WWW-Authenticate'),
  MethodNotAllowed: problem(
    'The path has no such method (any method not listed here); `Allow` lists those it has.',
    ['method_not_allowed'],
    'Allow',
  ),
  PayloadTooLarge: problem('The body, declared or sent, is over the limit (64 KiB by default); refused before it is read.', [
    'payload_too_large',
  ]),
  UriTooLong: problem('The URL is over 8,192 characters.', ['uri_too_long']),
  UnsupportedMediaType: problem('The body is not declared as `application/json` in UTF-8.', ['unsupported_media_type']),
  InternalError: problem('A fault of the server: logged once under `errorId`.', ['internal_error']),
};
type Shared = keyof typeof responses;
const shared = (name: Shared) => ({ $ref: `#/components/responses/${name}` });
/** A shared answer, with this operation's own description of it. */
export const sharedAs = (name: Shared, description: string) => ({ ...shared(name), description });

/**
 * Who may call an operation: `gated` needs a key or a session (401 otherwise, unless the handler
 * runs with `auth: false`), `open` is an `/api` route that checks what it needs itself (signing
 * in), `public` is outside `/api` and touches no store (`/healthz`).
 */
export type Access = 'gated' | 'open' | 'public';

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * An operation with the statuses its method and access imply: 401 when gated; 413 for a method
 * with a body (the declared length is checked on every one, even DELETE); 400 and 415 when it
 * reads a body; 405 and 414 on every path; 500 wherever a store or the gate is involved.
 */
export function operation(method: string, access: Access, spec: JsonSchema & { responses: Record<string, JsonSchema> }): JsonSchema {
  const implied: Record<string, JsonSchema> = {
    ...(access === 'gated' && { '401': shared('Unauthorized') }),
    ...(BODY_METHODS.has(method) && { '413': shared('PayloadTooLarge') }),
    ...(spec.requestBody !== undefined && { '400': shared('BadRequest'), '415': shared('UnsupportedMediaType') }),
    '405': shared('MethodNotAllowed'),
    '414': shared('UriTooLong'),
    ...(access !== 'public' && { '500': shared('InternalError') }),
  };
  const all = { ...implied, ...spec.responses };
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  return { ...spec, responses: sorted };
}
