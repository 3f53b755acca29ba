/** How the inbox shows times, deadlines and ids. */
import type { Meta, StoredEscalation } from '../types.ts';

export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Not resolved and past its respond-by time. */
export const isOverdue = (item: StoredEscalation, now: number) => item.status !== 'resolved' && Date.parse(item.respondBy) < now;

/** Names for ids, from the server's meta; an id it does not name is shown as it is. */
export interface Labels {
  category(id: string): string;
  team(id: string): string;
}

export function labelsFrom(meta: Meta | undefined): Labels {
  return {
    category: (id) => meta?.categories.find((c) => c.id === id)?.label ?? id,
    team: (id) => meta?.teams[id] ?? id,
  };
}
