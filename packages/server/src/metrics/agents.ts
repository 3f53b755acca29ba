/**
 * The escalation rate of each agent, escalated / (escalated + handled without escalating), read
 * against the healthy range of their experience, with the procedures' action when it is above
 * (docs/policy.md#metrics). Agents are told apart by the id the host gives: `agent.id` on a
 * request, `agentId` on a report. Escalations without an agent id are counted elsewhere, not here.
 */
import type { StoredEscalation } from '../types.ts';
import { experienceOf, healthyRanges } from './experience.ts';
import type { StoredHandled } from './handled.ts';
import type { AgentRate } from './schema.ts';

interface Tally {
  escalated: number;
  handled: number;
  /** The start day said last (by time), and when it was said. */
  startedOn?: string;
  saidAt: number;
}

/**
 * @param asOf the day experience is counted to (the last day of the range)
 */
export function agentRates(escalations: readonly StoredEscalation[], handled: readonly StoredHandled[], asOf: string): AgentRate[] {
  const agents = new Map<string, Tally>();
  const tally = (id: string, startedOn: string | undefined, at: string) => {
    let t = agents.get(id);
    if (!t) agents.set(id, (t = { escalated: 0, handled: 0, saidAt: -Infinity }));
    // The host's latest word on the start day wins: a corrected date replaces an old one.
    if (startedOn !== undefined && Date.parse(at) >= t.saidAt) {
      t.startedOn = startedOn;
      t.saidAt = Date.parse(at);
    }
    return t;
  };
  for (const e of escalations) {
    const agent = e.request.agent;
    if (agent?.id !== undefined) tally(agent.id, agent.startedOn, e.receivedAt).escalated++;
  }
  for (const h of handled) tally(h.agentId, h.agentStartedOn, h.handledAt).handled++;

  return [...agents]
    .map(([agentId, t]): AgentRate => {
      const rate = t.escalated / (t.escalated + t.handled);
      const experience = experienceOf(t.startedOn, asOf);
      const { escalated, handled } = t;
      const base = { agentId, ...(t.startedOn !== undefined && { startedOn: t.startedOn }), experience, escalated, handled, rate };
      if (experience === 'unknown') return { ...base, standing: 'unknown' };
      const { min, max, action } = healthyRanges[experience];
      const standing = rate > max ? 'above' : rate < min ? 'below' : 'within';
      return { ...base, range: { min, max }, standing, ...(standing === 'above' && { action }) };
    })
    .sort((a, b) => b.rate - a.rate || (a.agentId < b.agentId ? -1 : 1));
}
