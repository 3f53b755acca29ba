/**
 * The headers on every answer the demo's own server writes (its page, its assets, its task queue):
 * the very policy the inbox ships (`pagePolicy`, packages/server/src/routes/inbox.ts). The page has no
 * inline script or style (Lit's styles are constructable stylesheets), so 'self' is enough, and
 * Trusted Types allow only Lit's own policy, which is the one thing that writes HTML.
 */
import { pagePolicy } from '@escalate-kit/server';
import type { FetchHandler } from '@escalate-kit/server/node';

/** `report-uri` (sent at once, unlike the batched `report-to`) when one is given. */
export function contentSecurityPolicy(reportUri?: string): string {
  return reportUri ? `${pagePolicy}; report-uri ${reportUri}` : pagePolicy;
}

export function securityHeaders(reportUri?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(reportUri),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    // No other site may embed these bytes (a script tag, an image) and have them read by side channels.
    'cross-origin-resource-policy': 'same-origin',
  };
}

/** The handler, with `report-uri` added to the policy of every page it serves (the inbox). */
export function withReportUri(handler: FetchHandler, reportUri: string): FetchHandler {
  return async (request) => {
    const response = await handler(request);
    const policy = response.headers.get('content-security-policy');
    if (policy) response.headers.set('content-security-policy', `${policy}; report-uri ${reportUri}`);
    return response;
  };
}
