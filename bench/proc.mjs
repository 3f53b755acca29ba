/**
 * Child processes of the server sections: started with an IPC channel, they say their URL when
 * they listen; the bench asks them things and stops them, and never leaves one running.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The next IPC message from `child`, or a rejection if it exits first. */
export function nextMessage(child, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(reject, new Error('no answer from the child process in time')), timeoutMs);
    const onExit = (code) => done(reject, new Error(`child process exited (${code})`));
    const done = (fn, value) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      fn(value);
    };
    const onMessage = (m) => done(resolve, m);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Starts `node file` with IPC and resolves with `{ child, url }` once it listens. */
export async function startChild(file, env = {}, args = []) {
  const child = spawn(process.execPath, [...args, file], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  try {
    const { url } = await nextMessage(child);
    return { child, url };
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
}

/** Asks the child to close; kills it if it has not exited within a few seconds. */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.send({ type: 'close' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in bytes (Linux), from /proc. */
export function rss(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
