/**
 * `pnpm escalate keys …`: API keys for host apps. A key is shown once, when it is created, and
 * only its hash is kept; rotating one is creating the new key, moving the host to it, then
 * revoking the old one. A revoked key stays listed, so the history's key ids still resolve.
 */
import { addKey, newKeySchema } from '../auth/accounts.ts';
import { isKeyId } from '../auth/secrets.ts';
import { UsageError, type ParsedCommand } from './args.ts';
import { CommandFailed, shortTime, table, type Io, type StoreStep } from './io.ts';

function create(command: ParsedCommand, io: Io): StoreStep {
  const parsed = newKeySchema.safeParse({ name: command.args.name });
  if (!parsed.success) throw new UsageError(`<name>: ${parsed.error.issues[0]!.message}`, command.name);
  return async (store) => {
    const key = await addKey(store, parsed.data.name, io.clock());
    io.out(`Created key ${key.id} "${key.name}" (it sends escalations and reads its own, as an agent).`);
    io.out(`Key: ${key.key}`);
    io.err('The key is shown this once: only its hash is kept. Give it to the host as Authorization: Bearer <key>.');
  };
}

function list(io: Io): StoreStep {
  return async (store) => {
    const rows = (await store.listKeys()).map((k) => [k.id, k.name, shortTime(k.createdAt), k.revokedAt ? shortTime(k.revokedAt) : '-']);
    for (const line of table(['ID', 'NAME', 'CREATED', 'REVOKED'], rows)) io.out(line);
  };
}

function revoke(command: ParsedCommand, io: Io): StoreStep {
  const id = command.args.id!.toLowerCase();
  if (!isKeyId(id)) {
    // Someone pasting the whole key: say where its id is, without echoing the secret back.
    const hint = id.startsWith('ek_') ? 'give the id (the 16 hex digits after ek_), not the whole key' : `got "${command.args.id}"`;
    throw new UsageError(`<id>: a key id is 16 hex digits, as keys list shows it; ${hint}`, command.name);
  }
  return async (store) => {
    const before = await store.keyById(id);
    if (!before) throw new CommandFailed(`No key with the id ${id} (pnpm escalate keys list shows them)`);
    if (before.revokedAt !== undefined) {
      io.out(`Key ${id} "${before.name}" was revoked already, at ${shortTime(before.revokedAt)}.`);
      return;
    }
    await store.revokeKey(id, io.clock().toISOString());
    io.out(`Revoked key ${id} "${before.name}": it no longer works.`);
  };
}

/** The step of a `keys` command, once its arguments are checked. */
export function keysCommand(command: ParsedCommand, io: Io): StoreStep {
  switch (command.name) {
    case 'keys create':
      return create(command, io);
    case 'keys list':
      return list(io);
    default:
      return revoke(command, io);
  }
}
