/**
 * What a `node:http` server answers before any request listener runs: requests its parser
 * refuses (an unknown method, a malformed line, headers too large) and CONNECT, each with a
 * JSON body like every other answer, instead of Node's bare `400 Bad Request` or a cut socket.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { forbiddenMethod, type FetchHandler } from './listener.ts';

/** Every method this server has anywhere: the `Allow` of a method the parser does not know at all. */
const KNOWN_METHODS = 'GET, HEAD, POST, PATCH, DELETE, OPTIONS';

function raw(status: number, reason: string, body: object, headers: Record<string, string> = {}): string {
  const text = JSON.stringify(body);
  const lines = [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json',
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    `Content-Length: ${Buffer.byteLength(text)}`,
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${text}`;
}

function clientErrorAnswer(code: string | undefined): string {
  if (code === 'HPE_INVALID_METHOD') {
    return raw(
      405,
      'Method Not Allowed',
      { error: 'method_not_allowed', message: `Unknown method: use ${KNOWN_METHODS}` },
      { Allow: KNOWN_METHODS },
    );
  }
  if (code === 'HPE_HEADER_OVERFLOW') return raw(431, 'Request Header Fields Too Large', { error: 'headers_too_large' });
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return raw(408, 'Request Timeout', { error: 'request_timeout' });
  return raw(400, 'Bad Request', { error: 'bad_request', message: 'The request is not well-formed HTTP' });
}

export function answerParserErrors(server: Server, handler: FetchHandler): void {
  server.on('clientError', (e: Error & { code?: string }, socket: Duplex) => {
    // Node's own advice: nothing to write to a socket that is gone or half written.
    if (e.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorAnswer(e.code));
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    void forbiddenMethod(handler, req, 'CONNECT')
      .then(async (answer) => {
        const allow = answer.headers.get('allow');
        const reason = answer.status === 404 ? 'Not Found' : 'Method Not Allowed';
        socket.end(raw(answer.status, reason, (await answer.json()) as object, allow ? { Allow: allow } : {}));
      })
      .catch(() => socket.destroy());
  });
}
