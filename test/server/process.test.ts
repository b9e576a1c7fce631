/**
 * The real process, the way `npm start` runs it: start-up modes, state across a restart,
 * graceful SIGTERM, and privacy of everything it prints.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnBotProcess, type BotProcess } from '../../testkit/bot-process';
import { postJson } from '../helpers/http';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-process-'));
const running: BotProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((bot) => bot.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

const CANARIES = {
  text: 'CANARY-TEXT-7f3a',
  name: 'CANARY-NAME-91b2',
  userId: 'CANARY-USER-0c9e',
  conversationId: 'CANARY-CONV-55d1',
};

/** An Emulator-style activity that asks for its replies in the HTTP response. */
function activity(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `id-${Math.random()}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    from: { id: CANARIES.userId, name: CANARIES.name },
    recipient: { id: 'bot' },
    conversation: { id: CANARIES.conversationId },
    ...fields,
  };
}

interface Reply {
  type: string;
  text?: string;
  suggestedActions?: { actions: { value: unknown }[] };
}

async function send(bot: BotProcess, fields: Record<string, unknown>): Promise<Reply[]> {
  const response = await postJson(`${bot.url}/api/messages`, activity(fields));
  expect(response.status).toBe(200);
  return (response.json() as { activities: Reply[] }).activities.filter((a) => a.type === 'message');
}

async function start(env: Record<string, string> = {}): Promise<BotProcess> {
  const bot = await spawnBotProcess({ env: { LOG_LEVEL: 'info', STORAGE_URL: `sqlite:${join(dir, 'state.db')}`, ...env } });
  running.push(bot);
  await bot.waitReady();
  return bot;
}

const frenchMenu = (JSON.parse(readFileSync('locales/fr/menu.json', 'utf8')) as { intro: { text: string } }).intro.text;

describe('the bot process', () => {
  it('welcomes, keeps the chosen language across a restart, stops cleanly on SIGTERM, and never prints user data', async () => {
    const first = await start();
    expect(first.output()).toMatch(/local mode.*127\.0\.0\.1 only/);

    const welcome = await send(first, { type: 'conversationUpdate', membersAdded: [{ id: CANARIES.userId, name: CANARIES.name }] });
    const buttons = welcome.flatMap((a) => a.suggestedActions?.actions ?? []).map((a) => a.value);
    expect(buttons).toEqual([{ choice: 'vi' }, { choice: 'fr' }, { choice: 'en' }]);

    await send(first, { text: `${CANARIES.text} ${CANARIES.name}` });
    const afterChoice = await send(first, { text: 'Français', value: { choice: 'fr' } });
    expect(afterChoice.map((a) => a.text)).toContain(frenchMenu);

    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await start();
    const menu = await send(second, { text: 'menu' });
    expect(menu.map((a) => a.text)).toContain(frenchMenu);
    await send(second, { text: CANARIES.text });
    expect(await second.stop('SIGTERM')).toBe(0);

    for (const output of [first.output(), second.output()]) {
      expect(output).toMatch(/"msg":"turn"/);
      for (const canary of Object.values(CANARIES)) expect(output).not.toContain(canary);
    }
  }, 120_000);

  it('refuses to start on content npm run validate would refuse (here: training phrases), naming file and line', async () => {
    const content = join(dir, 'broken-content');
    for (const folder of ['dialogs', 'locales']) cpSync(join(process.cwd(), folder), join(content, folder), { recursive: true });
    const intents = join(content, 'dialogs', 'intents', 'fr.yaml');
    writeFileSync(intents, `${readFileSync(intents, 'utf8')}\n  not_an_intent:\n    - bonjour tout le monde\n`);
    const bot = await spawnBotProcess({ env: { LOG_LEVEL: 'info', STORAGE_URL: 'memory:', CONTENT_DIR: content } });
    running.push(bot);
    expect(await bot.exited()).toBe(1);
    expect(bot.output()).toMatch(/dialogs\/intents\/fr\.yaml:\d+:\d+ +error .*not_an_intent/);
    expect(bot.output()).toMatch(/fix them, then start again/);
  }, 60_000);

  it('refuses to start in production without MicrosoftAppId, naming the variable', async () => {
    const bot = await spawnBotProcess({ env: { LOG_LEVEL: 'info', NODE_ENV: 'production', STORAGE_URL: 'memory:' } });
    running.push(bot);
    expect(await bot.exited()).toBe(1);
    expect(bot.output()).toMatch(/MicrosoftAppId is empty while NODE_ENV=production/);
  }, 60_000);
});
