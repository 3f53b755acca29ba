/** How the inbox shows times, deadlines and ids. */
import type { Meta, Stats } from '../types.ts';

export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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

/** The server's categories, then any other it has escalations in (from before a configuration change). */
export function categoryOptions(meta: Meta | undefined, stats: Stats | undefined, chosen: string): { id: string; label: string }[] {
  const known = meta?.categories ?? [];
  const ids = new Set<string>(known.map((c) => c.id));
  const extra = [...Object.keys(stats?.byCategory ?? {}), chosen].filter((id) => id && !ids.has(id));
  const labels = labelsFrom(meta);
  return [...known, ...[...new Set(extra)].sort().map((id) => ({ id, label: labels.category(id) }))];
}

/** The policy's teams by name, and the one filtered by should the server no longer name it. */
export function teamOptions(meta: Meta | undefined, chosen: string): { id: string; label: string }[] {
  const teams = Object.entries(meta?.teams ?? {}).map(([id, label]) => ({ id, label }));
  return chosen && !teams.some((t) => t.id === chosen) ? [...teams, { id: chosen, label: chosen }] : teams;
}
