/**
 * HTTP by hand over a TCP socket, for what `fetch` will not send or hides: `Expect:
 * 100-continue`, bodies far over the limit written while the answer arrives, methods Fetch
 * refuses, malformed request lines. Every error of the socket is kept, not thrown: a test asserts
 * there was none (no broken pipe, no reset).
 */
import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the server sent, as text. */
  text: string;
  /** The status of every response head, 1xx included, in order. */
  statuses: number[];
  /** Errors of the socket (EPIPE, ECONNRESET), as codes. */
  errors: string[];
  /** Body bytes written before the server answered or the socket closed. */
  written: number;
}

export interface RawRequest {
  /** The request line and headers, without the blank line. */
  head: string;
  /** Body bytes to write after the head (0: none). */
  bodyBytes?: number;
  /** Wait for `100 Continue` (or any final answer) before writing the body. */
  waitForContinue?: boolean;
  /** Send the body with `Transfer-Encoding: chunked` framing. */
  chunked?: boolean;
}

export function rawExchange(url: string, request: RawRequest): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const result: RawExchange = { text: '', statuses: [], errors: [], written: 0 };
    let answered = false;
    let continued = false;
    let wakeWriter: (() => void) | undefined;
    socket.on('data', (chunk) => {
      result.text += chunk.toString('latin1');
      result.statuses = [...result.text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
      continued ||= result.statuses.includes(100);
      answered ||= result.statuses.some((s) => s >= 200);
      wakeWriter?.();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => result.errors.push(e.code ?? e.message));
    socket.on('close', () => {
      wakeWriter?.();
      resolve(result);
    });
    socket.on('connect', async () => {
      socket.write(`${request.head}\r\n\r\n`);
      const total = request.bodyBytes ?? 0;
      if (request.waitForContinue && total > 0) {
        await new Promise<void>((r) => {
          wakeWriter = () => (continued || answered || socket.destroyed ? r() : undefined);
          wakeWriter();
        });
        wakeWriter = undefined;
        // Told the final answer instead of 100: the body is not sent, as RFC 9110 says.
        if (!continued) return socket.end();
      }
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      while (result.written < total && !socket.destroyed) {
        const size = Math.min(chunk.length, total - result.written);
        const piece = request.chunked
          ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), chunk.subarray(0, size), Buffer.from('\r\n')])
          : chunk.subarray(0, size);
        result.written += size;
        if (!socket.write(piece)) await new Promise<void>((r) => socket.once('drain', r).once('close', r));
      }
      if (request.chunked && !socket.destroyed) socket.write('0\r\n\r\n');
      if (!socket.destroyed) socket.end();
    });
  });
}

/** The JSON body of the last response in an exchange. */
export function lastBody(exchange: RawExchange): unknown {
  const at = exchange.text.lastIndexOf('\r\n\r\n');
  return JSON.parse(exchange.text.slice(at + 4));
}
