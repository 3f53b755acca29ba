/**
 * `pnpm escalate`: manage users and API keys from a shell, on the store `pnpm start` uses
 * (`node/data-store.ts`). Exit 0 when done, 1 when the command could not be done (no such user,
 * the data folder in use), 2 for a command line that is wrong; `--help` on any command.
 * The arguments are checked before the store is opened, so a typo never touches the data.
 */
import { DataStoreBusy, openDataStore } from '../node/data-store.ts';
import { UsageError, parseCommand } from './args.ts';
import { CommandFailed, processIo, type Io } from './io.ts';
import { keysCommand } from './keys.ts';
import { usersCommand } from './users.ts';

export async function runCli(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  let parsed: ReturnType<typeof parseCommand>;
  let step: Awaited<ReturnType<typeof usersCommand>>;
  try {
    parsed = parseCommand(argv);
    if ('help' in parsed) {
      io.out(parsed.help);
      return 0;
    }
    step = parsed.name.startsWith('users ') ? await usersCommand(parsed, io) : keysCommand(parsed, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`escalate: ${e.message}`);
    io.err(`Run: pnpm escalate ${e.command ? `${e.command} ` : ''}--help`);
    return 2;
  }
  try {
    const { store } = await openDataStore({ env });
    try {
      await store.migrate();
      await step(store.access);
    } finally {
      await store.close();
    }
    return 0;
  } catch (e) {
    if (!(e instanceof CommandFailed || e instanceof DataStoreBusy)) throw e;
    io.err(`escalate: ${e.message}`);
    return 1;
  }
}

// Run as a program (not when a test imports it): exit with the command's code.
if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // exitCode rather than exit(): stdout is written out before the process ends.
  runCli(process.argv.slice(2), processIo, process.env).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      // A fault of the store or the program: its message, not a stack (which may quote a row).
      processIo.err(`escalate: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
