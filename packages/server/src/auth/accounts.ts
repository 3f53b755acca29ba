/**
 * Adding users and keys, the same way for the API (`routes/users.ts`, `routes/keys.ts`), the CLI
 * and the demo's first run: what a new one must be, and what is stored of it.
 */
import * as z from 'zod/mini';
import { strictObjectError } from '@escalate-kit/sdk';
import { noControl } from '../http/text.ts';
import { generatePassword, hashPassword } from './password.ts';
import { keySecretHash, newApiKey } from './secrets.ts';
import { roleSchema, type AccessStore, type ApiKey, type Role, type User } from './types.ts';

const oneLine = (max: number, what: string) =>
  z
    .string(`${what} must be text`)
    .check(
      z.trim(),
      z.minLength(1, `${what} is required`),
      z.maxLength(max, `${what} must be at most ${max} characters`),
      z.regex(noControl, `${what} must not contain control characters`),
    );

/** An e-mail address, trimmed and in lower case: one account per address however it is typed. */
export const emailSchema = z
  .string('E-mail must be text')
  .check(z.trim(), z.toLowerCase(), z.maxLength(254, 'E-mail must be at most 254 characters'), z.email('E-mail must be an e-mail address'));

/** Long enough to resist guessing with the lockout in place; bounded so hashing stays cheap to refuse. */
export const passwordSchema = z
  .string('Password must be text')
  .check(
    z.minLength(12, 'Password must be at least 12 characters'),
    z.maxLength(256, 'Password must be at most 256 characters'),
    z.regex(noControl, 'Password must not contain control characters'),
  );

/** `POST /api/users`. Without `password`, one is generated and answered once. */
export const newUserSchema = z.strictObject(
  { email: emailSchema, name: z.optional(oneLine(200, 'Name')), role: roleSchema, password: z.optional(passwordSchema) },
  strictObjectError,
);
export type NewUser = z.output<typeof newUserSchema>;

/** `POST /api/keys`. */
export const newKeySchema = z.strictObject({ name: oneLine(100, 'Key name') }, strictObjectError);

/** `POST /api/session`. Bounded like the rest, but not checked for shape: a wrong one is only wrong credentials. */
export const signInSchema = z.strictObject(
  {
    email: z.string('E-mail must be text').check(z.trim(), z.toLowerCase(), z.maxLength(254, 'E-mail must be at most 254 characters')),
    password: z.string('Password must be text').check(z.maxLength(256, 'Password must be at most 256 characters')),
  },
  strictObjectError,
);

/** The user as stored, or `'email_taken'`; `password` is the generated one, when none was given. */
export async function addUser(store: AccessStore, input: NewUser, at: Date): Promise<{ user: User; password?: string } | 'email_taken'> {
  const password = input.password ?? generatePassword();
  const user = {
    id: crypto.randomUUID(),
    email: input.email,
    name: input.name ?? input.email.split('@')[0]!,
    role: input.role as Role,
    createdAt: at.toISOString(),
  };
  if (!(await store.createUser({ ...user, passwordHash: await hashPassword(password) }))) return 'email_taken';
  return input.password === undefined ? { user, password } : { user };
}

/** A new key; `key` (`ek_<id>_<secret>`) is shown this once and only its hash is kept. */
export async function addKey(store: AccessStore, name: string, at: Date): Promise<ApiKey & { key: string }> {
  const { id, secret, key } = newApiKey();
  const stored: ApiKey = { id, name, role: 'agent', createdAt: at.toISOString() };
  await store.createKey({ ...stored, secretHash: await keySecretHash(secret) });
  return { ...stored, key };
}
