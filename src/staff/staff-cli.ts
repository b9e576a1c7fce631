/**
 * `npm run staff -- add|remove|list`: staff accounts of the hand-off inbox and the dashboard,
 * in the bot's storage (STORAGE_URL: SQLite by default, Redis for several instances).
 * The password is typed with echo off in a terminal, or read from a pipe (first line); never
 * from the command line.
 */
import { loadConfig } from '../config';
import { createStore } from '../storage/create-store';
import type { StateStore } from '../storage/types';
import { checkStaffName, listAccounts, removeAccount, saveAccount } from './account-store';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password-hash';
import { runCommand, type CliIo } from '../command/cli-command';
import { readArgs, UsageError } from '../util/read-args';
import { readPassword } from './read-password';
import { parseRoles } from './roles';

export const STAFF_HELP = `Usage: npm run staff -- <command>

Commands:
  add <name> [--role counsellor|manager]   create an account, or add roles to an existing one
                                           and set its password again. Default role: counsellor.
                                           Both roles: --role manager,counsellor (or --role twice,
                                           or a second "add" with the other role).
  remove <name>                            delete the account; its sessions stop working at once
  list                                     names and roles (never passwords)

The password (at least ${MIN_PASSWORD_LENGTH} characters) is typed after the prompt, not shown, or piped in
(first line of standard input):
  printf '%s\\n' 'a long pass phrase' | npm run staff -- add anna --role counsellor
Accounts live in the bot's storage (STORAGE_URL; default sqlite:./data/thinkfirst.db).
`;

/** Waits up to `timeoutMs` for the store to answer (a Redis connection opens in the background). */
async function waitForStore(store: StateStore, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await store.ping();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function withStore<T>(env: NodeJS.ProcessEnv, work: (store: StateStore) => Promise<T>): Promise<T> {
  const config = loadConfig(env, []);
  const store = await createStore(config.storage.url, { stateTtlMs: config.retention.stateTtlMs, ...config.redis });
  try {
    await waitForStore(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs the staff CLI with `argv` (arguments after `npm run staff --`).
 * @returns the exit code: 0 done, 1 failed (message on stderr), 2 command-line mistake.
 */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('staff', STAFF_HELP, argv, io, async () => {
    const parsed = readArgs('staff', { allowPositionals: true, options: { role: { type: 'string', multiple: true } } }, argv);
    const [command, name, ...extra] = parsed.positionals;
    if (command === 'help') {
      io.stdout.write(STAFF_HELP);
      return 0;
    }
    if (command === 'add' && name && extra.length === 0) {
      checkStaffName(name);
      const roles = parseRoles(parsed.values.role ?? ['counsellor']);
      if (roles.length === 0) throw new Error('--role names no role (known: counsellor, manager)');
      const password = await readPassword(io.stdin, `Password for ${name} (at least ${MIN_PASSWORD_LENGTH} characters, not shown), then Enter: `, io.stderr);
      const hash = await hashPassword(password);
      const { account, created } = await withStore(io.env, (store) => saveAccount(store, name, roles, hash));
      io.stdout.write(`${created ? 'added' : 'updated'} ${account.name} (roles: ${account.roles.join(', ')})\n`);
      return 0;
    }
    if (command === 'remove' && name && extra.length === 0) {
      const removed = await withStore(io.env, (store) => removeAccount(store, name));
      if (!removed) {
        io.stderr.write(`staff: no account named '${name}' (npm run staff -- list shows them)\n`);
        return 1;
      }
      io.stdout.write(`removed ${name}\n`);
      return 0;
    }
    if (command === 'list' && !name) {
      const accounts = await withStore(io.env, (store) => listAccounts(store));
      if (accounts.length === 0) io.stdout.write('no staff accounts yet (npm run staff -- add <name>)\n');
      for (const account of accounts) io.stdout.write(`${account.name}\t${account.roles.join(',')}\n`);
      return 0;
    }
    throw new UsageError('staff', `unknown or incomplete command '${argv.join(' ')}' (commands: add <name>, remove <name>, list)`);
  });
}
