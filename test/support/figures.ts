/**
 * The figures the reliability suites print (`sent N, stored N, duplicates 0, …`): each suite
 * reports its line here, which prints it at once and appends it to `test/.results/figures.jsonl`
 * so `test/run.mjs` can repeat every figure together at the end of the run (and the README's
 * Reliability section can be refreshed from one place).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { arch, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const results = fileURLToPath(new URL('../.results', import.meta.url));

/** `SOAK=1` (`pnpm test:soak`): the suites run at their large sizes. */
export const soak = process.env.SOAK === '1';

/** `small` in `pnpm test`, `large` under `pnpm test:soak`. */
export function size(small: number, large: number): number {
  return soak ? large : small;
}

/** The machine, for the figures' context: `2 cores (model), 24 GiB, Node v20.20.0, x64`. */
export function machine(): string {
  const c = cpus();
  return `${c.length} cores (${c[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${arch()}`;
}

/**
 * Prints `[figures] <suite>: <line>` and records it for the end-of-run summary.
 *
 * @example
 * ```ts
 * reportFigures('faults', `sent ${sent}, stored ${stored}, duplicates 0, lost 0, e-mails ${mails}`);
 * ```
 */
export function reportFigures(suite: string, line: string): void {
  console.log(`[figures] ${suite}: ${line}`);
  mkdirSync(results, { recursive: true });
  const entry = { suite, line, soak, at: new Date().toISOString(), machine: machine() };
  appendFileSync(join(results, 'figures.jsonl'), `${JSON.stringify(entry)}\n`);
}
