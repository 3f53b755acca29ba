/** A lead's calls to `/api/users` and `/api/keys`, through the session's caller. */
import * as z from 'zod/mini';
import { apiKeySchema, userSchema, type ApiKey, type Role, type User } from '../../auth/types.ts';
import type { Caller } from '../http.ts';

const usersSchema = z.object({ items: z.array(userSchema) });
const keysSchema = z.object({ items: z.array(apiKeySchema) });
/** The generated password is in this answer and nowhere else. */
const addedUserSchema = z.object({ user: userSchema, password: z.optional(z.string()) });
/** The key itself (`ek_…`) is in this answer and nowhere else. */
const addedKeySchema = z.extend(apiKeySchema, { key: z.string() });

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
}

export interface PeopleApi {
  users(): Promise<User[]>;
  addUser(input: NewUserInput): Promise<{ user: User; password?: string | undefined }>;
  removeUser(id: string): Promise<void>;
  keys(): Promise<ApiKey[]>;
  addKey(name: string): Promise<ApiKey & { key: string }>;
  revokeKey(id: string): Promise<void>;
}

export function createPeopleApi(call: Caller): PeopleApi {
  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
  return {
    users: async () => (await call(usersSchema, '/api/users')).items,
    addUser: ({ email, name, role }) => call(addedUserSchema, '/api/users', post({ email, role, ...(name && { name }) })),
    removeUser: (id) => call(undefined, `/api/users/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    keys: async () => (await call(keysSchema, '/api/keys')).items,
    addKey: (name) => call(addedKeySchema, '/api/keys', post({ name })),
    revokeKey: (id) => call(undefined, `/api/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  };
}
