/**
 * Where `client.reportHandled()` posts by default. Apart from `handled.ts` so that the client
 * knows the address without loading the on-demand report code.
 */

/** `handled` next to the escalations' endpoint: `/api/escalations` → `/api/handled`. */
export function defaultHandledEndpoint(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return `${trimmed.slice(0, trimmed.lastIndexOf('/') + 1)}handled`;
}
