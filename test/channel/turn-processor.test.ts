import { beforeEach, describe, expect, it } from 'vitest';
import { getStateKeys } from '../../src/channel/state-keys';
import { createIdHasher } from '../../src/log/hash-id';
import { loadSystemTexts } from '../../src/channel/system-texts';
import { createTurnProcessor, type TurnProcessor } from '../../src/channel/turn-processor';
import type { InboundActivity } from '../../src/channel/types';
import type { Runtime } from '../../src/script/runtime';
import type { EngineEvent } from '../../src/engine/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { StorageUnavailableError } from '../../src/storage/redis-errors';
import type { StateStore } from '../../src/storage/types';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { captureLogs, type LogCapture } from '../helpers/capture-logs';

const system = loadSystemTexts(process.cwd());
let store: StateStore;
let logs: LogCapture;
let runtime: Runtime | null;
let events: [EngineEvent[], string][];
let processor: TurnProcessor;

const activity = (overrides: Partial<InboundActivity> = {}): InboundActivity => ({
  type: 'message',
  id: `a-${Math.random()}`,
  channelId: 'test',
  conversation: { id: 'conv-secret-id' } as InboundActivity['conversation'],
  from: { id: 'user-secret-id', name: 'Nguyen Van A' },
  recipient: { id: 'bot' , name: 'bot' },
  locale: 'fr-FR',
  // No language of its own: the locale decides (a greeting or a sentence would decide instead).
  text: '👋',
  ...overrides,
});
const texts = async (a: InboundActivity) => (await processor.processActivity(a)).replies.map((r) => r.text);
const ids = createIdHasher('test-secret-of-sixteen-chars');
const keys = getStateKeys(activity(), ids);
const stored = async () => store.read([keys.conversation, keys.user]);

beforeEach(() => {
  store = createMemoryStore();
  logs = captureLogs();
  runtime = createFixtureRuntime();
  events = [];
  processor = createTurnProcessor({
    getRuntime: () => runtime,
    advance: advanceFixture,
    store,
    logger: logs.logger,
    defaultLang: 'vi',
    system,
    onEvents: (list, lang) => events.push([list, lang]),
    ids,
  });
});

describe('turn processor (in-process, no HTTP)', () => {
  it('welcomes a first message in the language of the activity locale and remembers it', async () => {
    expect(await texts(activity())).toEqual(['Bonjour ! Choisissez une langue.']);
    const items = await stored();
    expect(items[keys.user]).toMatchObject({ lang: 'fr' });
    expect(items[keys.conversation]?.engine).toMatchObject({ stack: [{ dialog: 'welcome' }] });
  });

  it('falls back to DEFAULT_LANG for a locale the bot does not speak', async () => {
    expect(await texts(activity({ locale: 'th-TH' }))).toEqual(['Chào bạn! Chọn ngôn ngữ.']);
  });

  it('keeps the language tapped in the welcome for later turns, whatever the locale says', async () => {
    await texts(activity());
    expect(await texts(activity({ value: { choice: 'en' }, text: 'English' }))).toEqual(['Menu. Call 111.']);
    expect(await texts(activity({ locale: 'vi-VN', text: 'ok' }))).toEqual(['Message number 1.']);
    expect((await stored())[keys.user]).toMatchObject({ lang: 'en' });
  });

  it('switches language when a message is confidently in another one, says so, then answers', async () => {
    await texts(activity());
    await texts(activity({ value: { choice: 'vi' } }));
    expect(await texts(activity({ text: 'hello, can you help' }))).toEqual([
      'I will reply in English from now on. To go back to Tiếng Việt, type “Tiếng Việt”.',
      'Message number 1.',
    ]);
    expect((await stored())[keys.user]).toMatchObject({ lang: 'en' });
  });

  it('apologises once in the user language after a failing turn, resets the dialog, keeps the language', async () => {
    await texts(activity());
    await texts(activity({ value: { choice: 'fr' } }));
    await texts(activity({ text: 'un' }));
    expect(await texts(activity({ text: 'boom' }))).toEqual([system.fr.apology]);
    const items = await stored();
    expect(items[keys.conversation]?.engine).toMatchObject({ stack: [] });
    expect(items[keys.user]).toMatchObject({ lang: 'fr' });
    expect(logs.entries().at(-1)).toMatchObject({ msg: 'turn', error: 'TypeError', lang: 'fr' });
    expect(await texts(activity({ text: 'encore' }))).toEqual(['Message numéro 1.']);
  });

  it('deletes the conversation and user state on delete_data, then still answers', async () => {
    await texts(activity());
    await texts(activity({ value: { choice: 'en' } }));
    expect(await texts(activity({ text: 'delete' }))).toEqual(['Deleted.']);
    expect(Object.keys(await stored())).toEqual([]);
  });

  it('says "temporarily unavailable" while content is not loaded, and writes nothing', async () => {
    runtime = null;
    expect(await texts(activity())).toEqual([system.fr.unavailable]);
    expect(Object.keys(await stored())).toEqual([]);
  });

  it('says "temporarily unavailable" and keeps the saved position when shared storage is down', async () => {
    await texts(activity());
    const before = (await stored())[keys.conversation]?.engine;
    const write = store.write;
    store.write = async () => {
      throw new StorageUnavailableError({ backend: 'Redis storage', where: 'state write', problem: 'no answer', fix: 'start Redis', cause: new Error('timeout') });
    };
    expect(await texts(activity({ value: { choice: 'en' } }))).toEqual([system.fr.unavailable]);
    store.write = write;
    expect((await stored())[keys.conversation]?.engine).toEqual(before);
  });

  it('says "temporarily unavailable" and keeps the saved position when the database turned read-only', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'thinkfirst-turn-ro-')), 'state.db');
    const writable = createSqliteStore(file);
    const turns = (target: StateStore) => createTurnProcessor({ getRuntime: () => runtime, advance: advanceFixture, store: target, logger: logs.logger, defaultLang: 'vi', system, ids });
    await turns(writable).processActivity(activity());
    await writable.close();
    const readOnly = createSqliteStore(file, { readonly: true });
    const replies = (await turns(readOnly).processActivity(activity({ value: { choice: 'en' } }))).replies.map((r) => r.text);
    expect(replies).toEqual([system.fr.unavailable]);
    expect((await readOnly.read([keys.conversation]))[keys.conversation]?.engine).toMatchObject({ stack: [{ dialog: 'welcome' }] });
    expect(logs.entries().at(-1)).toMatchObject({ msg: 'turn', error: 'StorageReadOnlyError', cause: 'StorageReadOnlyError < SqliteError SQLITE_READONLY' });
    await readOnly.close();
    rmSync(dirname(file), { recursive: true, force: true });
  });

  it('says the rate-limit notice in the user stored language', async () => {
    await texts(activity());
    await texts(activity({ value: { choice: 'en' } }));
    const replies = await processor.renderSystemReply(activity({ locale: 'vi-VN' }), 'rate_limited');
    expect(replies.map((r) => r.text)).toEqual([system.en.rate_limited]);
  });

  it('apologises when storage fails', async () => {
    store.read = async () => {
      throw new Error('disk on fire');
    };
    expect(await texts(activity())).toEqual([system.fr.apology]);
  });

  it('hands the engine events to the analytics hook with the language, and survives a failing hook', async () => {
    await texts(activity());
    expect(events).toEqual([[[{ type: 'dialog_started', dialog: 'welcome' }], 'fr']]);
    processor = createTurnProcessor({
      getRuntime: () => runtime, advance: advanceFixture, store, logger: logs.logger, defaultLang: 'vi', system, ids,
      onEvents: () => { throw new Error('analytics down'); },
    });
    expect(await texts(activity({ value: { choice: 'en' } }))).toEqual(['Menu. Call 111.']);
  });

  it('ignores activities it does not handle, without reading or writing state', async () => {
    store.read = async () => {
      throw new Error('must not be read');
    };
    for (const type of ['typing', 'event', 'messageReaction', 'invoke']) {
      expect((await processor.processActivity(activity({ type }))).replies).toEqual([]);
    }
    expect((await processor.processActivity(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'bot' }] }))).replies).toEqual([]);
  });

  it('logs one line per turn with dialog, step, language and timing, never text, names or raw ids', async () => {
    await texts(activity({ text: 'my secret canary text' }));
    const turnLines = logs.entries().filter((e) => e.msg === 'turn');
    expect(turnLines).toHaveLength(1);
    expect(turnLines[0]).toMatchObject({ dialog: 'welcome', step: 'intro', lang: 'fr', channel: 'test' });
    expect(typeof turnLines[0]?.ms).toBe('number');
    const all = logs.lines().join('\n');
    for (const secret of ['canary', 'conv-secret-id', 'user-secret-id', 'Nguyen']) expect(all).not.toContain(secret);
  });
});
