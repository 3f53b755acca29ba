/**
 * A Fetch `Request` whose body stays in Node until the handler asks for it, for a handler that
 * takes whole bodies (http/plain-bodies.ts): it reads the body whole ({@link READ_WHOLE}), with
 * no `ReadableStream` made or read, and the signal is made only if someone looks at it. Every
 * other way to the body (`body`, `json()`, `clone()`…) still works, through a stream made then.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { READ_WHOLE } from '../http/plain-bodies.ts';
import { bodyStream, sendContinue } from './body-stream.ts';

export interface LightSource {
  req: IncomingMessage;
  res: ServerResponse;
  awaitingContinue: boolean;
  /** The client's signal, made on first use. */
  signal: () => AbortSignal;
}

/** Reads `req` to its end, or until it passes `limit` (then `undefined`, the rest left unread). */
function readRequest(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        stop();
        // Left for the adapter to discard after the answer (response.ts), as a cancelled stream is.
        req.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (e: Error) => {
      stop();
      reject(e);
    };
    // A request cut short ends with an error first; this is for one that somehow does not.
    const onClose = () => onError(new Error('aborted'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** Reads a stream to its end, or until it passes `limit` (then `undefined`, the stream cancelled). */
async function readStream(stream: ReadableStream<Uint8Array<ArrayBuffer>>, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export class LightRequest extends Request {
  #source: LightSource;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null | undefined;
  #used = false;

  constructor(url: URL, init: { method: string; headers: [string, string][] }, source: LightSource) {
    super(url, init);
    this.#source = source;
  }

  override get signal(): AbortSignal {
    return this.#source.signal();
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#stream === undefined) {
      const { req, res, awaitingContinue } = this.#source;
      this.#stream = this.method === 'GET' || this.method === 'HEAD' ? null : bodyStream(req, res, awaitingContinue);
    }
    return this.#stream;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#stream?.locked ?? false);
  }

  async [READ_WHOLE](limit: number): Promise<Uint8Array | undefined> {
    if (this.bodyUsed) throw new TypeError('Body is unusable: it has already been read');
    this.#used = true;
    if (this.#stream !== undefined) return this.#stream ? readStream(this.#stream, limit) : new Uint8Array(0);
    if (this.method === 'GET' || this.method === 'HEAD') return new Uint8Array(0);
    const { req, res, awaitingContinue } = this.#source;
    // As the stream would when first read: the client waiting for it may send the body now.
    if (awaitingContinue) sendContinue(req, res);
    return readRequest(req, limit);
  }

  /** The body as a Fetch `Response` would read it, for the ways to it other than {@link READ_WHOLE}. */
  async #whole(): Promise<Response> {
    // Bytes from a socket, never on shared memory.
    const bytes = (await this[READ_WHOLE](Infinity)) as Uint8Array<ArrayBuffer>;
    const type = this.headers.get('content-type');
    return new Response(bytes, type === null ? {} : { headers: { 'content-type': type } });
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.#whole()).arrayBuffer();
  }
  override async blob(): Promise<Blob> {
    return (await this.#whole()).blob();
  }
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return (await this.#whole()).bytes();
  }
  override async formData(): Promise<FormData> {
    return (await this.#whole()).formData();
  }
  override async json(): Promise<unknown> {
    return (await this.#whole()).json();
  }
  override async text(): Promise<string> {
    return (await this.#whole()).text();
  }

  /** A plain `Request` with the same body, which this one keeps too (the stream is teed). */
  override clone(): Request {
    const body = this.body;
    let copy: ReadableStream<Uint8Array<ArrayBuffer>> | null = null;
    if (body) [this.#stream, copy] = body.tee();
    return new Request(this.url, {
      method: this.method,
      headers: this.headers,
      signal: this.signal,
      ...(copy && { body: copy, duplex: 'half' }),
    } as RequestInit);
  }
}
