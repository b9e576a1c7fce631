/**
 * The local Direct Line over real HTTP: the real bot server (local mode), the shipped content,
 * NLU and engine; conversations started, activities posted and polled with a watermark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/script/load-runtime';
import type { Runtime } from '../../src/script/runtime';
import { advance } from '../../src/engine/advance';
import { readLocaleText, REPO_ROOT } from '../chat/locale-text';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';

interface Started { conversationId: string; token: string; expires_in: number }
interface DlActivity {
  id: string;
  type: string;
  text?: string;
  channelId?: string;
  from: { id: string; role?: string };
  channelData?: Record<string, unknown>;
  suggestedActions?: { actions: { title: string }[] };
}
interface Page { activities: DlActivity[]; watermark: string }

let runtime: Runtime;
let bot: TestBot;
let base: string;

async function start(body: unknown = { locale: 'fr-FR' }): Promise<Started> {
  const res = await fetch(`${base}/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return (await res.json()) as Started;
}

async function post(conv: Started, body: unknown, token = conv.token): Promise<Response> {
  return fetch(`${base}/conversations/${conv.conversationId}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function poll(conv: Started, watermark = ''): Promise<Page> {
  const res = await fetch(`${base}/conversations/${conv.conversationId}/activities?watermark=${watermark}`, { headers: { authorization: `Bearer ${conv.token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

beforeAll(async () => {
  const loaded = loadRuntime(REPO_ROOT);
  if (!loaded.runtime) throw new Error('shipped content has errors: run npm run validate');
  runtime = loaded.runtime;
  bot = await startTestBot({ runtime, advance });
  base = `${bot.url}/v3/directline`;
});

afterAll(async () => {
  await bot?.close();
});

describe('local Direct Line', () => {
  it('starts a conversation with the welcome in the locale language, as buttons', async () => {
    const conv = await start({ locale: 'fr-FR', user: { id: 'tester-1' } });
    expect(conv.conversationId).toMatch(/\S/);
    expect(conv.token).toMatch(/\S{20,}/);
    const page = await poll(conv);
    const welcome = page.activities[0]!;
    expect(welcome.text).toBe(readLocaleText('fr', 'welcome:intro.text'));
    expect(welcome.from).toMatchObject({ role: 'bot' });
    expect(welcome.channelId).toBe('directline');
    expect(welcome.suggestedActions?.actions.map((a) => a.title)).toEqual(['Tiếng Việt', 'Français', 'English']);
    expect(Number(page.watermark)).toBe(page.activities.length);
  });

  it('runs a button tap through the bot and returns the echo then the replies after the watermark', async () => {
    const conv = await start();
    const first = await poll(conv);
    const res = await post(conv, { type: 'message', text: 'English', value: { choice: 'en' }, from: { id: 'spoofed' }, channelData: { clientActivityID: 'c-1' } });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const page = await poll(conv, first.watermark);
    const [echo, ...replies] = page.activities;
    expect(echo).toMatchObject({ id, type: 'message', text: 'English', from: { role: 'user' }, channelData: { clientActivityID: 'c-1' } });
    expect(echo!.from.id).not.toBe('spoofed');
    const menu = replies.find((a) => a.suggestedActions);
    expect(menu?.text).toBe(readLocaleText('en', 'menu:intro.text'));
    expect(menu?.suggestedActions?.actions.map((a) => a.title)).toContain(readLocaleText('en', 'menu:intro.choices.check_offer'));
    expect(Number(page.watermark)).toBeGreaterThan(Number(first.watermark));
    expect((await poll(conv, page.watermark)).activities).toEqual([]);
  });

  it('answers typed text in the language the user writes', async () => {
    const conv = await start({ locale: 'en-US' });
    const first = await poll(conv);
    await post(conv, { type: 'message', text: 'Tiếng Việt' });
    const page = await poll(conv, first.watermark);
    expect(page.activities.map((a) => a.text)).toContain(readLocaleText('vi', 'menu:intro.text'));
  });

  it('refuses unknown conversations (404), wrong tokens (403), bad bodies and watermarks (400), and keeps serving', async () => {
    const conv = await start();
    const unknown = { ...conv, conversationId: 'no-such-conversation' };
    expect((await post(unknown, { type: 'message', text: 'hi' })).status).toBe(404);
    expect((await fetch(`${base}/conversations/no-such-conversation/activities`, { headers: { authorization: `Bearer ${conv.token}` } })).status).toBe(404);
    expect((await post(conv, { type: 'message', text: 'hi' }, 'wrong-token')).status).toBe(403);
    for (const body of ['{not json', '[]', '"text"', JSON.stringify({ type: 5 }), JSON.stringify({ type: 'message', text: 42 }), JSON.stringify({ text: 'no type' })]) {
      expect((await post(conv, body)).status, body).toBe(400);
    }
    const badWatermark = await fetch(`${base}/conversations/${conv.conversationId}/activities?watermark=-3`, { headers: { authorization: `Bearer ${conv.token}` } });
    expect(badWatermark.status).toBe(400);
    expect((await post(conv, 'x'.repeat(40_000))).status).toBe(413);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const page = await poll(conv);
    expect(page.activities.length).toBeGreaterThan(0);
  });

  it('refreshes and reconnects with the conversation token only', async () => {
    const conv = await start();
    const refreshed = await fetch(`${base}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${conv.token}` } });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ conversationId: conv.conversationId, token: conv.token });
    expect((await fetch(`${base}/tokens/refresh`, { method: 'POST', headers: { authorization: 'Bearer nope' } })).status).toBe(403);
    const reconnect = await fetch(`${base}/conversations/${conv.conversationId}?watermark=0`, { headers: { authorization: `Bearer ${conv.token}` } });
    expect(await reconnect.json()).toMatchObject({ conversationId: conv.conversationId });
  });

  it('never logs what the user typed', async () => {
    const conv = await start();
    await post(conv, { type: 'message', text: 'my secret phrase Nguyen Van B' });
    expect(bot.logs.lines().join('\n')).not.toContain('Nguyen Van B');
    expect(bot.logs.lines().join('\n')).not.toContain(conv.conversationId);
  });
});

describe('outside local mode', () => {
  it('serves neither /chat nor /v3/directline when the bot has a Microsoft App ID', async () => {
    const remote = await startTestBot({ runtime, advance, auth: { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' } });
    try {
      expect((await fetch(`${remote.url}/chat`)).status).toBe(404);
      expect((await fetch(`${remote.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    } finally {
      await remote.close();
    }
    expect((await fetch(`${bot.url}/chat`)).status).toBe(200);
  });
});
