/**
 * The list's filters and the address bar: each filter is a query parameter, so a view of the
 * queue can be bookmarked, shared and reloaded (the open escalation stays in the hash). Written
 * with `history.replaceState`: narrowing a list is not a step the Back button should replay.
 */
import { escalationStatuses, type EscalationStatus } from '../types.ts';

export interface QueueFilters {
  /** `''`: every status. */
  status: EscalationStatus | '';
  category: string;
  /** A team id, or `''` for every team. */
  team: string;
  /** Whose: `''` anyone's, `me`, `none` (nobody owns it) or a user's id (the API's `assignee=`). */
  owner: string;
  /** Only what is past a running deadline. */
  overdue: boolean;
  /** Free text (task id and title, customer, notes); `''`: none. */
  q: string;
}

/** What the inbox shows first: the open escalations, everyone's. */
export const defaultFilters: QueueFilters = { status: 'open', category: '', team: '', owner: '', overdue: false, q: '' };

/** `status` is absent for the default (open), `all` for every status: a bookmark says what it shows. */
const ALL = 'all';

/** The filters a query string (`location.search`) names; anything it does not name is the default. */
export function readFilters(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  return {
    status:
      status === ALL
        ? ''
        : (escalationStatuses as readonly string[]).includes(status ?? '')
          ? (status as EscalationStatus)
          : defaultFilters.status,
    category: params.get('category') ?? '',
    team: params.get('team') ?? '',
    owner: params.get('owner') ?? '',
    overdue: params.get('overdue') === 'true',
    q: params.get('q') ?? '',
  };
}

/** The query string for `filters` (with `?`, or `''` for the defaults), keeping parameters that are not filters. */
export function filtersQuery(filters: QueueFilters, search = ''): string {
  const params = new URLSearchParams(search);
  const set = (name: string, value: string) => (value ? params.set(name, value) : params.delete(name));
  set('status', filters.status === defaultFilters.status ? '' : filters.status || ALL);
  set('category', filters.category);
  set('team', filters.team);
  set('owner', filters.owner);
  set('overdue', filters.overdue ? 'true' : '');
  set('q', filters.q.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Puts `filters` in the address bar, keeping the path and the open escalation (the hash). */
export function writeFilters(filters: QueueFilters): void {
  const url = `${location.pathname}${filtersQuery(filters, location.search)}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}
