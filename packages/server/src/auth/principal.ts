/** Who a request acts as, once authenticated, and what the history records of them. */
import type { Actor, Role, User } from './types.ts';

export interface Principal {
  role: Role;
  /** What the history and `createdBy` record. */
  actor: Actor;
  /**
   * How the request proved it: a session cookie (then every change needs the CSRF token), a key
   * in `Authorization` (a browser never adds that on its own, so no CSRF check), or nothing
   * because auth is off.
   */
  via: 'session' | 'key' | 'open';
  /** With `via: 'session'`. */
  session?: { idHash: string; csrfToken: string; user: User };
}

/** Auth turned off (`auth: false`): everyone may do everything, and the history says so. */
export const openPrincipal: Principal = { role: 'lead', actor: { type: 'anonymous', name: 'open access (auth off)' }, via: 'open' };

/** The service key (`auth.token`): a lead, recorded as the key `service`. */
export const servicePrincipal: Principal = { role: 'lead', actor: { type: 'key', id: 'service', name: 'service key' }, via: 'key' };

/** Whether a principal made `createdBy`: an agent reads only what it sent itself. */
export function isCreator(principal: Principal, createdBy: Actor | undefined): boolean {
  const me = principal.actor;
  // Nobody known, or the server itself (the SLA clock), made nothing a principal could claim.
  if (!createdBy || !('id' in me) || !('id' in createdBy)) return false;
  return createdBy.type === me.type && createdBy.id === me.id;
}
