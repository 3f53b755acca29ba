/**
 * Request bodies: read with a size cap, parsed as JSON, and refused with a 400 that says why when
 * they are not a JSON object.
 */
import { toFieldIssues } from '@escalate-kit/sdk';
import type * as z from 'zod/mini';
import { READ_WHOLE, readsWhole } from './plain-bodies.ts';
import { error, invalid } from './responses.ts';
import { unstorableText } from './text.ts';

/** Thrown by {@link readJsonObject} when the body is over the limit; the handler answers 413. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The body must be at most ${limit} bytes`);
  }
}

/**
 * Reads at most `limit` bytes: a declared Content-Length over it is refused before reading, and
 * a chunked body is counted as it streams, so a client cannot make the server buffer more.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new BodyTooLarge(limit);
  // From the Node adapter: the same bytes and the same limit, without a web stream.
  if (readsWhole(request)) {
    const whole = await request[READ_WHOLE](limit);
    if (!whole) throw new BodyTooLarge(limit);
    return whole;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: the rest of the body is of no interest, whatever the source does with it.
      reader.cancel().catch(() => {});
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const NOT_JSON = Symbol('not JSON');
// Without `stream`, decode() keeps nothing between calls: one decoder serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readJson(request: Request, limit: number): Promise<unknown> {
  const bytes = await readBody(request, limit);
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    return NOT_JSON;
  }
}

// The schemas would only say "Invalid input" about `42` or `[]`.
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * 415 unless the body is declared as JSON in UTF-8 (`application/json`, with no charset or
 * `charset=utf-8`). A form or `text/plain` post, the kind another site's page can send without a
 * preflight, is refused before anything is read.
 */
function unsupportedMediaType(request: Request): Response | undefined {
  const header = request.headers.get('content-type') ?? '';
  // What clients send (the SDK among them), accepted without taking it apart.
  if (header === 'application/json') return undefined;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (type === 'application/json' && (charset === undefined || charset === 'utf-8')) return undefined;
  return error(415, { error: 'unsupported_media_type', message: 'Send the body as JSON, with Content-Type: application/json' });
}

/**
 * The body as a JSON object for a schema to check, or the 400 to answer when it is not JSON or
 * not an object.
 * @throws {BodyTooLarge} when the body is over `limit` bytes
 */
export async function readJsonObject(request: Request, limit: number): Promise<object | Response> {
  const refused = unsupportedMediaType(request);
  if (refused) return refused;
  const body = await readJson(request, limit);
  if (body === NOT_JSON) return invalid([{ path: [], message: 'Body must be JSON' }]);
  if (!isObject(body)) return invalid([{ path: [], message: 'Body must be a JSON object' }]);
  return body;
}

/**
 * The body parsed with `schema`, or the answer to give instead: 415, 400 naming every bad field,
 * or 400 for text no database stores (NUL, broken characters) wherever the schema let it through.
 * @throws {BodyTooLarge} when the body is over `limit` bytes
 */
export async function parseJson<T>(request: Request, limit: number, schema: z.ZodMiniType<T>): Promise<T | Response> {
  const body = await readJsonObject(request, limit);
  if (body instanceof Response) return body;
  const parsed = schema.safeParse(body);
  if (!parsed.success) return invalid(toFieldIssues(parsed.error.issues));
  const unstorable = unstorableText(body);
  return unstorable.length ? invalid(unstorable) : parsed.data;
}
