/**
 * Where a follow-up e-mail goes (docs/policy.md#follow-up), when not to the escalation's team:
 * the addresses the server chose (the agent who escalated, the owner of a reminded escalation),
 * else, at a breach, the addresses of the level it was raised to (`levels`). `undefined`: the team.
 */
import { isBreach } from '../sla/kinds.ts';
import type { NotificationMessage } from '../types.ts';
import type { TeamRecipients } from './options.ts';

export function followUpRecipients(
  sending: NotificationMessage | undefined,
  levels: Record<string, TeamRecipients>,
): string | string[] | undefined {
  if (!sending || sending.kind === 'new') return undefined;
  if (sending.to?.length) return sending.to;
  const level = sending.followUp && String(sending.followUp.level);
  if (isBreach(sending.kind) && level !== undefined && Object.hasOwn(levels, level)) return levels[level]!.email;
  return undefined;
}
