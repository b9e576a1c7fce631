/**
 * Privacy: users and conversations with canary ids, names and messages talk to the real
 * bot (HTTP, botbuilder, engine, NLU, SQLite); no stored analytics record may contain any
 * of the canaries, while the records do count what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createAnalyticsRecorder, type AnalyticsRecorder } from '../../src/analytics/recorder';
import { loadRuntime } from '../../src/script/load-runtime';
import { advance } from '../../src/engine/advance';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { buildJoin, buildMessage, postJson } from '../helpers/http';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';
import { ROOT } from '../tools/temp-locales';

const CANARY = {
  conversation: 'conv-CANARY-5c1f0e',
  user: 'user-CANARY-93ab27',
  name: 'Nguyễn CANARY Lan',
  texts: ['Tôi tên là CANARY Hoa, số 0912 345 678', 'my passport CANARY-B7741 was taken', 'zxqv CANARY blorp wibble'],
};
const needles = [CANARY.conversation, CANARY.user, CANARY.name, 'CANARY', '0912 345 678', 'B7741'];

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-canary-'));
const dbFile = join(dir, 'state.db');
let channel: FakeChannel;
let bot: TestBot;
let recorder: AnalyticsRecorder;

beforeAll(async () => {
  const { runtime } = loadRuntime(ROOT);
  if (!runtime) throw new Error('the project content must load for this test');
  const store = createSqliteStore(dbFile);
  recorder = createAnalyticsRecorder({ store, flushIntervalMs: 0, getContent: () => runtime.content });
  channel = await startFakeChannel();
  bot = await startTestBot({ runtime, advance, store, onEvents: (events, lang) => recorder.record(events, lang) });
}, 60_000);
afterAll(async () => {
  await recorder?.close();
  await bot?.close();
  await channel?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function send(activity: Record<string, unknown>): Promise<void> {
  channel.clear();
  expect((await postJson(bot.messagesUrl, activity)).status).toBe(200);
  await channel.waitForMessages(1, 10_000);
}

describe('stored analytics hold no id and no message text', () => {
  it('counts a real conversation without keeping who or what', async () => {
    const who = { conversation: { id: CANARY.conversation }, from: { id: CANARY.user, name: CANARY.name, role: 'user' }, locale: 'vi-VN' };
    await send(buildJoin(channel.url, { ...who, membersAdded: [{ id: 'bot-1' }, { id: CANARY.user, name: CANARY.name }] }));
    await send(buildMessage(channel.url, { ...who, text: 'English', value: { choice: 'en' } }));
    await send(buildMessage(channel.url, { ...who, text: 'Check my offer', value: { choice: 'check_offer' } }));
    for (const text of CANARY.texts) await send(buildMessage(channel.url, { ...who, text }));
    // Control: the canaries did reach the bot.
    expect(channel.posts.every((p) => p.conversationId === CANARY.conversation)).toBe(true);

    await recorder.flush();
    const db = new Database(dbFile, { readonly: true });
    const rows = db.prepare<[], { key: string; data: string }>("SELECT key, data FROM state WHERE key LIKE 'analytics/%'").all();
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    const counts = Object.assign({}, ...rows.map((r) => (JSON.parse(r.data) as { counts: Record<string, number> }).counts)) as Record<string, number>;
    expect(counts['started|check-offer']).toBeGreaterThanOrEqual(1);
    expect(Object.keys(counts).some((k) => k.startsWith('started_lang|'))).toBe(true);
    for (const row of rows) {
      const stored = `${row.key}\n${row.data}`;
      for (const needle of needles) expect(stored, `analytics record ${row.key}`).not.toContain(needle);
      for (const name of Object.keys((JSON.parse(row.data) as { counts: Record<string, number> }).counts)) {
        expect(name).toMatch(/^[a-z_]+(\|[A-Za-z0-9][A-Za-z0-9_.-]*)*$/);
      }
    }
  }, 60_000);
});
