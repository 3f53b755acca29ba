/**
 * An escalation under way for the stories of an escalated task. Its status changed "2 hours ago"
 * whenever the story is shown (the button says so), and its deadlines are fixed instants, so the
 * visual baseline looks the same on every run.
 */
import type { EscalationState } from '@escalate-kit/sdk';

export function underWay(taskId: string): EscalationState {
  return {
    id: '7f3ca1b2-5d6e-4f70-8a9b-0c1d2e3f4a5b',
    taskId,
    status: 'contacted',
    team: 'billing',
    receivedAt: '2025-11-14T10:00:00.000Z',
    respondBy: '2025-11-14T16:00:00.000Z',
    resolveBy: '2025-11-21T16:00:00.000Z',
    since: new Date(Date.now() - 2 * 3_600_000).toISOString(),
  };
}
