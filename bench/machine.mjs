/**
 * What the numbers were measured on: a ratio is comparable across machines, an absolute figure
 * only with this next to it. The load average at start and end says whether someone else was
 * using the CPUs meanwhile (this machine is shared with other engineers' test runs).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { findChrome } from '../test/support/find-chrome.mjs';

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

export function machine() {
  const list = cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(findChrome(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown: the browser sections say why they could not run.
  }
  return {
    cpu: `${list[0]?.model.trim() ?? 'unknown'} × ${list.length}`,
    ram: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    chromium,
  };
}
