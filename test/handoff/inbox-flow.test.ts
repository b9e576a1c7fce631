/**
 * The whole hand-off through HTTP, as a counsellor and a user live it: real CloudAdapter, real
 * SQLite, a fake channel receiving the proactive messages. Consent, waiting, user messages
 * routed to the counsellor with the bot silent, reply, CSRF, close, the bot back at the menu.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { readLocaleText } from '../chat/locale-text';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { runStaffCli, signIn, type StaffClient } from '../staff/staff-helpers';
import { startHandoffBot, type HandoffBot } from './handoff-bot';
import { createUser, startConsentedUser } from './user-client';

const PASSWORD = 'counsellor pass phrase';
const CANARY = 'canary-7f3a my boss is very strict';
let dir: string;
let bot: HandoffBot;
let channel: FakeChannel;
let anna: StaffClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tf-handoff-'));
  const env = { STORAGE_URL: `sqlite:${join(dir, 'bot.db')}` };
  await runStaffCli(['add', 'anna'], env, `${PASSWORD}\n`);
  await runStaffCli(['add', 'marc', '--role', 'manager'], env, `${PASSWORD}\n`);
  channel = await startFakeChannel();
  bot = await startHandoffBot({ store: createSqliteStore(join(dir, 'bot.db')) });
  anna = await signIn(bot.url, 'anna', PASSWORD);
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await channel?.close();
  rmSync(dir, { recursive: true, force: true });
});

const en = (key: string) => readLocaleText('en', key);

describe('hand-off to a counsellor through the inbox', () => {
  it('asks for consent first; "no" passes nothing on and shows the menu', async () => {
    const user = createUser(bot.messagesUrl, channel);
    await user.say('hello');
    const before = user.received().length;
    await user.say('I want to talk to a real person');
    const consent = user.received().slice(before);
    expect(consent[0]?.text).toBe(en('handoff:consent.text').replace('{{retention_days}}', '30'));
    const buttons = (consent.at(-1)?.suggestedActions as { actions: { title: string }[] }).actions.map((a) => a.title);
    expect(buttons).toEqual([en('handoff:consent.choices.yes'), en('handoff:consent.choices.no')]);
    await user.tap('no', 'No, thanks');
    expect(user.texts()).toContain(en('handoff:declined.text'));
    expect(user.texts()).toContain(en('menu:intro.text'));
    expect((await anna.call('/staff/api/handoffs')).body.handoffs.filter((h: { status: string }) => h.status !== 'closed')).toEqual([]);
  });

  it('routes the user to the counsellor with the bot silent, delivers replies, and resumes at the menu on close', async () => {
    const user = createUser(bot.messagesUrl, channel);
    await user.say('hello');
    await user.say('can i talk to a counsellor');
    await user.tap('yes', 'Yes, connect me');
    expect(user.texts().at(-1)).toBe(en('handoff:notices.waiting'));

    const listed = await anna.call('/staff/api/handoffs');
    const waiting = listed.body.handoffs.find((h: { status: string }) => h.status === 'waiting');
    expect(waiting).toMatchObject({ status: 'waiting', lang: 'en', assignedTo: null });
    expect(Object.keys(waiting).sort()).toEqual(['assignedTo', 'id', 'lang', 'lastMessageAt', 'startedAt', 'status']);

    const count = user.received().length;
    await user.say(CANARY);
    await user.say('what should I do');
    expect(user.received().length).toBe(count);
    const opened = await anna.call(`/staff/api/handoffs/${waiting.id}`);
    expect(opened.body.messages.map((m: { from: string; text: string }) => [m.from, m.text])).toEqual([['user', CANARY], ['user', 'what should I do']]);

    expect((await anna.call(`/staff/api/handoffs/${waiting.id}/messages`, { method: 'POST', body: { text: 'Hello, I am Anna.' }, csrf: false })).status).toBe(403);
    const reply = await anna.call(`/staff/api/handoffs/${waiting.id}/messages`, { method: 'POST', body: { text: 'Hello, I am Anna. Where are you now?' } });
    expect(reply.status).toBe(200);
    expect(reply.body.message).toMatchObject({ from: 'staff', delivery: 'delivered' });
    await user.waitFor(count + 1);
    expect(user.texts().at(-1)).toBe('Hello, I am Anna. Where are you now?');
    expect((await anna.call('/staff/api/handoffs')).body.handoffs.find((h: { id: string }) => h.id === waiting.id)).toMatchObject({ status: 'active', assignedTo: 'anna' });

    const manager = await signIn(bot.url, 'marc', PASSWORD);
    expect((await manager.call('/staff/api/handoffs')).status).toBe(403);

    const closed = await anna.call(`/staff/api/handoffs/${waiting.id}/close`, { method: 'POST' });
    expect(closed.body.handoff.status).toBe('closed');
    await user.waitFor(count + 3);
    expect(user.texts().slice(count + 1)).toEqual([en('handoff:notices.ended_by_counsellor'), en('menu:intro.text')]);
    const afterClose = user.received().length;
    await user.say('warning signs');
    expect(user.received().length).toBeGreaterThan(afterClose);
    expect((await anna.call(`/staff/api/handoffs/${waiting.id}/messages`, { method: 'POST', body: { text: 'late' } })).status).toBe(409);
  });

  it.each([
    ['vi-VN', 'vi', 'xin chào', 'cho em nói chuyện với người thật', 'có', 'dừng'],
    ['fr-FR', 'fr', 'bonjour', "je veux parler à quelqu'un", 'oui', 'stop'],
    ['en-US', 'en', 'hello', 'can I talk to a human please', 'yes', 'stop'],
  ])('works typed end to end in %s: request, typed consent, reply in the chat, typed stop', async (locale, lang, hello, ask, agree, stop) => {
    const user = createUser(bot.messagesUrl, channel, locale);
    await user.say(hello);
    await user.say(ask);
    expect(user.texts().at(-1)).toBe(readLocaleText(lang, 'handoff:consent.text').replace('{{retention_days}}', '30'));
    await user.say(agree);
    expect(user.texts().at(-1)).toBe(readLocaleText(lang, 'handoff:notices.waiting'));
    const handoff = (await anna.call('/staff/api/handoffs')).body.handoffs.find((h: { status: string; lang: string }) => h.status === 'waiting' && h.lang === lang);
    expect(handoff).toBeDefined();
    const count = user.received().length;
    await anna.call(`/staff/api/handoffs/${handoff.id}/messages`, { method: 'POST', body: { text: `reply in ${lang}` } });
    await user.waitFor(count + 1);
    await user.say(stop);
    expect(user.texts().slice(count + 1, count + 3)).toEqual([readLocaleText(lang, 'handoff:notices.ended_by_user'), readLocaleText(lang, 'menu:intro.text')]);
  });

  it('still gives the emergency numbers at once to danger text, and the counsellor sees it', async () => {
    const user = await startConsentedUser(bot.messagesUrl, channel);
    const count = user.received().length;
    await user.say('help they locked me in and took my passport');
    expect(user.texts().slice(count)).toEqual([en('handoff:notices.danger').replace('{{police_vn}}', '113').replace('{{hotline_vn}}', '111').replace('{{police_kh}}', '117').replace('{{mofa_hotline}}', '+84 981 84 84 84')]);
    const id = (await anna.call('/staff/api/handoffs')).body.handoffs.find((h: { status: string }) => h.status === 'waiting').id;
    const messages = (await anna.call(`/staff/api/handoffs/${id}`)).body.messages;
    expect(messages.map((m: { from: string }) => m.from)).toEqual(['user', 'bot']);
  });

  it('"stop" ends the hand-off: the bot is back at the menu and the inbox shows it closed', async () => {
    const user = await startConsentedUser(bot.messagesUrl, channel);
    const count = user.received().length;
    await user.say('stop');
    expect(user.texts().slice(count, count + 2)).toEqual([en('handoff:notices.ended_by_user'), en('menu:intro.text')]);
  });

  it('answers 401 under /staff/api without a session, 404 for unknown ids, 400 for empty replies', async () => {
    for (const path of ['/staff/api/handoffs', '/staff/api/handoffs/0123456789abcdef', '/staff/api/anything']) {
      expect((await fetch(`${bot.url}${path}`)).status).toBe(401);
    }
    const post = await fetch(`${bot.url}/staff/api/handoffs/0123456789abcdef/close`, { method: 'POST' });
    expect(post.status).toBe(401);
    expect((await anna.call('/staff/api/handoffs/0123456789abcdef')).status).toBe(404);
    const id = (await anna.call('/staff/api/handoffs')).body.handoffs[0].id;
    expect((await anna.call(`/staff/api/handoffs/${id}/messages`, { method: 'POST', body: { text: '  ' } })).status).toBe(400);
  });

  it('logs an audit line per view, reply and close with the name and a hashed conversation id, never the text', () => {
    const lines = bot.logs.lines();
    for (const action of ['view', 'reply', 'close']) {
      expect(lines.some((l) => l.includes(`"audit":"${action}"`) && l.includes('"staff":"anna"') && /"conv":"[0-9a-f]{16}"/.test(l))).toBe(true);
    }
    const all = lines.join('\n');
    expect(all).not.toContain('canary-7f3a');
    expect(all).not.toContain('Where are you now');
    expect(all).not.toContain('handoff-conv-');
  });
});
