/**
 * Privacy of pasted offers (issue 12, section 5; issue 16): the words of an ad are shown
 * back to the user in the turn it is scanned, and never stored. The conversation state in
 * a real SQLite file keeps only the risk and the flag ids, through the whole report and
 * its "All signs" button. Canary strings are placed in every flag's evidence.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/script/load-runtime';
import { getStateKeys } from '../../src/channel/state-keys';
import { createIdHasher } from '../../src/log/hash-id';
import { loadSystemTexts } from '../../src/channel/system-texts';
import { createTurnProcessor, type TurnProcessor } from '../../src/channel/turn-processor';
import type { InboundActivity } from '../../src/channel/types';
import type { Runtime } from '../../src/script/runtime';
import { advance } from '../../src/engine/advance';
import { createStore } from '../../src/storage/create-store';
import type { StateStore } from '../../src/storage/types';
import { captureLogs } from '../helpers/capture-logs';

const ROOT = join(import.meta.dirname, '..', '..');
// A scam ad whose every red flag sits on a canary word ("Zorblat", "Quixmo", ...).
const AD =
  'TUYỂN GẤP Zorblat nhân viên chăm sóc khách hàng tại Campuchia Quixmo, lương 40 triệu/tháng, ' +
  'không cần kinh nghiệm Vexlor, công ty bao vé máy bay Plimtok. Đóng phí hồ sơ 3 triệu Grunzel. ' +
  'Liên hệ Telegram @zorblat_quixmo. Đừng nói với gia đình Yandrop.';
const CANARIES = ['Zorblat', 'Quixmo', 'Vexlor', 'Plimtok', 'Grunzel', 'Yandrop', 'zorblat_quixmo', 'bao vé máy bay', 'phí hồ sơ', 'Campuchia'];

let dir: string;
let store: StateStore;
let processor: TurnProcessor;
let runtime: Runtime;

const activity = (overrides: Partial<InboundActivity>): InboundActivity => ({
  type: 'message',
  id: `a-${Math.random()}`,
  channelId: 'webchat',
  conversation: { id: 'privacy-conv' } as InboundActivity['conversation'],
  from: { id: 'privacy-user', name: 'user' },
  recipient: { id: 'bot', name: 'bot' },
  locale: 'vi-VN',
  ...overrides,
});
const send = async (overrides: Partial<InboundActivity>) => (await processor.processActivity(activity(overrides))).replies;
const ids = createIdHasher('privacy-test-secret-sixteen');
const keys = getStateKeys(activity({}), ids);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thinkfirst-privacy-'));
  store = await createStore(`sqlite:${join(dir, 'state.db')}`);
  const loaded = loadRuntime(ROOT);
  runtime = loaded.runtime!;
  processor = createTurnProcessor({
    getRuntime: () => runtime,
    advance,
    store,
    ids,
    logger: captureLogs().logger,
    defaultLang: 'vi',
    system: loadSystemTexts(ROOT),
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Everything stored about the conversation and the user, as text, plus the raw database file. */
async function storedText(): Promise<string> {
  const items = await store.read([keys.conversation, keys.user]);
  const files = ['state.db', 'state.db-wal'].map((f) => {
    try {
      return readFileSync(join(dir, f)).toString('utf8');
    } catch {
      return '';
    }
  });
  return JSON.stringify(items) + files.join('');
}

describe('a pasted ad leaves no words in the stored state', () => {
  it('quotes the ad in the report, but stores only the risk and the flag ids', async () => {
    await send({ text: 'xin chào' });
    await send({ value: { choice: 'vi' }, text: 'Tiếng Việt' });
    const replies = await send({ text: AD });
    const shown = replies.map((r) => r.text ?? '').join('\n');
    // The user sees the evidence (this turn only).
    expect(CANARIES.some((c) => shown.includes(c))).toBe(true);
    const report = replies.filter((r) => r.type === 'message');
    expect(report.length).toBeLessThanOrEqual(4);

    const stored = await storedText();
    for (const canary of CANARIES) expect(stored, canary).not.toContain(canary);
    const items = await store.read([keys.conversation]);
    const scan = (items[keys.conversation] as { engine?: { scan?: unknown } }).engine?.scan;
    expect(scan).toMatchObject({ risk: 'high' });
    expect(Object.keys(scan as object).sort()).toEqual(['flags', 'risk']);
  });

  it('explains every sign on "All signs" from the ids alone, and still stores no words of the ad', async () => {
    const replies = await send({ value: { choice: 'all' }, text: 'Cả dấu hiệu' });
    const shown = replies.map((r) => r.text ?? '').join('\n');
    expect(shown).toContain('•');
    for (const canary of CANARIES.slice(0, 7)) expect(shown, canary).not.toContain(canary);
    const stored = await storedText();
    for (const canary of CANARIES) expect(stored, canary).not.toContain(canary);
  });
});
