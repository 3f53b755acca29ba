/**
 * Reads a Server-Sent Events stream over real HTTP, as the tests of the live routes need: each
 * block parsed into its event name, data and comments, and `next()` waiting (with a deadline)
 * for the first block that matches.
 */
export interface SseBlock {
  event?: string;
  data?: string;
  retry?: number;
  comments: string[];
}

export interface SseReader {
  response: Response;
  /** Every block so far, in order. */
  blocks: SseBlock[];
  /** The first block from now (or already read, not yet taken) that `match` accepts, within `ms`. */
  next(match: (block: SseBlock) => boolean, ms?: number): Promise<SseBlock>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

function parse(text: string): SseBlock {
  const block: SseBlock = { comments: [] };
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) block.comments.push(line.slice(1).trim());
    else if (line.startsWith('event: ')) block.event = line.slice(7);
    else if (line.startsWith('data: ')) block.data = (block.data === undefined ? '' : `${block.data}\n`) + line.slice(6);
    else if (line.startsWith('retry: ')) block.retry = Number(line.slice(7));
  }
  return block;
}

/** Opens `url` and reads it in the background until `close()` or the server's end. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const blocks: SseBlock[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          blocks.push(parse(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close(): the stream ends here.
    }
  })();

  async function next(match: (block: SseBlock) => boolean, ms = 2000): Promise<SseBlock> {
    const deadline = Date.now() + ms;
    for (;;) {
      while (taken < blocks.length) {
        const block = blocks[taken++]!;
        if (match(block)) return block;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching event within ${ms} ms; read: ${JSON.stringify(blocks)}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        waiters.add(wake);
        void ended.then(wake);
      });
      if (taken >= blocks.length && (await Promise.race([ended.then(() => true), Promise.resolve(false)]))) {
        throw new Error(`The stream ended without a matching event; read: ${JSON.stringify(blocks)}`);
      }
    }
  }

  return { response, blocks, next, ended, close: () => abort.abort() };
}

/** The data of an `escalation.*` event about `id`. */
export const about = (type: string, id: string) => (block: SseBlock) =>
  block.event === type && block.data !== undefined && (JSON.parse(block.data) as { id: string }).id === id;
