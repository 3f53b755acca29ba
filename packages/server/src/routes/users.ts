/** `/api/users`: leads list, add and remove the people who sign in (docs/architecture.md#security). */
import { addUser, newUserSchema } from '../auth/accounts.ts';
import type { AccessStore } from '../auth/types.ts';
import { parseJson } from '../http/body.ts';
import { error, json, noContent, notFound } from '../http/responses.ts';
import { uuidFromPath } from '../http/ids.ts';
import type { Routes } from './route.ts';

export interface UserRoutesOptions {
  store: AccessStore;
  clock: () => Date;
  bodyLimit: number;
}

export function userRoutes({ store, clock, bodyLimit }: UserRoutesOptions): Routes {
  async function create(request: Request): Promise<Response> {
    const input = await parseJson(request, bodyLimit, newUserSchema);
    if (input instanceof Response) return input;
    const added = await addUser(store, input, clock());
    if (added === 'email_taken')
      return error(409, { error: 'email_taken', message: `A user with the e-mail ${input.email} exists already` });
    // The generated password is in this answer and nowhere else; only its hash is stored.
    return json(201, added, { location: `/api/users/${added.user.id}` });
  }

  async function remove(id: string | undefined): Promise<Response> {
    const user = id === undefined ? undefined : await store.userById(id);
    if (!user) return notFound('No such user');
    if (user.role === 'lead' && (await store.listUsers()).filter((u) => u.role === 'lead').length === 1) {
      return error(409, { error: 'last_lead', message: 'This is the last lead: add another lead before removing this one' });
    }
    await store.removeUser(user.id);
    return noContent();
  }

  return (path) => {
    if (path === '/api/users') {
      return {
        api: true,
        roles: { GET: 'lead', POST: 'lead' },
        methods: { GET: async () => json(200, { items: await store.listUsers() }), POST: create },
      };
    }
    const match = /^\/api\/users\/([^/]+)$/.exec(path);
    if (!match) return undefined;
    const id = uuidFromPath(match[1]!);
    return { api: true, roles: { DELETE: 'lead' }, methods: { DELETE: () => remove(id) } };
  };
}
