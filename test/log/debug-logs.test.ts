/**
 * LOG_LEVEL=debug over the real HTTP server, the real content, NLU and scanner: the extra
 * lines say what an operator needs (stages and their timings, dialog, step, intent and its
 * score, language, wait and send times), and still never the text, names or raw ids a user
 * sent (canary strings in every field a user controls).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance } from '../../src/engine/advance';
import { loadRuntime } from '../../src/script/load-runtime';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { buildMessage, postJson } from '../helpers/http';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';

const CANARIES = ['CanaryConv7731', 'CanaryUser7731', 'Canary Nguyen Thi', 'canarytext7731', '0912777331'];
let bot: TestBot;
let channel: FakeChannel;

beforeAll(async () => {
  const loaded = loadRuntime(process.cwd());
  if (!loaded.runtime) throw new Error('content has errors: run npm run validate');
  const runtime = loaded.runtime;
  channel = await startFakeChannel();
  bot = await startTestBot({ runtime, advance });
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await channel?.close();
});

describe('debug log lines', () => {
  it('describe each turn and its delivery, with no text, name or raw id', async () => {
    const base = { conversation: { id: CANARIES[0] }, from: { id: CANARIES[1], name: CANARIES[2] } };
    const ad = `Tuyển gấp nhân viên canarytext7731 làm việc tại Campuchia, lương 2000 USD/tháng, bao vé máy bay, không cần kinh nghiệm, liên hệ Zalo ${CANARIES[4]}`;
    for (const text of ['hello', `I am ${CANARIES[2]}, canarytext7731 help me check a job`, ad]) {
      expect((await postJson(bot.messagesUrl, buildMessage(channel.url, { ...base, text }))).status).toBe(200);
    }
    const entries = bot.logs.entries();
    const stages = entries.filter((e) => e.msg === 'turn stages');
    expect(stages).toHaveLength(3);
    for (const line of stages) {
      expect(line).toMatchObject({ level: 20, dialog: expect.any(String), step: expect.any(String), lang: expect.stringMatching(/^(vi|fr|en)$/) });
      expect(Object.keys(line.stages as object)).toEqual(expect.arrayContaining(['load', 'compute', 'render', 'persist']));
    }
    expect(stages.some((line) => typeof line.intent === 'string' && typeof line.score === 'number')).toBe(true);
    const delivered = entries.filter((e) => e.msg === 'turn delivered');
    expect(delivered).toHaveLength(3);
    for (const line of delivered) expect(line).toMatchObject({ waitMs: expect.any(Number), turnMs: expect.any(Number), sendMs: expect.any(Number) });
    const all = bot.logs.lines().join('\n').toLowerCase();
    for (const canary of CANARIES) expect(all).not.toContain(canary.toLowerCase());
  });
});
