/**
 * The server's log: pino, JSON lines on stdout, with whatever could carry a secret or customer
 * data redacted wherever it appears in a logged object (headers with keys and cookies, passwords,
 * tokens, request bodies), and errors reduced to what helps and nothing they were built from.
 */
import pino, { type DestinationStream } from 'pino';

/** What the handler writes to; a pino logger is one. */
export interface ServerLogger {
  error(object: object, message: string): void;
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

/** Paths pino replaces with `[redacted]`, at the top and one level down (`*.x`). */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'passwordHash',
  'token',
  'csrfToken',
  'key',
  'secret',
  'body',
  'notes',
  'note',
  'contact',
  'customer',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-csrf-token"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.body',
  'res.headers["set-cookie"]',
].flatMap((path) => [path, `*.${path}`]);

/**
 * An error as logged: its kind, message, code and stack, never the other fields a driver hangs
 * on it (PostgreSQL's `detail` quotes the row it refused; `pg` keeps the query's parameters).
 */
function serializeError(e: unknown): object {
  if (!(e instanceof Error)) return { message: String(e) };
  const code = (e as { code?: unknown }).code;
  return { type: e.name, message: e.message, ...(typeof code === 'string' && { code }), stack: e.stack };
}

/**
 * The default log sink of the handler.
 *
 * @example
 * ```ts
 * const log = createLogger({ level: 'warn' });
 * createEscalationHandler({ store, log });
 * ```
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): ServerLogger & pino.Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { name: 'escalate-kit' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    options.destination,
  );
}
