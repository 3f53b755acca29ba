/**
 * Who owns an escalation (docs/policy.md#follow-up): a member or lead claims it
 * (`POST /api/escalations/:id/claim`), its owner or a lead releases it (`…/release`), a lead
 * assigns it to anyone on the team (`PUT …/assignee`). Each change is a history row with who
 * made it; a change made meanwhile by someone else is seen (compare-and-set), never overwritten.
 */
import type { Assignee } from '../assignee.ts';
import { assigneeUpdateSchema } from '../assignee.ts';
import type { Principal } from '../auth/principal.ts';
import type { AccessStore } from '../auth/types.ts';
import { hasRole } from '../auth/types.ts';
import { parseJson } from '../http/body.ts';
import { uuidFromPath } from '../http/ids.ts';
import { error, forbidden, invalid, json } from '../http/responses.ts';
import type { EscalationStore, StoredEscalation } from '../types.ts';
import { noSuchEscalation } from './escalation-changes.ts';
import { principalOf, type RouteContext, type Routes } from './route.ts';

export interface OwnershipRoutesOptions {
  store: EscalationStore;
  clock: () => Date;
  bodyLimit: number;
}

const shown = (a: Assignee) => `${a.name} (${a.email})`;

/** 409 `already_assigned`: someone else owns it, and only a lead takes it from them. */
const alreadyAssigned = (owner: Assignee) =>
  error(409, {
    error: 'already_assigned',
    message: `${shown(owner)} owns this escalation: ask them or a lead to release it`,
    assignee: owner,
  });

/** The signed-in person as an assignee; keys and open access are nobody one can assign. */
function personOf(principal: Principal): Assignee | undefined {
  const user = principal.session?.user;
  return user && { id: user.id, name: user.name, email: user.email };
}

export function ownershipRoutes({ store, clock, bodyLimit }: OwnershipRoutesOptions): Routes {
  /**
   * Sets the owner to what `decide` makes of the current record (a Response refuses), if nobody
   * changed it meanwhile; judged again against a change made meanwhile, twice at most, then 409.
   */
  async function change(id: string, principal: Principal, decide: (current: StoredEscalation) => Assignee | null | Response) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await store.get(id);
      if (!current) return noSuchEscalation();
      const to = decide(current);
      if (to instanceof Response) return to;
      const from = current.assignee?.id ?? null;
      // Already so: nothing to record (a second click is not a second claim).
      if ((to?.id ?? null) === from) return json(200, current);
      const result = await store.assign(id, { from, to, at: clock().toISOString(), actor: principal.actor });
      if (!result) return noSuchEscalation();
      if (result.changed) return json(200, result.record);
    }
    return error(409, { error: 'conflict', message: 'The escalation kept changing meanwhile; read it again and retry' });
  }

  function claim(id: string, context: RouteContext) {
    const principal = principalOf(context);
    const me = personOf(principal);
    if (!me) return forbidden('Only a signed-in member or lead can claim an escalation; a lead assigns with PUT …/assignee');
    return change(id, principal, (current) =>
      current.assignee && current.assignee.id !== me.id && !hasRole(principal.role, 'lead') ? alreadyAssigned(current.assignee) : me,
    );
  }

  function release(id: string, context: RouteContext) {
    const principal = principalOf(context);
    const me = personOf(principal);
    return change(id, principal, (current) => {
      const owner = current.assignee;
      if (owner && owner.id !== me?.id && !hasRole(principal.role, 'lead')) {
        return forbidden(`Only ${shown(owner)}, who owns it, or a lead can release this escalation`);
      }
      return null;
    });
  }

  async function assignTo(request: Request, id: string, context: RouteContext, access: AccessStore) {
    const principal = principalOf(context);
    const body = await parseJson(request, bodyLimit, assigneeUpdateSchema);
    if (body instanceof Response) return body;
    let to: Assignee | null = null;
    if (body.userId !== null) {
      const user = await access.userById(body.userId);
      if (!user) return invalid([{ path: ['userId'], message: `No user has the id ${body.userId}` }]);
      if (user.role === 'agent') return invalid([{ path: ['userId'], message: `${user.name} is an agent: assign a member or a lead` }]);
      to = { id: user.id, name: user.name, email: user.email };
    }
    return change(id, principal, () => to);
  }

  return (path) => {
    const match = /^\/api\/escalations\/([^/]+)\/(claim|release|assignee)$/.exec(path);
    if (!match) return undefined;
    // Ids are UUIDs in lower case; anything else names no escalation (and never reaches the store).
    const id = uuidFromPath(match[1]!);
    const action = match[2]!;
    if (action === 'assignee') {
      return {
        api: true,
        roles: { PUT: 'lead' },
        methods: { PUT: (request, context) => (id === undefined ? noSuchEscalation() : assignTo(request, id, context, store.access)) },
      };
    }
    const run = action === 'claim' ? claim : release;
    return {
      api: true,
      roles: { POST: 'member' },
      methods: { POST: (_request, context) => (id === undefined ? noSuchEscalation() : run(id, context)) },
    };
  };
}
