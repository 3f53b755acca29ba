/**
 * `pnpm start`: the reference server and the demo task queue; Ctrl-C stops both cleanly. It prints
 * the lead's sign-in and the host's API key: the demo runs on this machine for the person who
 * started it, and a fresh start must need no set-up.
 */
import { startDemo } from './server.ts';

const demo = await startDemo();
console.log(`
  escalate-kit demo is running

  Task queue (agent):     ${demo.url}/
  Inbox (account team):   ${demo.inboxUrl}

  Inbox sign-in: ${demo.access.email} / ${demo.access.password}
  Demo API key: ${demo.access.key}

  Data:                   ${demo.dataDir} (the sign-in and the key are kept in ${demo.access.file})
  Mail:                   ${demo.mail}

  Ctrl-C to stop.
`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await demo.close();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
