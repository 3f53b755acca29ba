/**
 * `/api/keys`: leads create API keys for hosts (the key is answered once, only its hash is kept),
 * list them and revoke them. Rotating a key is creating the new one, then revoking the old.
 */
import { addKey, newKeySchema } from '../auth/accounts.ts';
import { isKeyId } from '../auth/secrets.ts';
import type { AccessStore } from '../auth/types.ts';
import { parseJson } from '../http/body.ts';
import { json, noContent, notFound } from '../http/responses.ts';
import type { Routes } from './route.ts';

export interface KeyRoutesOptions {
  store: AccessStore;
  clock: () => Date;
  bodyLimit: number;
}

export function keyRoutes({ store, clock, bodyLimit }: KeyRoutesOptions): Routes {
  async function create(request: Request): Promise<Response> {
    const input = await parseJson(request, bodyLimit, newKeySchema);
    if (input instanceof Response) return input;
    const key = await addKey(store, input.name, clock());
    return json(201, key, { location: `/api/keys/${key.id}` });
  }

  return (path) => {
    if (path === '/api/keys') {
      return {
        api: true,
        roles: { GET: 'lead', POST: 'lead' },
        methods: { GET: async () => json(200, { items: await store.listKeys() }), POST: create },
      };
    }
    const match = /^\/api\/keys\/([^/]+)$/.exec(path);
    if (!match) return undefined;
    const id = match[1]!.toLowerCase();
    return {
      api: true,
      roles: { DELETE: 'lead' },
      methods: {
        // Revoking twice is still 204: the key is revoked, as asked.
        DELETE: async () => (isKeyId(id) && (await store.revokeKey(id, clock().toISOString())) ? noContent() : notFound('No such key')),
      },
    };
  };
}
