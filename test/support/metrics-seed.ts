/**
 * A data set with known answers for the metrics (docs/policy.md#metrics): six escalations in
 * two ISO weeks (2025-W10 and W11, Monday 3 to Sunday 16 March 2025, UTC) with their histories,
 * two just outside, and 68 tasks handled without escalating, seeded straight into a store. Every
 * figure the tests expect is worked out by hand in the comments of `seeded` below.
 */
import { makeNew, makeRequest, testActor } from './fixtures.ts';
import type { EscalationStatus, EscalationStore } from '../../packages/server/src/index.ts';

/** The range the figures are for, and "now" for the deadlines not yet reached. */
export const RANGE = { from: '2025-03-03', to: '2025-03-16' };
export const NOW = '2025-03-20T12:00:00.000Z';

const H = 3_600_000;

interface Seed {
  at: string;
  team: string;
  category: string;
  signals?: Record<string, boolean>;
  agent?: { id: string; startedOn?: string };
  respondBy: string;
  resolveBy?: string;
  /** Changes of status after receipt, in order; a `note` on a reopening. */
  history?: [to: EscalationStatus, at: string, note?: string][];
}

/** The agents: started 2025-01-10 (new on 16 March), 2024-09-01 (intermediate), 2020-06-15 (experienced), and one who never said. */
export const AGENTS = { new: 'a-new', mid: 'a-mid', exp: 'a-exp', unknown: 'a-unk' };

export const seeded: Seed[] = [
  // Contacted after 1 h (by the respond-by), resolved after 24 h (by the resolve-by).
  {
    at: '2025-03-03T09:00:00Z',
    team: 'billing',
    category: 'billing',
    signals: { managerRequested: true },
    agent: { id: AGENTS.new, startedOn: '2025-01-10' },
    respondBy: '2025-03-03T17:00:00Z',
    resolveBy: '2025-03-08T09:00:00Z',
    history: [
      ['contacted', '2025-03-03T10:00:00Z'],
      ['resolved', '2025-03-04T09:00:00Z'],
    ],
  },
  // Contacted after 3 h (in time); resolved, reopened, resolved again after 72 h: the last
  // resolution counts, past the resolve-by.
  {
    at: '2025-03-04T12:00:00Z',
    team: 'account',
    category: 'complaint',
    signals: { legalThreat: true, upset: true },
    agent: { id: AGENTS.new },
    respondBy: '2025-03-05T12:00:00Z',
    resolveBy: '2025-03-06T12:00:00Z',
    history: [
      ['contacted', '2025-03-04T15:00:00Z'],
      ['resolved', '2025-03-05T12:00:00Z'],
      ['open', '2025-03-06T09:00:00Z', 'The refund did not arrive'],
      ['contacted', '2025-03-06T10:00:00Z'],
      ['resolved', '2025-03-07T12:00:00Z'],
    ],
  },
  // Contacted after 2 h, an hour past the respond-by; no resolve-by, still contacted.
  {
    at: '2025-03-05T08:00:00Z',
    team: 'billing',
    category: 'billing',
    agent: { id: AGENTS.mid, startedOn: '2024-09-01' },
    respondBy: '2025-03-05T09:00:00Z',
    history: [['contacted', '2025-03-05T10:00:00Z']],
  },
  // Contacted after 20 minutes, resolved after 24 h: both in time.
  {
    at: '2025-03-10T09:00:00Z',
    team: 'technical',
    category: 'technical',
    signals: { troubleshootingExhausted: true },
    agent: { id: AGENTS.exp, startedOn: '2020-06-15' },
    respondBy: '2025-03-10T09:30:00Z',
    resolveBy: '2025-03-12T09:00:00Z',
    history: [
      ['contacted', '2025-03-10T09:20:00Z'],
      ['resolved', '2025-03-11T09:00:00Z'],
    ],
  },
  // Never contacted, respond-by passed before NOW (missed); resolve-by after NOW (not judged).
  {
    at: '2025-03-12T14:00:00Z',
    team: 'billing',
    category: 'billing',
    signals: { managerRequested: true, cancellation: true },
    agent: { id: AGENTS.exp },
    respondBy: '2025-03-13T14:00:00Z',
    resolveBy: '2025-03-25T00:00:00Z',
  },
  // The range's last half hour, no agent id (in no agent's rate), respond-by after NOW.
  { at: '2025-03-16T23:30:00Z', team: 'account', category: 'other', respondBy: '2025-03-21T00:00:00Z' },
  // Just outside the range, either side (in the all-time counts, in no figure of the range).
  { at: '2025-03-02T23:59:59.999Z', team: 'billing', category: 'billing', agent: { id: AGENTS.new }, respondBy: '2025-03-03T09:00:00Z' },
  { at: '2025-03-17T00:00:00Z', team: 'billing', category: 'billing', agent: { id: AGENTS.new }, respondBy: '2025-03-18T09:00:00Z' },
];

/**
 * Handled without escalating, in the range: a-new 8 (2 escalated → 2/10 = 20%, above new's 10-15%),
 * a-mid 9 (1 → 1/10 = 10%, the top of intermediate's 5-10%: within; its first report said a start
 * day that would make it new, the later escalation's corrects it), a-exp 48 (2 → 2/50 = 4%,
 * within experienced's 3-7%), a-unk 3 (0 → 0%, no start day: unknown). One more of a-new's falls
 * on the day after the range.
 */
export const handledSeed: { agentId: string; at: string; startedOn?: string }[] = [
  ...Array.from({ length: 8 }, (_, i) => ({
    agentId: AGENTS.new,
    at: `2025-03-${String(3 + i).padStart(2, '0')}T16:00:00Z`,
    startedOn: '2025-01-10',
  })),
  { agentId: AGENTS.mid, at: '2025-03-03T08:00:00Z', startedOn: '2024-12-20' },
  ...Array.from({ length: 8 }, (_, i) => ({ agentId: AGENTS.mid, at: `2025-03-${String(6 + i).padStart(2, '0')}T11:00:00Z` })),
  ...Array.from({ length: 48 }, (_, i) => ({
    agentId: AGENTS.exp,
    at: new Date(Date.parse('2025-03-03T08:00:00Z') + i * 6 * H).toISOString(),
  })),
  ...Array.from({ length: 3 }, (_, i) => ({ agentId: AGENTS.unknown, at: `2025-03-1${i}T12:00:00Z` })),
  { agentId: AGENTS.new, at: '2025-03-17T00:00:00Z' },
];

/** Puts the data set into `store` as the API would have. */
export async function seedMetrics(store: EscalationStore): Promise<void> {
  for (const s of seeded) {
    const request = makeRequest({
      category: s.category,
      ...(s.signals && { signals: s.signals }),
      ...(s.agent && { agent: { name: 'Agent', ...s.agent } }),
    });
    const { record } = await store.insert({
      ...makeNew({ request, team: s.team, respondBy: s.respondBy, receivedAt: s.at }),
      ...(s.resolveBy !== undefined && { resolveBy: s.resolveBy }),
    });
    let from: EscalationStatus = 'open';
    for (const [to, at, note] of s.history ?? []) {
      const changed = await store.changeStatus(record.id, { from, to, at, actor: testActor, ...(note !== undefined && { note }) });
      if (!changed?.changed) throw new Error(`Seeding ${record.id}: ${from} → ${to} did not apply`);
      from = to;
    }
  }
  for (const h of handledSeed) {
    await store.insertHandled({
      id: crypto.randomUUID(),
      taskId: `T-${crypto.randomUUID().slice(0, 8)}`,
      agentId: h.agentId,
      ...(h.startedOn !== undefined && { agentStartedOn: h.startedOn }),
      handledAt: h.at,
      receivedAt: h.at,
      bodyHash: 'seed',
    });
  }
}
