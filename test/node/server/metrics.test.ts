/**
 * `GET /api/stats`'s metrics against a data set with known answers (test/support/metrics-seed.ts):
 * counts per day and ISO week stacked by team, by category, team and signal, the resolution rate,
 * median and p90 times to first contact and to resolution, the shares kept within respond-by and
 * resolve-by (overall and per week), and each agent's escalation rate against the healthy range of
 * their experience with the procedures' action (docs/policy.md#metrics). On memory and PGlite, and
 * on PostgreSQL when DATABASE_URL is set: the stores must agree to the millisecond.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createEscalationHandler, type EscalationStore } from '../../../packages/server/src/index.ts';
import type { StatsAnswer } from '../../../packages/server/src/metrics/schema.ts';
import { createPostgresDatabase, createPostgresStore } from '../../../packages/server/src/postgres.ts';
import { get, jsonOf, storeKinds, type StoreKind } from '../../support/fixtures.ts';
import { AGENTS, NOW, RANGE, seedMetrics } from '../../support/metrics-seed.ts';

const H = 3_600_000;
const url = process.env.DATABASE_URL;
const kinds: StoreKind[] = [...storeKinds];
const schemas: string[] = [];
if (url) {
  after(async () => {
    const admin = createPostgresDatabase({ connectionString: url, max: 1 });
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.close();
  });
  kinds.push({
    name: 'PostgreSQL',
    async open() {
      // A schema of its own, so the seeded rows meet nobody else's; dropped after the file.
      const schema = `metrics_${process.pid}_${Date.now().toString(36)}`;
      const db = createPostgresDatabase({ connectionString: url, max: 1 });
      await db.query(`CREATE SCHEMA ${schema}`);
      await db.close();
      schemas.push(schema);
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const store = createPostgresStore({ connectionString: u.href });
      await store.migrate();
      return store;
    },
  });
} else console.log('# PostgreSQL metrics skipped: DATABASE_URL is not set');

for (const kind of kinds) {
  describe(`metrics on ${kind.name}`, () => {
    let store: EscalationStore;
    const stats = async (query: string): Promise<{ status: number; body: StatsAnswer }> => {
      store ??= await kind.open().then(async (s) => (await seedMetrics(s), s));
      const handler = createEscalationHandler({ store, auth: false, clock: () => new Date(NOW) });
      try {
        const response = await handler(get(`/api/stats${query}`));
        return { status: response.status, body: await jsonOf<StatsAnswer>(response) };
      } finally {
        handler.close();
        await handler.settled();
      }
    };
    after(() => store?.close());
    const inRange = () => stats(`?from=${RANGE.from}&to=${RANGE.to}&tz=UTC`).then((r) => r.body.metrics);

    it('counts per day and per ISO week, stacked by team, and by category, team and signal', async () => {
      const { body } = await stats(`?from=${RANGE.from}&to=${RANGE.to}`);
      assert.equal(body.total, 8, 'the all-time counts keep every escalation');
      const m = body.metrics;
      assert.deepEqual(m.range, { from: '2025-03-03', to: '2025-03-16', tz: 'UTC' });
      assert.equal(m.escalations, 6, 'the edges: 23:59:59.999 the day before and 00:00 the day after are out');
      assert.equal(m.handled, 68);
      assert.equal(m.perDay.length, 14);
      assert.deepEqual(
        m.perDay.filter((d) => d.total).map((d) => [d.day, d.total, d.byTeam]),
        [
          ['2025-03-03', 1, { billing: 1 }],
          ['2025-03-04', 1, { account: 1 }],
          ['2025-03-05', 1, { billing: 1 }],
          ['2025-03-10', 1, { technical: 1 }],
          ['2025-03-12', 1, { billing: 1 }],
          ['2025-03-16', 1, { account: 1 }],
        ],
      );
      assert.deepEqual(m.perWeek, [
        { week: '2025-W10', start: '2025-03-03', total: 3, byTeam: { billing: 2, account: 1 } },
        { week: '2025-W11', start: '2025-03-10', total: 3, byTeam: { technical: 1, billing: 1, account: 1 } },
      ]);
      assert.deepEqual(m.byCategory, { complaint: 1, billing: 3, pricing: 0, technical: 1, other: 1 });
      assert.deepEqual(m.byTeam, { account: 2, billing: 3, technical: 1, fraud: 0, legal: 0, retention: 0 });
      assert.deepEqual(
        Object.entries(m.bySignal).filter(([, n]) => n),
        [
          ['legalThreat', 1],
          ['cancellation', 1],
          ['managerRequested', 2],
          ['troubleshootingExhausted', 1],
          ['upset', 1],
        ],
      );
    });

    it('the resolution rate, and median and p90 of the times to first contact and to resolution', async () => {
      const m = await inRange();
      assert.deepEqual(m.resolution, { resolved: 3, rate: 0.5 });
      // Contacted after 20 min, 1 h, 2 h, 3 h: median (1 h + 2 h) / 2; p90 at rank 2.7, 2 h + 0.7 h.
      assert.deepEqual(m.timeToFirstContact, { count: 4, medianMs: 1.5 * H, p90Ms: 2.7 * H });
      // Resolved after 24 h, 24 h, 72 h (the reopened one's last resolution): p90 at rank 1.8, 24 h + 0.8 × 48 h.
      assert.deepEqual(m.timeToResolution, { count: 3, medianMs: 24 * H, p90Ms: 62.4 * H });
    });

    it('the shares contacted within respond-by and resolved within resolve-by, overall and per week', async () => {
      const m = await inRange();
      // Respond: 3 met, 1 contacted late, 1 never contacted past its time; 1 not due yet.
      assert.deepEqual(m.respondedInTime, { due: 5, met: 3, share: 0.6 });
      // Resolve: 2 met, the reopened one late; 1 not due yet, 3 without a resolve-by.
      assert.deepEqual(m.resolvedInTime, { due: 3, met: 2, share: 2 / 3 });
      assert.deepEqual(m.slaPerWeek, [
        { week: '2025-W10', start: '2025-03-03', respond: { due: 3, met: 2, share: 2 / 3 }, resolve: { due: 2, met: 1, share: 0.5 } },
        { week: '2025-W11', start: '2025-03-10', respond: { due: 2, met: 1, share: 0.5 }, resolve: { due: 1, met: 1, share: 1 } },
      ]);
    });

    it("each agent's escalation rate against the healthy range of their experience, with the action when above", async () => {
      const m = await inRange();
      assert.deepEqual(m.agents, [
        {
          agentId: AGENTS.new,
          startedOn: '2025-01-10',
          experience: 'new',
          escalated: 2,
          handled: 8,
          rate: 0.2,
          range: { min: 0.1, max: 0.15 },
          standing: 'above',
          action: 'Additional training and coaching',
        },
        {
          agentId: AGENTS.mid,
          startedOn: '2024-09-01',
          experience: 'intermediate',
          escalated: 1,
          handled: 9,
          rate: 0.1,
          range: { min: 0.05, max: 0.1 },
          standing: 'within',
        },
        {
          agentId: AGENTS.exp,
          startedOn: '2020-06-15',
          experience: 'experienced',
          escalated: 2,
          handled: 48,
          rate: 0.04,
          range: { min: 0.03, max: 0.07 },
          standing: 'within',
        },
        { agentId: AGENTS.unknown, experience: 'unknown', escalated: 0, handled: 3, rate: 0, standing: 'unknown' },
      ]);
    });

    it('counts days in the time zone asked for', async () => {
      // Tokyo (UTC+9): 3 March begins at 2 March 15:00 UTC, so the escalation a millisecond
      // before 3 March UTC is in, and the one at 16 March 23:30 UTC (17 March in Tokyo) is out.
      const { body } = await stats(`?from=${RANGE.from}&to=${RANGE.to}&tz=Asia/Tokyo`);
      assert.equal(body.metrics.escalations, 6);
      assert.deepEqual(body.metrics.perDay[0], { day: '2025-03-03', total: 2, byTeam: { billing: 2 } });
      assert.equal(body.metrics.perDay.at(-1)!.total, 0);
    });

    it('defaults to the last 8 ISO weeks in UTC, up to today', async () => {
      const { status, body } = await stats('');
      assert.equal(status, 200);
      assert.deepEqual(body.metrics.range, { from: '2025-01-27', to: '2025-03-20', tz: 'UTC' });
      assert.equal(body.metrics.perWeek.length, 8);
      assert.equal(body.metrics.escalations, 8);
    });

    it('refuses a bad range, naming every bad parameter', async () => {
      const bad = await stats('?from=2025-02-30&to=2025-13-01&tz=Mars/Olympus');
      assert.equal(bad.status, 400);
      const issues = (bad.body as unknown as { issues: { path: string[] }[] }).issues;
      assert.deepEqual(issues.map((i) => i.path[0]).sort(), ['from', 'to', 'tz']);
      const backwards = await stats('?from=2025-03-10&to=2025-03-01');
      assert.equal(backwards.status, 400);
    });
  });
}
