/** A request body as the handler reads it from Node, and what the adapter must know of it afterwards. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Requests whose client was told `100 Continue`: it is sending the body now. */
export const continued = new WeakSet<IncomingMessage>();

/** Tells a client waiting on `Expect: 100-continue` to send its body, once: the handler is reading it. */
export function sendContinue(req: IncomingMessage, res: ServerResponse): void {
  if (continued.has(req)) return;
  continued.add(req);
  res.writeContinue();
}

const abandoners = new WeakMap<IncomingMessage, () => void>();
/** Stops feeding a body the handler never read into its stream, so the adapter may discard the rest. */
export const abandonBody = (req: IncomingMessage) => abandoners.get(req)?.();

/** Whether the request line and headers announce a body at all. */
export const announcesBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * The request body as a web stream that, unlike `Readable.toWeb`, does not destroy the socket
 * when the handler stops reading early (a body over the limit): the 413 must still get out.
 * Nothing is read before the handler asks (high-water mark 0): a client that sent
 * `Expect: 100-continue` gets its `100 Continue` only then, so a body the handler refuses from
 * its headers alone (413, 401, 415) is never sent at all.
 */
export function bodyStream(req: IncomingMessage, res: ServerResponse, awaitingContinue: boolean): ReadableStream<Uint8Array<ArrayBuffer>> {
  let done = false;
  abandoners.set(req, () => {
    done = true;
  });
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (done) return;
          // A socket's chunks are never on shared memory.
          controller.enqueue(new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength));
          // Backpressure: read from the socket only as fast as the handler consumes.
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          if (!done) controller.close();
          done = true;
        });
        req.on('error', (e) => {
          if (!done) controller.error(e);
          done = true;
        });
        req.pause();
      },
      pull() {
        if (awaitingContinue) sendContinue(req, res);
        req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 0 },
  );
}
