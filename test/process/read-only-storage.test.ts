/**
 * A database the bot cannot write (read-only folder or file): the real bot (`node dist/index.js`)
 * stops at start-up with one message naming the path and the fix, and no stack trace.
 * Root ignores file permissions, so under root the bot runs as `nobody` (as a service account
 * would); when that is impossible the test says so in one line and is skipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../testkit/free-port';

const ROOT = join(import.meta.dirname, '..', '..');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Under root: the uid to run the bot as, when that user can read the project; else undefined. */
function unprivilegedUid(): number | undefined {
  if (!asRoot) return undefined;
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'dist', 'index.js'))})`], { uid: NOBODY, gid: NOBODY });
  return probe.status === 0 ? NOBODY : undefined;
}
const runAs = unprivilegedUid();
const canTest = !asRoot || runAs !== undefined;
if (!canTest) process.stderr.write('read-only storage test skipped: running as root, and user nobody cannot read the project to run the bot unprivileged.\n');

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-readonly-'));
// Reachable by the unprivileged user; only the folders below are read-only.
chmodSync(dir, 0o755);
afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the bot with `STORAGE_URL=sqlite:<file>` and resolves with its exit code and output. */
async function startWith(file: string): Promise<{ code: number | null; output: string }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: dir, PORT: String(port), STORAGE_URL: `sqlite:${file}`, ID_SECRET: 'read-only-test-secret-0123456789' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs === undefined ? {} : { uid: runAs, gid: runAs }),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

describe.skipIf(!canTest)('a database the bot cannot write', () => {
  it('stops at start-up naming the folder and the fix when the folder is read-only', async () => {
    const folder = join(dir, 'ro-folder');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const file = join(folder, 'thinkfirst.db');
    const { code, output } = await startWith(file);
    expect(code).toBe(1);
    expect(output).toContain(`start-up failed: SQLite storage (${file}): the database is read-only`);
    expect(output).toContain(`make '${folder}' and the files in it writable`);
    expect(output).toContain('STORAGE_URL');
    expect(output).toMatch(/\(cause: Error EACCES\)/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('stops at start-up naming the file when the database file is read-only', async () => {
    const folder = mkdtempSync(join(dir, 'rw-folder-'));
    chmodSync(folder, 0o777);
    const file = join(folder, 'thinkfirst.db');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    const { code, output } = await startWith(file);
    expect(code).toBe(1);
    expect(output).toContain(`SQLite storage (${file}): the database is read-only`);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
