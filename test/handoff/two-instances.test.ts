/**
 * Two bot instances on the shared Redis (own key prefix): the user talks to instance A, the
 * counsellor works on instance B; replies sent at the same moment from A and B reach the user
 * once each, in the order they were stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisConnection, waitForRedis } from '../../src/storage/redis-connection';
import { createRedisTurnGate } from '../../src/storage/redis-gate';
import { RedisStateStore } from '../../src/storage/redis-store';
import { readLocaleText } from '../chat/locale-text';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { createTestPrefix, deleteTestKeys, SHARED_REDIS_URL } from '../../testkit/private-redis';
import { signIn } from '../staff/staff-helpers';
import { saveAccount } from '../../src/staff/account-store';
import { hashPassword } from '../../src/staff/password-hash';
import { startHandoffBot, type HandoffBot } from './handoff-bot';
import { createUser } from './user-client';

const prefix = createTestPrefix('handoff');
const PASSWORD = 'counsellor pass phrase';
let channel: FakeChannel;
let a: HandoffBot;
let b: HandoffBot;

async function startInstance(): Promise<HandoffBot> {
  const client = openRedisConnection({ url: SHARED_REDIS_URL });
  await waitForRedis(client, 3000);
  const store = new RedisStateStore(client, { prefix });
  return startHandoffBot({ store, gate: createRedisTurnGate(SHARED_REDIS_URL, { keyPrefix: prefix }) });
}

beforeAll(async () => {
  channel = await startFakeChannel();
  a = await startInstance();
  b = await startInstance();
  const client = openRedisConnection({ url: SHARED_REDIS_URL });
  await waitForRedis(client, 3000);
  const store = new RedisStateStore(client, { prefix });
  await saveAccount(store, 'anna', ['counsellor'], await hashPassword(PASSWORD));
  await saveAccount(store, 'binh', ['counsellor'], await hashPassword(PASSWORD));
  await store.close();
}, 60_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await channel?.close();
  await deleteTestKeys(prefix);
});

describe('hand-off across two instances on Redis', () => {
  it('shows a message sent to A to a counsellor on B; replies from A and B arrive once, in order', async () => {
    const user = createUser(a.messagesUrl, channel);
    await user.say('hello');
    await user.say('I want to talk to a person');
    await user.tap('yes');
    await user.say('message one, sent to instance A');

    const anna = await signIn(b.url, 'anna', PASSWORD);
    const binh = await signIn(a.url, 'binh', PASSWORD);
    const waiting = (await anna.call('/staff/api/handoffs')).body.handoffs.find((h: { status: string }) => h.status === 'waiting');
    expect((await anna.call(`/staff/api/handoffs/${waiting.id}`)).body.messages.map((m: { text: string }) => m.text)).toEqual(['message one, sent to instance A']);

    const count = user.received().length;
    const sent = await Promise.all([
      anna.call(`/staff/api/handoffs/${waiting.id}/messages`, { method: 'POST', body: { text: 'reply from B' } }),
      binh.call(`/staff/api/handoffs/${waiting.id}/messages`, { method: 'POST', body: { text: 'reply from A' } }),
    ]);
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
    await user.waitFor(count + 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stored = (await anna.call(`/staff/api/handoffs/${waiting.id}`)).body.messages.filter((m: { from: string }) => m.from === 'staff');
    expect(stored.map((m: { delivery: string }) => m.delivery)).toEqual(['delivered', 'delivered']);
    expect(user.texts().slice(count)).toEqual(stored.map((m: { text: string }) => m.text));

    // The bot stays silent on both instances while the hand-off is open.
    const silent = user.received().length;
    await user.say('still there?');
    expect(user.received().length).toBe(silent);
    expect((await binh.call(`/staff/api/handoffs/${waiting.id}`)).body.messages.at(-1).text).toBe('still there?');

    await binh.call(`/staff/api/handoffs/${waiting.id}/close`, { method: 'POST' });
    await user.waitFor(silent + 2);
    expect(user.texts().slice(silent)).toEqual([readLocaleText('en', 'handoff:notices.ended_by_counsellor'), readLocaleText('en', 'menu:intro.text')]);
  });
});
