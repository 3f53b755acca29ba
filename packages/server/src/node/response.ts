/** A Fetch `Response` written to a `node:http` response, and what happens to a body nobody read. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { plainTexts } from '../http/plain-bodies.ts';
import { abandonBody, announcesBody, continued } from './body-stream.ts';

export interface WriteOptions {
  /** The most bytes of an unread request body discarded after an early answer before the socket is cut. */
  drainBytes: number;
  /** How long that may take, in ms. */
  drainMs: number;
  /** Where a streamed answer (`text/event-stream`) registers how to end it, so closing the server ends it. */
  streams?: Set<() => void>;
}

/**
 * Reads and discards the rest of a body the handler did not want (it answered 413, 401 or 415
 * from the headers), up to a limit: a client that sent it without `Expect: 100-continue` keeps
 * writing, and cutting the socket under it would reset the connection and could lose the answer
 * it is about to read. Past the limit, or the time, the socket is cut all the same.
 */
function drain(req: IncomingMessage, { drainBytes, drainMs }: WriteOptions): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete || req.destroyed) return resolve();
    abandonBody(req);
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      req.off('data', count);
      resolve();
    };
    const cut = () => {
      req.socket.destroy();
      done();
    };
    const count = (chunk: Buffer) => {
      seen += chunk.byteLength;
      if (seen > drainBytes) cut();
    };
    const timer = setTimeout(cut, drainMs);
    timer.unref();
    req.on('data', count).once('end', done).once('close', done).once('error', done);
    req.resume();
  });
}

export async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse, options: WriteOptions): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  // The handler answered without reading the whole body: the connection is not reused. A client
  // that waits for 100 Continue never sends the body, so there is nothing to drain.
  const unread = !req.complete && announcesBody(req);
  const awaitedContinue = /100-continue/i.test(req.headers.expect ?? '') && !continued.has(req);
  if (unread) res.setHeader('connection', 'close');

  // A body made from a string (the API's JSON), which the response itself may not carry:
  // written as it is, no stream read.
  const text = plainTexts.get(response);
  if (text !== undefined && req.method !== 'HEAD') {
    if (unread && !awaitedContinue) {
      res.write(text);
      await drain(req, options);
      res.end();
    } else res.end(text);
    return;
  }
  if (!response.body || req.method === 'HEAD') {
    if (unread && !awaitedContinue) {
      res.flushHeaders();
      await drain(req, options);
    }
    res.end();
    return;
  }
  // An event stream is written as it comes, headers first (the client knows it is connected
  // before the first event), on a connection closed after it: it ends when the server closes.
  const streaming = /^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '');
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  if (streaming) {
    res.setHeader('connection', 'close');
    res.flushHeaders();
    options.streams?.add(stop);
    // The client went away: the stream's source is told at once, not at its next event.
    res.once('close', stop);
  }
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value) && !res.destroyed) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
    }
    // The answer is out (its Content-Length says where it ends); the end of the connection waits
    // for the rest of the body, so the client reads the answer rather than a reset.
    if (unread && !awaitedContinue) await drain(req, options);
    res.end();
  } catch (e) {
    res.destroy(e instanceof Error ? e : undefined);
  } finally {
    options.streams?.delete(stop);
  }
}
