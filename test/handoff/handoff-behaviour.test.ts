/**
 * The hand-off's edges through HTTP with real SQLite: the protocol mode's events, waiting too
 * long, outside the hours, a channel refusing the counsellor's message, "delete my data",
 * and a restart of the bot in the middle of a hand-off.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventFactory } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHandoffInitiation } from '../../src/handoff/protocol-event';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { readLocaleText } from '../chat/locale-text';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { runStaffCli, signIn } from '../staff/staff-helpers';
import { startHandoffBot, type HandoffBot, type HandoffBotOptions } from './handoff-bot';
import { createUser, startConsentedUser } from './user-client';

const PASSWORD = 'counsellor pass phrase';
const en = (key: string) => readLocaleText('en', key);
let dir: string;
let channel: FakeChannel;
const bots: HandoffBot[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tf-handoff-edges-'));
  channel = await startFakeChannel();
});

afterAll(async () => {
  for (const bot of bots) await bot.close().catch(() => undefined);
  await channel?.close();
  rmSync(dir, { recursive: true, force: true });
});

let dbCount = 0;
async function start(options: Partial<HandoffBotOptions> = {}, file = join(dir, `bot-${++dbCount}.db`)): Promise<HandoffBot & { file: string }> {
  await runStaffCli(['add', 'anna'], { STORAGE_URL: `sqlite:${file}` }, `${PASSWORD}\n`);
  const bot = await startHandoffBot({ store: createSqliteStore(file), ...options });
  bots.push(bot);
  return Object.assign(bot, { file });
}

function consent(bot: HandoffBot) {
  return startConsentedUser(bot.messagesUrl, channel);
}

describe('HANDOFF_MODE=protocol', () => {
  it('sends handoff.initiate in the EventFactory shape, stays silent while accepted, resumes on completed', async () => {
    const bot = await start({ mode: 'protocol' });
    const user = await consent(bot);
    const event = channel.posts.filter((p) => p.conversationId === user.conversationId && p.activity.type === 'event').at(-1)?.activity;
    expect(event).toMatchObject({ type: 'event', name: 'handoff.initiate', value: { lang: 'en', consent: true } });
    expect(event).toMatchObject({ relatesTo: { conversation: { id: user.conversationId }, channelId: 'emulator' }, attachments: [] });
    // Built by the bot with every field EventFactory.createHandoffInitiation sets (the channel post drops `id`).
    const consentActivity = { type: 'message', id: 'a1', channelId: 'emulator', serviceUrl: channel.url, locale: 'en-US', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'b1' } };
    const ours = buildHandoffInitiation(consentActivity, 'en');
    const sdk = EventFactory.createHandoffInitiation({ activity: consentActivity } as never, { lang: 'en', consent: true, source: 'thinkfirst' });
    expect(Object.keys(ours).sort()).toEqual(Object.keys(sdk).sort());
    expect({ ...ours, id: '', timestamp: '' }).toEqual({ ...JSON.parse(JSON.stringify(sdk)), id: '', timestamp: '' });
    expect(user.texts().at(-1)).toBe(en('handoff:notices.waiting'));

    expect((await user.send({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } })).status).toBe(200);
    const count = user.received().length;
    await user.say('hello, is someone there?');
    expect(user.received().length).toBe(count);
    expect((await user.send({ type: 'event', name: 'handoff.status', value: { state: 'bogus' } })).status).toBe(200);
    await user.send({ type: 'event', name: 'handoff.status', value: { state: 'completed' } });
    expect(user.texts().slice(count)).toEqual([en('handoff:notices.ended_by_counsellor'), en('menu:intro.text')]);
    expect(bot.events).toContainEqual({ type: 'step_reached', dialog: 'handoff', step: 'picked_up' });
  });

  it('on failed: the hotline numbers, then the menu', async () => {
    const bot = bots.find((b) => b.service.mode === 'protocol')!;
    const user = await consent(bot);
    const count = user.received().length;
    await user.send({ type: 'event', name: 'handoff.status', value: { state: 'failed', message: 'no agents' } });
    expect(user.texts()[count]).toContain('111');
    expect(user.texts().slice(count + 1)).toEqual([en('menu:intro.text')]);
  });
});

describe('waiting, hours and delivery', () => {
  it('tells a user waiting longer than HANDOFF_WAIT_MS where to call, once, and lets them keep waiting', async () => {
    const bot = await start({ waitMs: 300 });
    const user = await consent(bot);
    const count = user.received().length;
    const [notice] = (await user.waitFor(count + 1, 5_000)).slice(count);
    expect(notice?.text).toContain('111');
    expect((notice?.suggestedActions as { actions: { title: string }[] }).actions.map((a) => a.title)).toEqual([en('handoff:notices.choices.keep_waiting'), en('handoff:notices.choices.back_to_bot')]);
    await user.tap('keep_waiting');
    expect(user.texts().at(-1)).toBe(en('handoff:notices.still_waiting'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(user.texts().filter((t) => t === notice?.text)).toHaveLength(1);
  });

  it('outside HANDOFF_HOURS hides the offer, and a request gets the numbers at once', async () => {
    const now = new Date();
    const closedDay = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][(now.getUTCDay() + 3) % 7];
    const bot = await start({ hours: `${closedDay} 10:00-11:00; UTC` });
    const user = createUser(bot.messagesUrl, channel);
    await user.say('hello');
    await user.say('menu');
    const menu = user.received().at(-1)?.suggestedActions as { actions: { title: string }[] };
    expect(menu.actions.map((a) => a.title)).not.toContain(readLocaleText('en', 'menu:intro.choices.talk_to_human'));
    await user.say('I want to talk to a person');
    await user.tap('yes');
    expect(user.texts().at(-1)).toContain('111');
    expect(user.texts().at(-1)).toBe(en('handoff:notices.closed_hours').replace('{{police_vn}}', '113').replace('{{hotline_vn}}', '111').replace('{{mofa_hotline}}', '+84 981 84 84 84'));
  });

  it('marks a reply "failed" after bounded retries when the channel answers 500', async () => {
    let hits = 0;
    const failing: Server = createServer((req, res) => {
      req.resume();
      hits += 1;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    const bot = await start();
    const user = createUser(bot.messagesUrl, channel);
    await user.say('hello');
    await user.say('I want to talk to a person');
    await user.send({ serviceUrl: failingUrl, text: 'yes', value: { choice: 'yes' } });
    const anna = await signIn(bot.url, 'anna', PASSWORD);
    const id = (await anna.call('/staff/api/handoffs')).body.handoffs[0].id;
    const before = hits;
    const reply = await anna.call(`/staff/api/handoffs/${id}/messages`, { method: 'POST', body: { text: 'Are you there?' } });
    expect(reply.body.message.delivery).toBe('failed');
    expect(hits - before).toBeGreaterThanOrEqual(3);
    expect((await anna.call(`/staff/api/handoffs/${id}`)).body.messages.at(-1)).toMatchObject({ from: 'staff', delivery: 'failed' });
    failing.closeAllConnections();
    failing.close();
  });
});

describe('privacy and restarts', () => {
  it('"delete my data" while with a counsellor removes the hand-off and its messages', async () => {
    const bot = await start();
    const user = await consent(bot);
    await user.say('canary-91c my name is Lan');
    const anna = await signIn(bot.url, 'anna', PASSWORD);
    const id = (await anna.call('/staff/api/handoffs')).body.handoffs.find((h: { status: string }) => h.status === 'waiting').id;
    await user.say('delete my data');
    expect(user.texts().at(-1)).toContain(en('delete-data:confirm.question').slice(0, 20));
    await user.tap('yes');
    expect((await anna.call(`/staff/api/handoffs/${id}`)).status).toBe(404);
    expect((await anna.call('/staff/api/handoffs')).body.handoffs.map((h: { id: string }) => h.id)).not.toContain(id);
  });

  it('survives a restart: the counsellor answers after the bot restarted, and the user is still routed to them', async () => {
    const first = await start();
    const user = await consent(first);
    await user.say('message before the restart');
    await first.close();
    const second = await start({}, first.file);
    const anna = await signIn(second.url, 'anna', PASSWORD);
    const handoff = (await anna.call('/staff/api/handoffs')).body.handoffs.find((h: { status: string }) => h.status === 'waiting');
    expect((await anna.call(`/staff/api/handoffs/${handoff.id}`)).body.messages.map((m: { text: string }) => m.text)).toEqual(['message before the restart']);
    const count = user.received().length;
    await fetch(second.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', id: `r-${Date.now()}`, channelId: 'emulator', serviceUrl: channel.url, locale: 'en-US', from: { id: 'x', name: 'User' }, recipient: { id: 'bot-1' }, conversation: { id: user.conversationId }, text: 'are you still reading this?' }) });
    expect(user.received().length).toBe(count);
    await anna.call(`/staff/api/handoffs/${handoff.id}/messages`, { method: 'POST', body: { text: 'Hello after the restart' } });
    await user.waitFor(count + 1);
    expect(user.texts().at(-1)).toBe('Hello after the restart');
  });
});
