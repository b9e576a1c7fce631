/**
 * `npm run dev` as a campaign manager uses it: an editor saves a text atomically (writes a
 * temporary file, renames it over the original), twice; both edits are served without a
 * restart, and each reload is logged.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../testkit/free-port';
import { buildMessage, postJson } from '../helpers/http';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-dev-'));
let stop: () => void = () => {};
afterAll(() => {
  stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The menu question the bot shows in English right now. */
async function menuText(url: string, n: number): Promise<string> {
  const common = { conversation: { id: `dev-watch-${n}` }, from: { id: `dev-user-${n}` }, locale: 'en-US', deliveryMode: 'expectReplies' };
  const reply = await postJson(`${url}/api/messages`, buildMessage('http://127.0.0.1:1', { ...common, text: 'menu' }));
  return ((reply.json() as { activities?: { text?: string }[] }).activities ?? []).map((a) => a.text ?? '').join('\n');
}

describe('npm run dev', () => {
  it('serves each atomically saved edit of a text, save after save, and logs each reload', async () => {
    for (const sub of ['dialogs', 'locales']) cpSync(join(ROOT, sub), join(dir, sub), { recursive: true });
    const port = await findFreePort();
    const child = spawn('npm', ['run', 'dev'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), STORAGE_URL: 'memory:', CONTENT_DIR: dir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    stop = () => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGTERM');
      } catch {
        // Already stopped.
      }
    };
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const url = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${url}/readyz`).then((r) => r.status, () => 0), { timeout: 60_000, interval: 200 }).toBe(200);

    const file = join(dir, 'locales', 'en', 'menu.json');
    const original = readFileSync(file, 'utf8');
    const current = (JSON.parse(original) as { intro: { text: string } }).intro.text;
    let n = 0;
    for (const wording of ['First edit: what do you need?', 'Second edit: pick a topic.']) {
      const temp = join(dir, 'locales', 'en', '.menu.json.tmp');
      writeFileSync(temp, original.replace(current, wording));
      renameSync(temp, file);
      await expect.poll(() => menuText(url, ++n), { timeout: 15_000, interval: 300 }).toContain(wording);
    }
    expect(output.match(/"msg":"content reloaded"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(output).toContain('"files":["locales/en/menu.json"]');
  }, 120_000);
});
