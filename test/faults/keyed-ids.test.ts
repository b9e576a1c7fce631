/**
 * Ids are hashed with a secret (HMAC): a phone-number conversation id in a log line cannot be
 * recovered by trying numbers, storage keys are keyed too, the secret the bot created on its
 * first start is kept, and state stored under the old unkeyed keys is moved to the new ones.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { spawnBotProcess, type BotProcess } from '../../testkit/bot-process';
import { postJson } from '../helpers/http';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-keyed-ids-'));
const running: BotProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((bot) => bot.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

const PHONE = '+84901234567';
const unkeyed = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');
const frenchMenu = (JSON.parse(readFileSync('locales/fr/menu.json', 'utf8')) as { intro: { text: string } }).intro.text;

async function start(file: string, env: Record<string, string> = {}): Promise<BotProcess> {
  const bot = await spawnBotProcess({ env: { LOG_LEVEL: 'info', STORAGE_URL: `sqlite:${join(dir, file)}`, ...env } });
  running.push(bot);
  await bot.waitReady();
  return bot;
}

async function say(bot: BotProcess, text: string, conversationId = PHONE, userId = PHONE): Promise<string[]> {
  const response = await postJson(`${bot.url}/api/messages`, {
    type: 'message', id: `id-${Math.random()}`, channelId: 'sms', serviceUrl: 'http://127.0.0.1:9', locale: 'en-US',
    deliveryMode: 'expectReplies', from: { id: userId }, recipient: { id: 'bot' }, conversation: { id: conversationId }, text,
  });
  expect(response.status).toBe(200);
  return (response.json() as { activities: { text?: string }[] }).activities.map((a) => a.text ?? '');
}

function stateKeys(file: string): string[] {
  const db = new Database(join(dir, file), { readonly: true });
  try {
    return (db.prepare('SELECT key FROM state').all() as { key: string }[]).map((row) => row.key);
  } finally {
    db.close();
  }
}

it('logs and stores no hash that trying phone numbers can reverse, and keeps its generated secret across restarts', async () => {
  const first = await start('generated.db');
  await say(first, 'hello');
  for (let i = 0; i < 50 && !first.output().includes('"conv":'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const logged = [...first.output().matchAll(/"conv":"([0-9a-f]+)"/g)].map((m) => m[1]);
  expect(logged.length).toBeGreaterThan(0);
  // An attacker who knows the old scheme tries 20,000 numbers around the real one.
  const candidates = Array.from({ length: 20_000 }, (_, i) => `+849012${String(34_567 + i - 10_000).padStart(5, '0')}`);
  expect(candidates).toContain(PHONE);
  const guessed = candidates.filter((c) => logged.includes(unkeyed('', c).slice(0, 16)));
  expect(guessed).toEqual([]);
  const keys = stateKeys('generated.db');
  expect(keys).not.toContain(`conv/${unkeyed('sms', PHONE)}`);
  expect(keys).toContain('system/id-secret');
  const convKeys = keys.filter((k) => k.startsWith('conv/'));
  await first.stop('SIGTERM');

  const second = await start('generated.db');
  await say(second, 'menu');
  expect(stateKeys('generated.db').filter((k) => k.startsWith('conv/'))).toEqual(convKeys);
}, 90_000);

it('moves state stored under the old unkeyed keys to the keyed ones on the next message', async () => {
  const legacy = createSqliteStore(join(dir, 'legacy.db'), { ttlMs: 86_400_000 });
  await legacy.write({ [`user/${unkeyed('sms', 'old-user')}`]: { lang: 'fr' } });
  await legacy.close();
  const bot = await start('legacy.db', { ID_SECRET: 'an-operator-secret-of-32-characters' });
  expect(await say(bot, 'menu', 'old-conversation', 'old-user')).toContain(frenchMenu);
  const keys = stateKeys('legacy.db');
  expect(keys).not.toContain(`user/${unkeyed('sms', 'old-user')}`);
  expect(keys.filter((k) => k.startsWith('user/')).length).toBe(1);
  expect(keys).not.toContain('system/id-secret');
}, 90_000);
