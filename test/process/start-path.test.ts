/**
 * The production start path: `node dist/index.js` starts from the runtime cache written by the
 * build, loads no TypeScript tooling (tsx, esbuild) at any time, and, when the content was
 * edited after the build, says so, validates and trains in process, and answers with the edit.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnBotProcess, type BotProcess } from '../../testkit/bot-process';
import { postJson } from '../helpers/http';

const ROOT = join(import.meta.dirname, '..', '..');
const RECORDER = join(ROOT, 'test', 'fixtures', 'process', 'module-recorder.mjs');
const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-start-path-'));
const running: BotProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((bot) => bot.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  type: string;
  text?: string;
}

let sequence = 0;

/** Sends an Emulator-style activity in conversation `conversation` that gets its replies in the HTTP response. */
async function send(bot: BotProcess, conversation: string, fields: Record<string, unknown>): Promise<string[]> {
  sequence += 1;
  const response = await postJson(`${bot.url}/api/messages`, {
    type: 'message', id: `start-path-${sequence}`, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', locale: 'en-US',
    deliveryMode: 'expectReplies', from: { id: 'user-start-path' }, recipient: { id: 'bot' }, conversation: { id: `conv-start-path-${conversation}` },
    ...fields,
  });
  expect(response.status).toBe(200);
  return (response.json() as { activities: Reply[] }).activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
}

/** Pids of the direct children of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function start(env: Record<string, string>): Promise<BotProcess> {
  const bot = await spawnBotProcess({ env: { LOG_LEVEL: 'info', STORAGE_URL: `sqlite:${join(dir, `state-${running.length}.db`)}`, ...env } });
  running.push(bot);
  await bot.waitReady();
  return bot;
}

const menuIntro = (root: string): string => (JSON.parse(readFileSync(join(root, 'locales', 'en', 'menu.json'), 'utf8')) as { intro: { text: string } }).intro.text;

describe('production start path', () => {
  it('starts from the runtime cache and never loads tsx or esbuild, even after turns', async () => {
    expect(existsSync(join(ROOT, 'dist', 'runtime-cache.bin')), 'test/global-setup.ts builds dist/ with its runtime cache').toBe(true);
    const modules = join(dir, 'modules.log');
    const bot = await start({ NODE_OPTIONS: `--import=${RECORDER}`, MODULE_LOG: modules });
    await send(bot, 'a', { type: 'conversationUpdate', membersAdded: [{ id: 'user-start-path' }] });
    expect(await send(bot, 'a', { text: 'English', value: { choice: 'en' } })).toContain(menuIntro(ROOT));
    expect((await send(bot, 'a', { text: 'is this job offer real? they want my passport' })).length).toBeGreaterThan(0);

    expect(bot.output()).not.toMatch(/trained in process/);
    expect(childrenOf(bot.child.pid!), 'the bot starts no helper process (esbuild runs one)').toEqual([]);
    const loaded = readFileSync(modules, 'utf8').split('\n').filter(Boolean);
    // The recorder sees the bot's own modules and its dependencies...
    expect(loaded.some((line) => line.includes('/dist/index.js'))).toBe(true);
    expect(loaded.some((line) => line.includes('/node_modules/botbuilder/'))).toBe(true);
    // ...and no TypeScript tooling among them.
    expect(loaded.filter((line) => /[\\/]node_modules[\\/](tsx|esbuild|@esbuild|typescript|get-tsconfig)[\\/]/.test(line))).toEqual([]);
    expect(await bot.stop('SIGTERM')).toBe(0);
  });

  it('validates and trains in process when the content changed after the build, and answers with the edit', async () => {
    const content = join(dir, 'content');
    for (const folder of ['dialogs', 'locales']) cpSync(join(ROOT, folder), join(content, folder), { recursive: true });
    const menuFile = join(content, 'locales', 'en', 'menu.json');
    const menu = JSON.parse(readFileSync(menuFile, 'utf8')) as { intro: { text: string } };
    menu.intro.text = `${menu.intro.text} Edited after the build.`;
    writeFileSync(menuFile, JSON.stringify(menu, null, 2));

    const bot = await start({ CONTENT_DIR: content });
    expect(bot.output()).toMatch(/changed since npm run build: content validated and recogniser trained in process/);
    await send(bot, 'b', { type: 'conversationUpdate', membersAdded: [{ id: 'user-start-path' }] });
    expect(await send(bot, 'b', { text: 'English', value: { choice: 'en' } })).toContain(menu.intro.text);
    expect(await send(bot, 'b', { text: 'menu' })).toContain(menu.intro.text);
    expect(await bot.stop('SIGTERM')).toBe(0);
  });
});
