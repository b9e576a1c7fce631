/**
 * "Delete my data" deletes everything the bot holds about the user on that channel: every
 * conversation of the user (not only the one where it was asked), and the deleted bytes are
 * gone from the SQLite database file and its WAL, not only from the rows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildActivity } from '../../testkit/activities';
import { startBotProcess, type BotProcess } from '../../testkit/bot-process';
import { startChannelSink, type ChannelSink } from '../../testkit/channel-sink';
import { postJson } from '../helpers/http';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-delete-'));
const dbFile = join(dir, 'bot.db');
let sink: ChannelSink;
let bot: BotProcess;

beforeAll(async () => {
  sink = await startChannelSink();
  bot = await startBotProcess({ env: { STORAGE_URL: `sqlite:${dbFile}` } });
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

const userId = `user-${randomUUID()}`;

/** Sends a message as `userId` in `conversationId` and waits until the bot answered it. */
async function say(conversationId: string, input: Parameters<typeof buildActivity>[2]): Promise<void> {
  const before = sink.repliesOf(conversationId).length;
  const activity = { ...buildActivity(sink.url, conversationId, input), from: { id: userId, name: 'User' } };
  if ('membersAdded' in activity) activity.membersAdded = [{ id: userId }];
  expect((await postJson(bot.messagesUrl, activity)).status).toBe(200);
  await sink.waitForMessages(conversationId, before + 1, 10_000);
}

/** Personal keys in the database (conversation and user state; aggregates left out). */
function personalKeys(): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT key FROM state WHERE key LIKE 'conv/%' OR key LIKE 'user/%'").all() as { key: string }[]).map((row) => row.key);
  } finally {
    db.close();
  }
}

/** Every file of the database (main file, -wal, -shm) as one buffer. */
function databaseBytes(): Buffer {
  return Buffer.concat(readdirSync(dir).filter((name) => name.startsWith('bot.db')).map((name) => readFileSync(join(dir, name))));
}

it('deletes every conversation of the user and leaves none of their bytes in the database files', async () => {
  const first = `first-${randomUUID()}`;
  const second = `second-${randomUUID()}`;
  await say(first, { join: true });
  await say(first, { choice: 'en', text: 'English' });
  await say(first, { choice: 'quiz', text: 'Quiz' });
  await say(second, { join: true });
  await say(second, { text: 'menu' });
  const canaries = personalKeys();
  expect(canaries.filter((key) => key.startsWith('conv/')).length).toBe(2);
  expect(canaries.filter((key) => key.startsWith('user/')).length).toBe(1);

  await say(second, { text: 'delete my data' });
  await say(second, { text: 'yes' });

  expect(personalKeys()).toEqual([]);
  const bytes = databaseBytes();
  for (const canary of canaries) expect(bytes.includes(Buffer.from(canary)), `${canary.slice(0, 12)}… left in the database files`).toBe(false);
}, 60_000);
