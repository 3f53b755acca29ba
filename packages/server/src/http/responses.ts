/**
 * Every answer the API gives is JSON with the same headers, and every error has the contract's
 * error shape (`ErrorBody`, docs/architecture.md#wire-contract).
 */
import * as z from 'zod/mini';
import { errorBodySchema, type FieldIssue } from '@escalate-kit/sdk';
import { assigneeSchema } from '../assignee.ts';
import { plainTexts } from './plain-bodies.ts';

/**
 * Never cached (answers differ by who asks), never sniffed as something other than JSON, no
 * referrer to wherever a link in the data leads, and not readable by other sites' pages as a
 * plain subresource (a CORS grant still lets the configured origins read it).
 */
export const API_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  // The length is known: HEAD answers the same Content-Length as GET, and nothing is chunked.
  const length = String(new TextEncoder().encode(text).byteLength);
  // The body is kept beside the response (a body would be a stream the Node adapter never reads):
  // the handler gives it its body as it answers anyone else (http/plain-bodies.ts).
  const response = new Response(null, {
    status,
    headers: { 'content-type': 'application/json', ...API_HEADERS, 'content-length': length, ...headers },
  });
  plainTexts.set(response, text);
  return response;
}

/** 204 with the API's headers. */
export const noContent = (headers: Record<string, string> = {}) =>
  new Response(null, { status: 204, headers: { ...API_HEADERS, ...headers } });

/**
 * Every error body the server sends: the SDK's `ErrorBody` (what a client reads), and what only
 * the inbox and the people running the server read, kept out of the SDK's bundle.
 */
export const serverErrorBodySchema = z.extend(errorBodySchema, {
  /** With `no_change` and `invalid_transition` (a change of status): the status it has and the one asked for. */
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  /** With `internal_error` (500): the id the fault was logged under, to quote when reporting it. */
  errorId: z.optional(z.string()),
  /** With `unauthorized` from `GET /api/session` when the server has `auth.oidc`: the provider to offer, and where sign-in starts. */
  sso: z.optional(z.object({ label: z.string(), href: z.string() })),
  /** With `already_assigned` (a claim): who owns the escalation. */
  assignee: z.optional(assigneeSchema),
});
export type ServerErrorBody = z.output<typeof serverErrorBodySchema>;

export function error(status: number, body: ServerErrorBody, headers?: Record<string, string>): Response {
  return json(status, body, headers);
}

/** 400 `invalid_request`, naming every bad field. */
export const invalid = (issues: FieldIssue[]) => error(400, { error: 'invalid_request', issues });

export const notFound = (message?: string) => error(404, message === undefined ? { error: 'not_found' } : { error: 'not_found', message });

export const forbidden = (message: string) => error(403, { error: 'forbidden', message });
