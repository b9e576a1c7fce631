/**
 * `npm run bench:faults`: three bot instances sharing a private Redis (its own redis-server on
 * a free port; the machine's Redis is never touched), simulated users answering the yes/no
 * questions of "check my offer" (1 to 9), and faults injected while they talk: Redis frozen (SIGSTOP),
 * Redis killed and restarted, an instance killed (kill -9) and restarted. Prints
 *   stuck / double-applied / lost
 * counts (all must be 0), then /healthz latency during a burst of concurrent requests.
 * Exit code 1 when a count is not 0. Sizes: FAULT_CONVERSATIONS (default 24), FAULT_BURST (default 1000).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPrivateRedis } from '../testkit/private-redis';
import { buildActivity, postActivity } from '../testkit/activities';
import { startBotProcess, type BotProcess } from '../testkit/bot-process';
import { startChannelSink } from '../testkit/channel-sink';
import { SimulatedUser } from './faults/simulated-user';
import { measureHealthDuringBurst } from './faults/health-during-burst';

const CONVERSATIONS = Number(process.env.FAULT_CONVERSATIONS ?? 24);
const BURST = Number(process.env.FAULT_BURST ?? 1000);
const LOCK_TTL_MS = 1500;
const UNAVAILABLE = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../locales/en/system.json'), 'utf8')) as { unavailable: string }).unavailable;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const redis = await startPrivateRedis();
  const sink = await startChannelSink();
  const env = {
    STORAGE_URL: redis.url,
    REDIS_KEY_PREFIX: `tfbench:${randomUUID().slice(0, 8)}:`,
    REDIS_LOCK_TTL_MS: String(LOCK_TTL_MS),
    REDIS_COMMAND_TIMEOUT_MS: '800',
    RATE_LIMIT_MESSAGES: '100000',
    RATE_LIMIT_CLIENT_REQUESTS: '0',
  };
  const bots: BotProcess[] = await Promise.all([0, 1, 2].map(() => startBotProcess({ env, readyTimeoutMs: 60_000 })));
  const live = () => bots.filter((bot) => !bot.hasExited()).map((bot) => bot.messagesUrl);
  try {
    log(`fault benchmark: ${bots.length} instances, ${CONVERSATIONS} conversations, private redis-server on port ${redis.port}`);
    const users = Array.from({ length: CONVERSATIONS }, (_, i) => new SimulatedUser(`fault-${i}-${randomUUID()}`, sink, live, UNAVAILABLE));
    const started = await Promise.all(users.map(async (user, i) => (await sleep(i * 40), user.start())));
    const notStarted = started.filter((ok) => !ok).length;

    const runUntil = Date.now() + 120_000;
    const talking = Promise.all(users.map((user) => user.answerAll(runUntil, () => 1500 + Math.random() * 2000)));
    const faults: string[] = [];
    const at = async (ms: number, name: string, action: () => Promise<void>) => {
      await sleep(ms);
      faults.push(name);
      await action();
    };
    const startedAt = Date.now();
    await at(2000, 'redis frozen 3 s', async () => (redis.pause(), await sleep(3000), redis.resume()));
    await at(3000, 'instance 2 killed (kill -9) with turns in flight, restarted', async () => {
      sink.setDelay(2000); // a slow channel: turns are in the middle of sending their replies
      await sleep(1500);
      await bots[1]!.kill();
      sink.setDelay(0);
      await sleep(1000);
      bots[1] = await startBotProcess({ env, readyTimeoutMs: 60_000 });
    });
    await at(2000, 'redis frozen 2 s', async () => (redis.pause(), await sleep(2000), redis.resume()));
    await at(3000, 'redis killed, restarted after 2 s', async () => (await redis.stop(), await sleep(2000), await redis.start()));
    await at(3000, 'redis frozen 5 s', async () => (redis.pause(), await sleep(5000), redis.resume()));
    const lastFaultEnded = Date.now();
    log(`faults (${Math.round((lastFaultEnded - startedAt) / 1000)} s): ${faults.join('; ')}`);

    // Every conversation must answer normally within the lock TTL plus one second of the last fault.
    await sleep(LOCK_TTL_MS + 1000 - (Date.now() - lastFaultEnded));
    await talking;
    const normal = await Promise.all(users.map((user) => user.answersNormally(5000)));
    const total = (key: 'answers' | 'unavailable' | 'redelivered' | 'silent' | 'doubleApplied' | 'lost') => users.reduce((sum, u) => sum + u.counts[key], 0);
    const stuck = notStarted + users.filter((u, i) => !u.counts.finished || !normal[i]).length;
    log(`answers: ${total('answers')}, "unavailable" replies: ${total('unavailable')}, redeliveries: ${total('redelivered')}, answers with no reply (replies lost with a killed instance): ${total('silent')}`);
    log(`stuck: ${stuck}`);
    log(`double-applied: ${total('doubleApplied')}`);
    log(`lost: ${total('lost')}`);

    const health = await measureHealthDuringBurst(bots[0]!.url, BURST, (i) => buildActivity(sink.url, `burst-${i}-${randomUUID()}`, { join: true }), postActivity);
    log(`burst of ${BURST} concurrent requests to one instance: ${health.ok} answered 200, ${health.refused} refused 503, ${health.failed} failed; ` +
      `/healthz p50 ${health.p50.toFixed(1)} ms, max ${health.max.toFixed(1)} ms over ${health.samples} probes`);
    return stuck + total('doubleApplied') + total('lost') === 0 ? 0 : 1;
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    await sink.close();
    await redis.remove();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`bench:faults failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
