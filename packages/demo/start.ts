/** `pnpm start`: the reference server and the demo task queue; Ctrl-C stops both cleanly. */
import { startDemo } from './server.ts';

const demo = await startDemo();
console.log(`
  escalate-kit demo is running

  Task queue (agent):     ${demo.url}/
  Inbox (account team):   ${demo.inboxUrl}
  Data:                   ${demo.dataDir}
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
