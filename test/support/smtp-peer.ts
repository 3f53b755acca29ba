/**
 * An SMTP peer on 127.0.0.1 (smtp-server) that keeps every message it took in, with its
 * Message-ID, and can lose its answer: take a message in, then drop the connection before saying
 * `250`, so the sender cannot know the message arrived. What a receiver sees after a crash or a
 * lost answer, for the e-mail resend tests and the durability suite.
 */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface PeerMessage {
  /** The `Message-ID` header as sent, brackets included; `''` when there was none. */
  messageId: string;
  raw: Buffer;
  /** Whether the peer dropped the connection instead of answering (the sender saw a failure). */
  answerLost: boolean;
}

export interface SmtpPeer {
  url: string;
  /** Every message taken in, in order, resends included. */
  received: PeerMessage[];
  /** How many messages carried each Message-ID. */
  countsById(): Map<string, number>;
  close(): Promise<void>;
}

/** The Message-ID header of a raw message (unfolded), as the receiver would dedupe on it. */
export function messageIdOf(raw: Buffer): string {
  const head = raw
    .toString('utf8')
    .split(/\r?\n\r?\n/)[0]!
    .replace(/\r?\n[ \t]+/g, ' ');
  return /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
}

/**
 * Starts the peer. `loseAnswer(message, n)` (n counts from 1) says whether to take the n-th
 * message in and then drop the connection instead of answering.
 */
export async function startSmtpPeer(loseAnswer: (message: PeerMessage, n: number) => boolean = () => false): Promise<SmtpPeer> {
  const received: PeerMessage[] = [];
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A reverse DNS lookup per connection would make each e-mail take as long as the resolver does.
    disableReverseLookup: true,
    // Well above the notifier's messages, so a large burst never trips the peer's own limit.
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const message: PeerMessage = { messageId: messageIdOf(raw), raw, answerLost: false };
        received.push(message);
        if (!loseAnswer(message, received.length)) return callback();
        // Taken in, never acknowledged: every connection goes, so the sender sees it fail.
        message.answerLost = true;
        for (const s of sockets) s.destroy();
      });
    },
  });
  // A sender killed mid-session resets its connection: that is the point of the suites, not a fault of the peer.
  server.on('error', () => {});
  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    countsById() {
      const counts = new Map<string, number>();
      for (const m of received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
