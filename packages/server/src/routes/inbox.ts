/**
 * The account-team inbox page, `GET /inbox` and `GET /inbox/app.js`. The page opens for anyone:
 * it asks the person to sign in and calls the API with the session cookie it gets.
 */
import type { Routes } from './route.ts';

/**
 * The page's policy (the demo page ships the same one: packages/demo/headers.ts). It loads one
 * script from this origin and has no inline script or style (Lit
 * adopts its styles as constructable stylesheets, which `style-src` does not cover); Trusted Types
 * allow only Lit's own policy, the one thing that writes HTML. The page has buttons that change
 * data, so no other site may frame it and trick a click.
 */
export const pagePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

function page(body: string, contentType: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentType,
      'cache-control': 'no-cache',
      'content-security-policy': pagePolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // A window this page opens, or that opened it, gets no handle on it.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    },
  });
}

/** No routes at all without `inbox`: `/inbox` is then a 404 like any unknown path. */
export const inboxRoutes =
  (inbox: { html: string; script: string } | undefined): Routes =>
  (path) => {
    if (!inbox) return undefined;
    if (path === '/inbox' || path === '/inbox/')
      return { api: false, methods: { GET: () => page(inbox.html, 'text/html; charset=utf-8') } };
    if (path === '/inbox/app.js') return { api: false, methods: { GET: () => page(inbox.script, 'text/javascript; charset=utf-8') } };
    return undefined;
  };
