/**
 * Per-team recipients of the e-mail: checked when the notifier is made, and read from
 * `ESCALATE_TEAMS` (JSON, or the path of a JSON file). Errors name the team or the file, never an
 * address: start-up logs are read by more people than the configuration.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { slugPattern } from '@escalate-kit/sdk';
import type { TeamRecipients } from './options.ts';

const address = z.string().check(z.trim(), z.minLength(1));
const teamsSchema = z.record(
  z.string().check(z.regex(slugPattern)),
  z.strictObject({ email: z.union([address, z.array(address).check(z.minLength(1))]) }),
);

/** The addresses of a team entry, as a list. */
const addresses = (recipients: TeamRecipients) => (Array.isArray(recipients.email) ? recipients.email : [recipients.email]);

/**
 * Throws a TypeError for a team listed without an address: it would silently fall back to the
 * account team, which is not what whoever listed it meant.
 */
export function checkTeams(teams: Record<string, TeamRecipients>, option: 'teams' | 'levels' = 'teams'): void {
  for (const [team, recipients] of Object.entries(teams)) {
    if (!addresses(recipients ?? { email: [] }).some((a) => typeof a === 'string' && a.trim())) {
      const what = option === 'teams' ? 'Team' : 'Level';
      throw new TypeError(`${what} "${team}" needs at least one e-mail address (${option}.${team}.email)`);
    }
  }
}

/**
 * The teams of `ESCALATE_TEAMS` (or the levels of `ESCALATE_LEVELS`, keyed `"1"`, `"2"`, …): a JSON object `{ "<team id>": { "email": "…" | ["…"] } }`, or the
 * path of a file holding one (a value that does not start with `{`).
 *
 * @example
 * ```ts
 * teamRecipientsFrom('{"billing":{"email":["billing@acme.test"]}}'); // { billing: { email: ['billing@acme.test'] } }
 * teamRecipientsFrom('/etc/escalate-kit/teams.json');
 * ```
 */
export function teamRecipientsFrom(value: string, variable = 'ESCALATE_TEAMS'): Record<string, TeamRecipients> {
  const inline = value.trimStart().startsWith('{');
  const where = inline ? variable : `${variable} file ${value}`;
  let text: string;
  try {
    text = inline ? value : readFileSync(value, 'utf8');
  } catch (e) {
    throw new TypeError(`${where} cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, { cause: e });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new TypeError(`${where} is not JSON: expected { "billing": { "email": ["billing@example.com"] } }`);
  }
  const parsed = teamsSchema.safeParse(data);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') || '(top level)';
    throw new TypeError(`${where}: ${path} is not a team id with { "email": "address" | ["address", …] }`);
  }
  return parsed.data;
}
