/**
 * Every answer the API gives is JSON with the same headers, and every error has the contract's
 * error shape (`ErrorBody`, docs/architecture.md#wire-contract).
 */
import type { ErrorBody, FieldIssue } from '@escalate-kit/sdk';

const JSON_HEADERS = {
  'content-type': 'application/json',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function error(status: number, body: ErrorBody, headers?: Record<string, string>): Response {
  return json(status, body, headers);
}

/** 400 `invalid_request`, naming every bad field. */
export const invalid = (issues: FieldIssue[]) => error(400, { error: 'invalid_request', issues });

export const notFound = () => error(404, { error: 'not_found' });
