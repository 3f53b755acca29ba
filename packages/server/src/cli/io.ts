/**
 * What a command of `pnpm escalate` says and how it fails: lines to stdout (results, the secrets
 * shown once) and stderr (everything else), tables for the lists, and the failure of a command
 * that was written correctly but cannot be done (no such user, the last lead).
 */
import type { AccessStore } from '../auth/types.ts';

/** A command line that is right, but asks for what cannot be done: exit 1 with the message. */
export class CommandFailed extends Error {}

/** What a command does once its arguments are checked and the store is open. */
export type StoreStep = (store: AccessStore) => Promise<void>;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** All of stdin, as text (`--password-stdin`). */
  readStdin(): Promise<string>;
  clock(): Date;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  async readStdin() {
    if (process.stdin.isTTY) process.stderr.write('Password, then Enter and Ctrl-D: ');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  clock: () => new Date(),
};

/** Rows under a header, each column as wide as its widest cell; "(none)" for no rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (!rows.length) return ['(none)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** ISO time to the minute, in UTC: what a list needs, and the same on every machine. */
export const shortTime = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
