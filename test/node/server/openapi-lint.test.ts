/**
 * The OpenAPI document linted with Redocly's recommended rules (operationIds, a 2xx and a 4xx on
 * every operation, servers, license, tags, descriptions, valid schemas and references): zero
 * errors and zero warnings, so the tools hosts generate clients and docs with take it as it is.
 * The only problems let through are the two in packages/server/contract/.redocly.lint-ignore.yaml,
 * each at its one place, with why.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openApiDocument } from '../../../packages/server/src/contract.ts';

const redocly = fileURLToPath(new URL('../../../node_modules/.bin/redocly', import.meta.url));
const ignoreFile = new URL('../../../packages/server/contract/.redocly.lint-ignore.yaml', import.meta.url);

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}
interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: Problem[];
}

let dir: string;

/**
 * `redocly lint --extends=recommended` on `doc`, written as `openapi.json` in a folder of its own
 * (with the ignore file, when `ignoring`), where no redocly.yaml could change the rules.
 */
async function lint(doc: unknown, ignoring: boolean): Promise<LintReport> {
  const at = await mkdtemp(join(dir, 'lint-'));
  const file = join(at, 'openapi.json');
  await writeFile(file, JSON.stringify(doc, null, 2));
  if (ignoring) await copyFile(ignoreFile, join(at, '.redocly.lint-ignore.yaml'));
  const { stdout } = await promisify(execFile)(redocly, ['lint', '--extends=recommended', '--format=json', file], {
    cwd: at,
    // No telemetry and no update check: the test talks to nobody.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  }).catch((e: { stdout?: string; stderr?: string }) => {
    // Exit code 1 when the document has errors; the report is still on stdout.
    if (!e.stdout) throw new Error(`redocly failed: ${e.stderr}`);
    return { stdout: e.stdout };
  });
  return JSON.parse(stdout) as LintReport;
}

const describeProblems = (report: LintReport) =>
  report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`).join('\n');

describe("OpenAPI document: Redocly's recommended rules", () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has zero errors and zero warnings, and only the two problems the ignore file explains', async () => {
    const report = await lint(openApiDocument(), true);
    assert.deepEqual(report.totals, { errors: 0, warnings: 0, ignored: 2 }, describeProblems(report));
  });

  it('does find problems when there are some, so the zero means something', async () => {
    const doc = structuredClone(openApiDocument()) as {
      info: { license?: unknown };
      servers?: unknown;
      paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
    };
    delete doc.info.license;
    delete doc.servers;
    delete doc.paths['/healthz']!.get!.operationId;
    const report = await lint(doc, false);
    const rules = new Set(report.problems.map((p) => p.ruleId));
    for (const rule of ['info-license', 'no-empty-servers', 'operation-operationId', 'operation-2xx-response']) {
      assert.ok(rules.has(rule), `${rule} reported`);
    }
  });
});
