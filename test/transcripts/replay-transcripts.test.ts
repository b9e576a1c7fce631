/**
 * Every `.transcript` in this folder (Bot Framework Emulator format: a JSON array of
 * activities) is replayed against the real bot: the user's activities are sent in order and
 * the bot's messages compared on text and suggested actions. Drop a transcript saved from the
 * Emulator (or recorded with `npm run transcript -- --from-chat`) here to make it a test.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { langFromLocale } from '../../src/channel/user-language';
import { createLocalBot, loadLocalContent, type LoadedContent } from '../../src/chat/local-bot';
import { replayTranscript } from '../../src/chat/replay-transcript';
import { parseTranscript, readTranscript, type TranscriptActivity } from '../../src/chat/transcript-file';
import { readLocaleText, REPO_ROOT } from '../chat/locale-text';

const DIR = import.meta.dirname;
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.transcript')).sort();
const where = (name: string) => `test/transcripts/${name}`;

let shipped: LoadedContent;

async function replay(content: LoadedContent, activities: TranscriptActivity[], name: string) {
  const bot = createLocalBot(content);
  try {
    return await replayTranscript(activities, bot, where(name));
  } finally {
    await bot.close();
  }
}

beforeAll(() => {
  shipped = loadLocalContent(REPO_ROOT);
});

describe('Emulator transcripts', () => {
  it.each(FILES)('%s replays against the bot', async (name) => {
    const result = await replay(shipped, readTranscript(join(DIR, name)), name);
    expect(result.report).toBe('');
    expect(result.ok).toBe(true);
    expect(result.turns).toBeGreaterThan(2);
  });

  // The examples in docs/ show real replies: they must not drift from the content.
  const DOCS = join(REPO_ROOT, 'docs/transcripts');
  const DOC_FILES = readdirSync(DOCS).filter((name) => name.endsWith('.transcript')).sort();
  it.each(DOC_FILES)('docs/transcripts/%s replays against the bot', async (name) => {
    const result = await replay(shipped, readTranscript(join(DOCS, name)), name);
    expect(result.report).toBe('');
    expect(result.ok).toBe(true);
    expect(result.turns).toBeGreaterThan(2);
  });

  it('ships at least one transcript per language', () => {
    const langs = new Set(FILES.map((name) => langFromLocale(readTranscript(join(DIR, name)).find((a) => a.locale)?.locale)));
    expect([...langs].sort()).toEqual(['en', 'fr', 'vi']);
  });

  it('ignores typing, trace and volatile fields (ids, timestamps, service URL, conversation id)', async () => {
    const name = FILES.find((file) => file.startsWith('en-'))!;
    const original = readTranscript(join(DIR, name));
    const noisy = original.flatMap((activity, index): TranscriptActivity[] => {
      const changed = { ...activity, id: `other-${index}`, timestamp: '2020-01-01T00:00:00.000Z', serviceUrl: 'http://localhost:9', conversation: { id: 'another-conversation' } };
      if (changed.from?.role !== 'bot') return [changed];
      return [{ type: 'typing', from: changed.from }, { type: 'trace', name: 'TurnTrace', from: changed.from, value: {} }, changed];
    });
    const result = await replay(shipped, noisy, name);
    expect(result.report).toBe('');
  });

  it('rejects a file that is not a transcript, naming the file and the activity', () => {
    expect(() => parseTranscript('{"type":"message"}', 'x.transcript')).toThrow(/x\.transcript: expected a JSON array/);
    expect(() => parseTranscript('[{"type":"message"},{"text":"hi"}]', 'x.transcript')).toThrow(/x\.transcript: activity #1 has no 'type'/);
    expect(() => parseTranscript('[', 'x.transcript')).toThrow(/x\.transcript: not valid JSON/);
  });
});

describe('a locale edit', () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'thinkfirst-transcript-'));
    for (const folder of ['dialogs', 'locales']) cpSync(join(REPO_ROOT, folder), join(copy, folder), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('makes the matching transcript fail with a readable diff', async () => {
    const file = join(copy, 'locales', 'en', 'menu.json');
    const before = readLocaleText('en', 'menu:intro.text');
    const after = 'What do you want to do today? Tap a topic.';
    const menu = JSON.parse(readFileSync(file, 'utf8')) as { intro: { text: string } };
    menu.intro.text = after;
    writeFileSync(file, JSON.stringify(menu, null, 2));

    const name = FILES.find((f) => f.startsWith('en-'))!;
    const result = await replay(loadLocalContent(copy), readTranscript(join(DIR, name)), name);
    expect(result.ok).toBe(false);
    expect(result.report).toContain(`${where(name)}: activity #`);
    expect(result.report).toMatch(/bot reply \d+ to the user's "English" \(#\d+\)\) differs:/);
    expect(result.report).toContain(`- expected: ${JSON.stringify(before)}`);
    expect(result.report).toContain(`+ actual:   ${JSON.stringify(after)}`);
  });
});
