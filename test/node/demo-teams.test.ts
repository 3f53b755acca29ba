/**
 * The demo with per-team e-mail: `ESCALATE_TEAMS` (here the path of a JSON file) sends each
 * escalation to the team the server decided, the account team being the fallback, and the
 * start-up lines name the teams but never an address.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { startDemo } from '../../packages/demo/server.ts';
import { typedNotes } from '../support/fixtures.ts';

describe('demo: e-mail per team from ESCALATE_TEAMS', () => {
  let dataDir: string;
  let demo: Awaited<ReturnType<typeof startDemo>>;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'escalate-demo-teams-'));
    const teams = join(dataDir, 'teams.json');
    await writeFile(teams, JSON.stringify({ legal: { email: ['legal@acme.test'] }, billing: { email: 'billing@acme.test' } }));
    demo = await startDemo({ port: 0, dataDir, env: { ESCALATE_TEAMS: teams, ESCALATE_MAIL_TO: 'accounts@acme.test' } });
  });
  after(async () => {
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Posts an escalation of a fresh task and returns the addresses its e-mail went to. */
  async function recipients(body: Record<string, unknown>): Promise<string[]> {
    const id = crypto.randomUUID();
    const response = await fetch(`${demo.url}/api/escalations`, {
      method: 'POST',
      // The host's key, as a host's back end sends it (the demo's bootstrap made it).
      headers: { 'content-type': 'application/json', 'idempotency-key': id, authorization: `Bearer ${demo.access.key}` },
      body: JSON.stringify({
        id,
        taskId: `T-${id.slice(0, 8)}`,
        notes: typedNotes,
        contactMethod: 'email',
        contact: { email: 'ana.ruiz@example.com' },
        createdAt: new Date().toISOString(),
        ...body,
      }),
    });
    assert.equal(response.status, 201);
    await demo.handler.settled();
    const file = (await readdir(demo.outboxDir!)).find((f) => f.endsWith(`${id}.new.eml`));
    assert.ok(file, 'the e-mail is in the outbox');
    const mail = await simpleParser(await readFile(join(demo.outboxDir!, file)));
    return (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address ?? '') ?? []);
  }

  it('names the teams with recipients of their own, and no address, where it says where mail goes', () => {
    assert.match(demo.mail, /^\.eml files in .+; own recipients for legal, billing$/);
    assert.doesNotMatch(demo.mail, /@/);
  });

  it("sends a legal threat to the legal team's address, whatever team the client claims", async () => {
    assert.deepEqual(await recipients({ category: 'billing', routing: { team: 'billing', level: 1 }, signals: { legalThreat: true } }), [
      'legal@acme.test',
    ]);
  });

  it('sends a billing case to billing, and a case of a team without its own addresses to the account team', async () => {
    assert.deepEqual(await recipients({ category: 'billing' }), ['billing@acme.test']);
    assert.deepEqual(await recipients({ category: 'technical' }), ['accounts@acme.test']);
  });

  it('refuses to start with an ESCALATE_TEAMS it cannot read, saying why', async () => {
    const other = await mkdtemp(join(tmpdir(), 'escalate-demo-teams-bad-'));
    try {
      await assert.rejects(
        startDemo({ port: 0, dataDir: other, env: { ESCALATE_TEAMS: '{"legal": {"email": []}}' } }),
        /ESCALATE_TEAMS: legal\.email/,
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
