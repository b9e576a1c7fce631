/**
 * `npm run staff -- add` in a terminal: the password typed after the prompt is never shown,
 * and it is the password the account gets. A real pseudo-terminal (util-linux `script`)
 * runs the compiled command, as an operator's shell would; test/global-setup.ts builds dist/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readPassword } from '../../src/staff/read-password';
import { readAccount } from '../../src/staff/account-store';
import { verifyPassword } from '../../src/staff/password-hash';
import { createSqliteStore } from '../../src/storage/sqlite-store';

const ROOT = join(import.meta.dirname, '..', '..');
const PASSWORD = 'quiet typing 2026';
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'tf-staff-tty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A terminal-like stdin: what the CLI reads, with the raw-mode switch a TTY has. */
function fakeTerminal(): PassThrough & { isTTY: boolean; rawModes: boolean[]; setRawMode(mode: boolean): void } {
  const rawModes: boolean[] = [];
  return Object.assign(new PassThrough(), { isTTY: true, rawModes, setRawMode: (mode: boolean) => void rawModes.push(mode) });
}

describe('a staff password typed in a terminal', () => {
  it('is read in raw mode (no echo): Backspace erases, Enter ends, nothing typed is printed', async () => {
    const stdin = fakeTerminal();
    let shown = '';
    const reading = readPassword(stdin, 'Password: ', { write: (text: string) => (shown += text) });
    stdin.write('secret passX');
    stdin.write('\u007fphrase\r');
    expect(await reading).toBe('secret passphrase');
    expect(stdin.rawModes).toEqual([true, false]);
    expect(shown).toBe('Password: \n');
  });

  it('cancels on Ctrl-C and leaves the terminal out of raw mode', async () => {
    const stdin = fakeTerminal();
    const reading = readPassword(stdin, 'Password: ', { write: () => undefined });
    stdin.write('half typ\u0003');
    await expect(reading).rejects.toThrow(/cancelled/);
    expect(stdin.rawModes).toEqual([true, false]);
  });

  it.skipIf(!hasScript)('is not echoed by `npm run staff -- add` in a real pseudo-terminal, and signs the account in', async () => {
    const db = join(dir, 'bot.db');
    const command = `${process.execPath} ${join(ROOT, 'dist', 'cli', 'staff.js')} add anna`;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STORAGE_URL: `sqlite:${db}`, TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    const prompted = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        screen += chunk.toString('utf8');
        if (screen.includes('Password for anna')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await prompted;
    // Typed only once the prompt is up: the terminal is then in raw mode, as for a person typing.
    child.stdin.write(`${PASSWORD}\r`);
    const code = await exited;
    expect(code, screen).toBe(0);
    expect(screen).toContain('added anna (roles: counsellor)');
    expect(screen).not.toContain(PASSWORD);
    expect(screen).not.toContain('quiet');
    const store = createSqliteStore(db);
    try {
      const account = await readAccount(store, 'anna');
      expect(account?.roles).toEqual(['counsellor']);
      expect(await verifyPassword(PASSWORD, account?.password)).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
