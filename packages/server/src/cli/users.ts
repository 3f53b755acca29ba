/**
 * `pnpm escalate users …`: add, list, remove and change the role of the people who sign in. The
 * input is checked with the API's own schemas (`auth/accounts.ts`) before the store is opened, so
 * a typo never touches the data, and an error names the argument it came from.
 */
import { addUser, emailSchema, newUserSchema } from '../auth/accounts.ts';
import { roleSchema, type AccessStore, type Role, type StoredUser } from '../auth/types.ts';
import type { ParsedCommand } from './args.ts';
import { UsageError } from './args.ts';
import { CommandFailed, shortTime, table, type Io, type StoreStep } from './io.ts';

/** Where each field of the schema came from on the command line. */
const argumentOf: Record<string, string> = { email: '<email>', role: '--role', name: '--name', password: 'the password on stdin' };

function checked<T>(
  result: { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } },
  command: string,
  given: Record<string, unknown>,
  names: Record<string, string> = argumentOf,
): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  // The password is never repeated back; anything else is, so the typo shows.
  const value = field === 'password' || given[field] === undefined ? '' : ` (got ${JSON.stringify(given[field])})`;
  throw new UsageError(`${names[field] ?? field}: ${issue.message}${value}`, command);
}

/** A schema of one value: its issues have no path, so `field` says which argument it was. */
const one = <T>(result: Parameters<typeof checked<T>>[0], command: string, field: string, given: unknown, name: string): T =>
  checked(
    result.success ? result : { success: false, error: { issues: result.error.issues.map((i) => ({ ...i, path: [field] })) } },
    command,
    { [field]: given },
    { [field]: name },
  );

const emailOf = (given: string, command: string) => one(emailSchema.safeParse(given), command, 'email', given, '<email>');

async function userOf(store: AccessStore, email: string): Promise<StoredUser> {
  const user = await store.userByEmail(email);
  if (!user) throw new CommandFailed(`No user with the e-mail ${email} (pnpm escalate users list shows them)`);
  return user;
}

/** The same rule as the API's: the team always keeps someone who can manage it. */
async function refuseLastLead(store: AccessStore, user: StoredUser, doing: string) {
  if (user.role !== 'lead') return;
  const leads = (await store.listUsers()).filter((u) => u.role === 'lead');
  if (leads.length === 1) {
    throw new CommandFailed(
      `${user.email} is the last lead and cannot be ${doing}: add another lead first (users add <email> --role lead)`,
    );
  }
}

async function add(command: ParsedCommand, io: Io): Promise<StoreStep> {
  const given: Record<string, unknown> = { email: command.args.email, role: command.options.role };
  if (command.options.name !== undefined) given.name = command.options.name;
  // One line, as `echo … |` or a password manager sends it: the final newline is not part of it.
  if (command.options['password-stdin']) given.password = (await io.readStdin()).replace(/\r?\n$/, '');
  const input = checked(newUserSchema.safeParse(given), command.name, given);
  return async (store) => {
    const added = await addUser(store, input, io.clock());
    if (added === 'email_taken') throw new CommandFailed(`A user with the e-mail ${input.email} exists already`);
    io.out(`Added ${added.user.email} (${added.user.name}) as ${added.user.role}.`);
    if (added.password !== undefined) {
      io.out(`Password: ${added.password}`);
      io.err('The password is shown this once: only its hash is kept. Hand it over in person or by a channel you trust.');
    }
  };
}

function list(io: Io): StoreStep {
  return async (store) => {
    const rows = (await store.listUsers()).map((u) => [u.email, u.role, u.name, shortTime(u.createdAt)]);
    // Printed as stored: names with control characters are refused, so nothing here moves the terminal.
    for (const line of table(['E-MAIL', 'ROLE', 'NAME', 'ADDED'], rows)) io.out(line);
  };
}

function remove(command: ParsedCommand, io: Io): StoreStep {
  const email = emailOf(command.args.email!, command.name);
  return async (store) => {
    const user = await userOf(store, email);
    await refuseLastLead(store, user, 'removed');
    await store.removeUser(user.id);
    io.out(`Removed ${user.email}; their sessions ended.`);
  };
}

function changeRole(command: ParsedCommand, io: Io): StoreStep {
  const email = emailOf(command.args.email!, command.name);
  const role: Role = one(roleSchema.safeParse(command.args.role), command.name, 'role', command.args.role, '<role>');
  return async (store) => {
    const user = await userOf(store, email);
    if (user.role === role) {
      io.out(`${user.email} is ${role} already; nothing changed.`);
      return;
    }
    await refuseLastLead(store, user, `made ${role}`);
    // The store has no role update: the user is written again with the same id, name, password
    // hash and date. Removing ends their sessions, so nobody keeps working under the old role.
    await store.removeUser(user.id);
    if (!(await store.createUser({ ...user, role }))) throw new CommandFailed(`${user.email} was added again meanwhile; check users list`);
    io.out(`${user.email} is now ${role} (was ${user.role}); their sessions ended.`);
  };
}

/** The step of a `users` command, once its arguments are checked. */
export async function usersCommand(command: ParsedCommand, io: Io): Promise<StoreStep> {
  switch (command.name) {
    case 'users add':
      return add(command, io);
    case 'users list':
      return list(io);
    case 'users remove':
      return remove(command, io);
    default:
      return changeRole(command, io);
  }
}
