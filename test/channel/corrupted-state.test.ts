/**
 * Stored state that is not what the bot wrote (a corrupted row, another program's data under
 * our key) in a real SQLite file, with the real content: the user gets one polite sentence
 * in their language and the main menu, the log names the error (never the content), and
 * the conversation works again from there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/script/load-runtime';
import { getStateKeys } from '../../src/channel/state-keys';
import { loadSystemTexts } from '../../src/channel/system-texts';
import { createTurnProcessor, type TurnProcessor } from '../../src/channel/turn-processor';
import type { InboundActivity } from '../../src/channel/types';
import type { Runtime } from '../../src/script/runtime';
import { advance } from '../../src/engine/advance';
import { pickControl } from '../../src/experiments/apply-experiments';
import { createIdHasher } from '../../src/log/hash-id';
import type { Lang } from '../../src/kernel/lang';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import type { StateStore } from '../../src/storage/types';
import { captureLogs, type LogCapture } from '../helpers/capture-logs';

const CANARY = 'CANARY-Nguyen-0912345678';
const system = loadSystemTexts(process.cwd());
const ids = createIdHasher('corrupted-state-secret-0123456789');
const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-corrupt-'));
const file = join(dir, 'state.db');
let runtime: Runtime;
let store: StateStore;
let logs: LogCapture;
let processor: TurnProcessor;
let n = 0;

beforeAll(() => {
  const loaded = loadRuntime(process.cwd());
  if (!loaded.runtime) throw new Error('content has errors: run npm run validate');
  runtime = loaded.runtime;
  store = createSqliteStore(file);
  logs = captureLogs();
  processor = createTurnProcessor({ getRuntime: () => runtime, advance, store, logger: logs.logger, defaultLang: 'vi', system, ids, pickVariant: pickControl });
}, 60_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A new user who chose `lang` in the welcome; returns a function sending their messages. */
async function userIn(lang: Lang) {
  n += 1;
  const base = { type: 'message', channelId: 'directline', conversation: { id: `c-${n}` }, from: { id: `u-${n}` }, recipient: { id: 'bot' } };
  const say = async (fields: Partial<InboundActivity>) => (await processor.processActivity({ ...base, ...fields } as InboundActivity)).replies.map((r) => r.text);
  await say({ text: 'hi' });
  await say({ value: { choice: lang } });
  return { say, keys: getStateKeys(base as InboundActivity, ids) };
}

/** Overwrites the stored row of `key` in the SQLite file, as a disk fault or another program would. */
function corruptRow(key: string, data: string): void {
  const db = new Database(file);
  try {
    expect(db.prepare('UPDATE state SET data = ? WHERE key = ?').run(data, key).changes).toBe(1);
  } finally {
    db.close();
  }
}

const corruptions: [string, string][] = [
  ['bytes that are not JSON', `{"engine": ${CANARY} \u0000`],
  ['a foreign shape', JSON.stringify({ engine: { stack: CANARY }, name: CANARY })],
  ['another program\'s state', JSON.stringify({ DialogState: { dialogStack: [{ id: CANARY }] } })],
];

describe('stored state that cannot be read', () => {
  it.each(['vi', 'fr', 'en'] as const)('resets politely to the menu in %s, logging only the error name', async (lang) => {
    const fresh = await userIn(lang);
    const menu = await fresh.say({ value: { intent: 'menu' } });
    expect(menu.length).toBeGreaterThan(0);
    for (const [, data] of corruptions) {
      const user = await userIn(lang);
      corruptRow(user.keys.conversation, data);
      const before = logs.lines().length;
      const replies = await user.say({ text: 'ok' });
      expect(replies).toEqual([system[lang].state_reset, ...menu]);
      const lines = logs.lines().slice(before);
      expect(lines.join('\n')).not.toContain(CANARY);
      expect(logs.entries().slice(before)).toContainEqual(expect.objectContaining({ level: 50, error: 'InvalidStoredStateError', parts: ['conversation'] }));
      // The state was replaced by a valid one: the next message is answered from the menu, with no reset.
      const next = await user.say({ value: { intent: 'menu' } });
      expect(next).toEqual(menu);
    }
  });

  it('keeps a person in danger on the danger dialog, even when their state was unreadable', async () => {
    const user = await userIn('en');
    const danger = await (await userIn('en')).say({ text: 'help me, I am locked in and they beat me' });
    corruptRow(user.keys.conversation, `not json ${CANARY}`);
    const replies = await user.say({ text: 'help me, I am locked in and they beat me' });
    expect(replies[0]).toBe(system.en.state_reset);
    expect(replies.slice(1)).toEqual(danger);
  });

  it('replaces an unreadable user item too, falling back to the language of the activity', async () => {
    const user = await userIn('en');
    corruptRow(user.keys.user, JSON.stringify({ lang: 42, conversations: CANARY }));
    const replies = await user.say({ text: 'ok', locale: 'fr-FR' });
    expect(replies.join(' ')).not.toContain(system.en.apology);
    expect(logs.lines().join('\n')).not.toContain(CANARY);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ error: 'InvalidStoredStateError', parts: ['user'] }));
    const stored = (await store.read([user.keys.user]))[user.keys.user];
    expect(stored).toMatchObject({ lang: expect.stringMatching(/^(vi|fr|en)$/), conversations: [user.keys.conversation] });
  });
});
