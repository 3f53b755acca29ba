/**
 * bench/results.md: the machine, then one table per section, every row with its target and
 * whether it holds. Formatted by the repository's Prettier so that `pnpm lint` stays green
 * with the file committed.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './build.mjs';

const cell = (v) =>
  String(v ?? '')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ');
const table = (head, rows) => [head, head.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');

export function toMarkdown({ date, seconds, machine, loadStart, loadEnd, sections }) {
  // A row with several targets has one mark per target: count marks, not rows.
  const verdicts = sections.flatMap((s) => s.rows.flatMap((r) => [...String(r.at(-1))]));
  const count = (mark) => verdicts.filter((v) => v === mark).length;
  return [
    '# escalate-kit bench',
    `Written by \`pnpm bench\` (bench/run.mjs) on ${date}, in ${Math.round(seconds)} s. Timings are medians of interleaved repetitions, each given as a ratio against a baseline measured in the same run; absolute figures are for this machine only. Targets: ${count('✓')} hold, ${count('✗')} do not${count('–') ? `, ${count('–')} could not be measured` : ''}.`,
    table(
      ['machine', ''],
      [
        ['CPU', machine.cpu],
        ['RAM', machine.ram],
        ['Node', machine.node],
        ['Chromium', machine.chromium],
        ['load average (1 / 5 / 15 min) at start', loadStart],
        ['load average at end', loadEnd],
      ],
    ),
    ...sections.flatMap((s) => [`## ${s.title}`, table(s.head, s.rows), (s.notes ?? []).map((n) => `- ${n}`).join('\n')]),
  ].join('\n\n');
}

/** Prettier from tools/lint, where the repository's lint gets it; unformatted if it is missing. */
async function prettify(markdown) {
  try {
    const prettier = createRequire(join(root, 'tools/lint/package.json'))('prettier');
    const options = (await prettier.resolveConfig(join(root, 'bench/results.md'))) ?? {};
    return await prettier.format(markdown, { ...options, parser: 'markdown' });
  } catch {
    return `${markdown}\n`;
  }
}

/** Formats the results, and writes them to bench/results.md when `save` (a run of every section). */
export async function writeReport(save, results) {
  const text = await prettify(toMarkdown(results));
  if (save) await writeFile(join(root, 'bench/results.md'), text);
  return text;
}
