/**
 * Bodies the Node adapter and the handler pass without a web stream. On Node 20 every
 * `ReadableStream` costs ~20 µs to make (and more to read), and a Fetch `Request` or `Response`
 * with a body always makes one: per POST that was a tenth of the server's CPU. Both sides are
 * optional: a request without {@link READ_WHOLE} is read from its stream, a response not in
 * {@link plainTexts} is written from its stream, as any Fetch handler's would be.
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
 * The text of a response made from a string (the API's JSON answers), so the adapter writes it
 * as it is instead of reading the response's stream. Only ever the exact body of that response.
 */
export const plainTexts = new WeakMap<Response, string>();
