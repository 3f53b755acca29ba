/**
 * Bodies the Node adapter and the handler pass without a web stream. On Node 20 every
 * `ReadableStream` costs ~20 µs to make (and more to read), and a Fetch `Request` or `Response`
 * with a body always makes one: per POST that was a tenth of the server's CPU. Both sides are
 * optional: a request without {@link READ_WHOLE} is read from its stream, and only the handler's
 * answer to such a request carries its body in {@link plainTexts} alone.
 */

/**
 * A request's method that resolves its whole body, or `undefined` once it passes `limit` (the
 * rest is left unread). The Node adapter puts it on the requests it gives a handler that says
 * it can take them ({@link TAKES_WHOLE_BODIES}).
 */
export const READ_WHOLE = Symbol.for('escalate-kit.readWhole');

export interface WholeBody {
  [READ_WHOLE](limit: number): Promise<Uint8Array | undefined>;
}

export const readsWhole = (request: Request): request is Request & WholeBody =>
  typeof (request as Partial<WholeBody>)[READ_WHOLE] === 'function';

/**
 * Set on a handler that reads request bodies only through `http/body.ts` and never wraps its
 * request in another (`new Request(request)` would not carry a body the adapter keeps to itself).
 */
export const TAKES_WHOLE_BODIES = Symbol.for('escalate-kit.takesWholeBodies');

/**
 * The body of an answer of the API's JSON (`json()`, http/responses.ts), made without one: the
 * Node adapter writes the text as it is, and anyone else gets a response with the text as its
 * body ({@link withPlainBody}, as the handler answers).
 */
export const plainTexts = new WeakMap<Response, string>();

/** The response with its body, for anyone but the Node adapter. */
export function withPlainBody(response: Response): Response {
  const text = plainTexts.get(response);
  if (text === undefined) return response;
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}
