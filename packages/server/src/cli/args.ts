/**
 * What `pnpm escalate` understands: its commands, their arguments and options, the help of each,
 * and the parsing of a command line into one of them. A wrong command line is a {@link UsageError}
 * that names the argument at fault; nothing here touches the store.
 */
import { parseArgs } from 'node:util';

/** A command line that cannot be run as written: the message names what is wrong. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The help to point at: the command's, or the general one. */
    readonly command?: string,
  ) {
    super(message);
  }
}

interface CommandSpec {
  /** `<email>` etc., in order: each is required. */
  positionals: readonly string[];
  options: Readonly<Record<string, { type: 'string' | 'boolean'; value?: string; help: string; required?: boolean }>>;
  summary: string;
}

/** Every command, by `<group> <action>`. */
export const commands = {
  'users add': {
    positionals: ['<email>'],
    options: {
      role: { type: 'string', value: 'agent|member|lead', help: 'what they may do', required: true },
      name: { type: 'string', value: 'name', help: 'how the inbox names them (default: the part of the e-mail before @)' },
      'password-stdin': { type: 'boolean', help: 'read the password from stdin instead of generating one' },
    },
    summary: 'Add a person who signs in to the inbox; prints the generated password once.',
  },
  'users list': { positionals: [], options: {}, summary: 'List the people who sign in, with their roles.' },
  'users remove': { positionals: ['<email>'], options: {}, summary: 'Remove a person; their sessions end at once.' },
  'users role': {
    positionals: ['<email>', '<role>'],
    options: {},
    summary: 'Give a person another role (agent, member or lead); their sessions end.',
  },
  'keys create': {
    positionals: ['<name>'],
    options: {},
    summary: 'Create an API key for a host app (it sends escalations as an agent); prints the key once.',
  },
  'keys list': { positionals: [], options: {}, summary: 'List the API keys: id, name, created, revoked.' },
  'keys revoke': {
    positionals: ['<id>'],
    options: {},
    summary: 'Revoke an API key by its id (keys list shows it); it stops working at once.',
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commands;

export interface ParsedCommand {
  name: CommandName;
  /** By the positional's name without brackets: `email`, `role`, `name`, `id`. */
  args: Record<string, string>;
  options: Record<string, string | boolean | undefined>;
}

const where = `Where: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder (ESCALATE_DATA_DIR, default ./.data),
the same store \`pnpm start\` uses. On PGlite, stop \`pnpm start\` first: one process at a time opens the folder.`;

function usageOf(name: CommandName): string {
  const spec: CommandSpec = commands[name];
  const options = Object.entries(spec.options).map(([o, s]) => {
    const option = `--${o}${s.value ? ` <${s.value}>` : ''}`;
    return s.required ? option : `[${option}]`;
  });
  return ['pnpm escalate', name, ...spec.positionals, ...options].join(' ');
}

/** The help of one command, or of all of them. */
export function helpText(name?: CommandName): string {
  if (name) {
    const spec: CommandSpec = commands[name];
    const names = Object.entries(spec.options).map(([o, s]) => [`--${o}${s.value ? ` <${s.value}>` : ''}`, s.help] as const);
    const width = Math.max(0, ...names.map(([n]) => n.length));
    const options = names.map(([n, help]) => `  ${n.padEnd(width)}  ${help}`);
    return [`Usage: ${usageOf(name)}`, '', spec.summary, ...(options.length ? ['', 'Options:', ...options] : []), '', where].join('\n');
  }
  const lines = (Object.keys(commands) as CommandName[]).map((n) => `  ${usageOf(n)}\n      ${commands[n].summary}`);
  return [
    'Manage who signs in to the inbox and which hosts may send escalations.',
    '',
    ...lines,
    '',
    where,
    '',
    'Add --help to any command for its help.',
  ].join('\n');
}

/** A command to run, or the help to print. */
export function parseCommand(argv: readonly string[]): ParsedCommand | { help: string } {
  const [group, action, ...rest] = argv;
  if (group === undefined || group === '--help' || group === '-h' || group === 'help') return { help: helpText() };
  const groups = [...new Set(Object.keys(commands).map((n) => n.split(' ')[0]))];
  if (!groups.includes(group)) throw new UsageError(`Unknown command "${group}": use ${groups.join(' or ')}`);
  const actions = Object.keys(commands)
    .filter((n) => n.startsWith(`${group} `))
    .map((n) => n.split(' ')[1]!);
  if (action === undefined || action === '--help' || action === '-h') {
    if (action === undefined) throw new UsageError(`"${group}" needs one of: ${actions.join(', ')}`);
    return { help: actions.map((a) => helpText(`${group} ${a}` as CommandName)).join('\n\n') };
  }
  const name = `${group} ${action}`;
  if (!(name in commands)) throw new UsageError(`Unknown command "${name}": ${group} takes ${actions.join(', ')}`);
  return parseFor(name as CommandName, rest);
}

function parseFor(name: CommandName, rest: string[]): ParsedCommand | { help: string } {
  if (rest.includes('--help') || rest.includes('-h')) return { help: helpText(name) };
  const spec: CommandSpec = commands[name];
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = Object.fromEntries(Object.entries(spec.options).map(([o, s]) => [o, { type: s.type }]));
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's own words name the option: "Unknown option '--rol'", "Option '--role <value>' argument missing".
    throw new UsageError(((e as Error).message.split('. ')[0] ?? String(e)).replace(/\.$/, ''), name);
  }
  const { positionals, values } = parsed;
  if (positionals.length < spec.positionals.length) {
    throw new UsageError(`Missing ${spec.positionals[positionals.length]}: ${usageOf(name)}`, name);
  }
  if (positionals.length > spec.positionals.length) {
    throw new UsageError(`Unexpected argument "${positionals[spec.positionals.length]}": ${usageOf(name)}`, name);
  }
  for (const [option, s] of Object.entries(spec.options)) {
    // A string option given as "--name=" is as good as missing.
    if (s.required && values[option] === undefined) throw new UsageError(`Missing --role <${s.value}>`, name);
    if (s.type === 'string' && values[option] === '') throw new UsageError(`--${option} is empty`, name);
  }
  const args = Object.fromEntries(spec.positionals.map((p, i) => [p.slice(1, -1), positionals[i]!]));
  return { name, args, options: values as Record<string, string | boolean | undefined> };
}
