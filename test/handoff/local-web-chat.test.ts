/**
 * The hand-off from the local web chat (/chat, local Direct Line): a counsellor's reply and the
 * closing notice reach the conversation's buffer through the adapter, as proactive messages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { readLocaleText } from '../chat/locale-text';
import { runStaffCli, signIn } from '../staff/staff-helpers';
import { startHandoffBot, type HandoffBot } from './handoff-bot';

const PASSWORD = 'counsellor pass phrase';
let dir: string;
let bot: HandoffBot;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tf-handoff-dl-'));
  await runStaffCli(['add', 'anna'], { STORAGE_URL: `sqlite:${join(dir, 'bot.db')}` }, `${PASSWORD}\n`);
  bot = await startHandoffBot({ store: createSqliteStore(join(dir, 'bot.db')) });
}, 60_000);

afterAll(async () => {
  await bot?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hand-off from the local web chat', () => {
  it('delivers the counsellor reply and the closing notice into the web chat conversation', async () => {
    const base = `${bot.url}/v3/directline`;
    const started = (await (await fetch(`${base}/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'en-US' }) })).json()) as { conversationId: string; token: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${started.token}` };
    const post = (body: Record<string, unknown>) => fetch(`${base}/conversations/${started.conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', from: { id: 'web-user' }, locale: 'en-US', ...body }) });
    const texts = async () => {
      const page = (await (await fetch(`${base}/conversations/${started.conversationId}/activities?watermark=0`, { headers })).json()) as { activities: { from: { id: string }; text?: string }[] };
      return page.activities.filter((a) => a.from.id !== 'web-user').map((a) => a.text ?? '');
    };
    await post({ text: 'I want to talk to a person' });
    await post({ text: 'Yes, connect me', value: { choice: 'yes' } });
    expect((await texts()).at(-1)).toBe(readLocaleText('en', 'handoff:notices.waiting'));

    const anna = await signIn(bot.url, 'anna', PASSWORD);
    const id = (await anna.call('/staff/api/handoffs')).body.handoffs[0].id;
    const reply = await anna.call(`/staff/api/handoffs/${id}/messages`, { method: 'POST', body: { text: 'Hello from Anna' } });
    expect(reply.body.message.delivery).toBe('delivered');
    expect((await texts()).at(-1)).toBe('Hello from Anna');
    await anna.call(`/staff/api/handoffs/${id}/close`, { method: 'POST' });
    expect((await texts()).slice(-2)).toEqual([readLocaleText('en', 'handoff:notices.ended_by_counsellor'), readLocaleText('en', 'menu:intro.text')]);
  });
});
