/**
 * npm run bench:http — load benchmark of the real bot over HTTP.
 *
 * Starts, one after the other, on loopback: a bare botbuilder echo bot (baseline, same
 * express + CloudAdapter stack), ThinkFirst on SQLite (1 instance), ThinkFirst on Redis
 * (1 instance, then 3 instances sharing Redis, requests spread round-robin). Each phase
 * drives BENCH_CONVERSATIONS concurrent users (default 100) through a realistic dialog, after
 * BENCH_WARMUP conversations (default as many) that are not measured,
 * (join, language tap, menu tap, answers typed as free text) and prints turns/s,
 * p50/p95/p99 latency, errors, peak RSS and start-up time to /readyz, then the ratios
 * against the echo bot. Redis must run on REDIS_URL (default redis://127.0.0.1:6379).
 * The bot runs as in production (`node dist/index.js`, built first when stale); the echo bot
 * sends as many messages per turn as ThinkFirst does on the same dialog (BENCH_ECHO_REPLIES, default 1.25); the msgs/turn column shows what each bot posted.
 * BENCH_ROUNDS (default 3) runs the echo and SQLite phases that many times, alternating, and
 * compares their medians (the machine's load varies; one run can be off by 20%).
 * BENCH_PROF=DIR writes a V8 CPU profile of every bot process into DIR (open it in Chrome DevTools).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { UserInput } from '../testkit/activities';
import { startBotProcess, type BotProcess } from '../testkit/bot-process';
import { startChannelSink, type ChannelSink } from '../testkit/channel-sink';
import { driveLoad, median, type LoadResult } from './helpers/load-driver';
import { ensureBuilt } from './helpers/ensure-built';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100);
/**
 * Conversations run before each measured run, so both bots are measured warm, as a long-running
 * server is (a fresh process compiles its hot code first, and ThinkFirst has more of it).
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? CONVERSATIONS);
/**
 * Messages the echo bot sends per turn: by default as many as ThinkFirst posts on DIALOG (10 messages
 * over its 8 turns), so both bots do the same channel work; the msgs/turn column shows both, and a
 * mismatch is reported after the table.
 */
const ECHO_REPLIES = Number(process.env.BENCH_ECHO_REPLIES ?? 1.25);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Comma-separated subset of phases to run (default all): echo, sqlite, redis-1, redis-3. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'echo,sqlite,redis-1,redis-3').split(','));
/** Rounds of the echo and SQLite phases (their ratios are the targets); the Redis phases run once. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const REPEATED = new Set(['echo', 'sqlite']);

/** A realistic conversation: 8 turns, taps and free text (English content). */
const DIALOG: UserInput[] = [
  { join: true },
  { choice: 'en', text: 'English' },
  { choice: 'check_offer', text: 'Check my offer' },
  { choice: 'questions', text: 'Answer questions' },
  { text: 'yes' },
  { text: 'no' },
  { text: 'not sure' },
  { text: 'menu' },
];

interface PhaseResult extends LoadResult {
  name: string;
  round: number;
  /** Messages the bot posted to the channel per turn (the echo bot's should match ThinkFirst's). */
  messagesPerTurn: number;
  /** Activities of any type (messages, typing) the bot posted per turn. */
  postsPerTurn: number;
  /** CPU time the bot processes used per turn (user + system, ms): steadier than turns/s on a busy machine. */
  cpuMsPerTurn: number;
  instances: number;
  startupMs: number;
  peakRssMb: number;
}

async function runPhase(name: string, round: number, sink: ChannelSink, starts: (() => Promise<BotProcess>)[]): Promise<PhaseResult> {
  const bots: BotProcess[] = [];
  try {
    for (const start of starts) bots.push(await start());
    const urls = bots.map((bot) => bot.messagesUrl);
    await driveLoad({ messagesUrls: urls, sink, conversations: WARMUP, script: DIALOG, label: `${name}-${round}-warmup` });
    const sentBefore = sink.messageCount();
    const postedBefore = sink.activityCount();
    const cpuBefore = bots.reduce((sum, bot) => sum + bot.cpuMs(), 0);
    const result = await driveLoad({ messagesUrls: urls, sink, conversations: CONVERSATIONS, script: DIALOG, label: `${name}-${round}` });
    const messagesPerTurn = (sink.messageCount() - sentBefore) / Math.max(result.turns, 1);
    const postsPerTurn = (sink.activityCount() - postedBefore) / Math.max(result.turns, 1);
    const cpuMsPerTurn = (bots.reduce((sum, bot) => sum + bot.cpuMs(), 0) - cpuBefore) / Math.max(result.turns, 1);
    return {
      name,
      round,
      messagesPerTurn,
      postsPerTurn,
      cpuMsPerTurn,
      instances: bots.length,
      ...result,
      startupMs: Math.max(...bots.map((bot) => bot.startupMs)),
      peakRssMb: Math.max(...bots.map((bot) => bot.peakRssMb())),
    };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    sink.clear();
  }
}

function printTable(results: PhaseResult[]): void {
  const rows = results.map((r) => ({
    phase: r.name,
    round: r.round + 1,
    inst: r.instances,
    turns: r.turns,
    'turns/s': r.turnsPerSec.toFixed(1),
    'p50 ms': r.p50.toFixed(1),
    'p95 ms': r.p95.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    'msgs/turn': r.messagesPerTurn.toFixed(2),
    'posts/turn': r.postsPerTurn.toFixed(2),
    'CPU ms/turn': r.cpuMsPerTurn.toFixed(2),
    errors: r.errors,
    'peak RSS MB': r.peakRssMb.toFixed(0),
    'start-up ms': r.startupMs.toFixed(0),
  }));
  console.table(rows);
}

async function deleteKeys(prefix: string): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  client.on('error', () => undefined);
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) await client.del(keys);
  await client.close();
}

async function main(): Promise<void> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-bench-'));
  const prefix = `tfbench:${randomBytes(4).toString('hex')}:`;
  const sink = await startChannelSink();
  const redisEnv = { STORAGE_URL: REDIS_URL, REDIS_KEY_PREFIX: prefix };
  console.log(`bench:http — ${CONVERSATIONS} concurrent conversations × ${DIALOG.length} turns per phase`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
  const results: PhaseResult[] = [];
  try {
    const phases: [string, (() => Promise<BotProcess>)[]][] = [
      ['echo', [() => startBotProcess({ entry: 'bench/echo-bot.mjs', env: { ECHO_REPLIES: String(ECHO_REPLIES) } })]],
      ['sqlite', [() => startBotProcess({ env: { STORAGE_URL: `sqlite:${join(dir, 'bench.db')}` } })]],
      ['redis-1', [() => startBotProcess({ env: redisEnv })]],
      ['redis-3', [1, 2, 3].map(() => () => startBotProcess({ env: redisEnv }))],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, starts] of phases) {
        if (PHASES.has(name) && (round === 0 || REPEATED.has(name))) results.push(await runPhase(name, round, sink, starts));
      }
    }
  } finally {
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
    await deleteKeys(prefix).catch(() => undefined);
  }
  printTable(results);
  const byName = (name: string) => results.find((r) => r.name === name);
  const [redis1, redis3] = ['redis-1', 'redis-3'].map(byName);
  const runsOf = (name: string) => results.filter((r) => r.name === name);
  const echoRuns = runsOf('echo');
  const sqliteRuns = runsOf('sqlite');
  if (echoRuns.length > 0 && sqliteRuns.length > 0) {
    const perSec = (runs: PhaseResult[]) => median(runs.map((r) => r.turnsPerSec));
    const p99 = (runs: PhaseResult[]) => median(runs.map((r) => r.p99));
    console.log(`medians of ${sqliteRuns.length} rounds: echo ${perSec(echoRuns).toFixed(1)} turns/s, p99 ${p99(echoRuns).toFixed(1)} ms; sqlite ${perSec(sqliteRuns).toFixed(1)} turns/s, p99 ${p99(sqliteRuns).toFixed(1)} ms`);
    const mismatch = Math.abs(median(echoRuns.map((r) => r.messagesPerTurn)) - median(sqliteRuns.map((r) => r.messagesPerTurn)));
    if (mismatch > 0.05) console.log(`note: the echo bot sent ${mismatch.toFixed(2)} messages per turn more or fewer than ThinkFirst; set BENCH_ECHO_REPLIES to ThinkFirst's msgs/turn for a matched baseline`);
    const cpu = (runs: PhaseResult[]) => median(runs.map((r) => r.cpuMsPerTurn));
    console.log(`bot CPU per turn (medians): echo ${cpu(echoRuns).toFixed(2)} ms, sqlite ${cpu(sqliteRuns).toFixed(2)} ms (${(cpu(echoRuns) / cpu(sqliteRuns)).toFixed(2)}× the echo bot's turns per CPU second)`);
    console.log(`sqlite / echo: throughput ${(perSec(sqliteRuns) / perSec(echoRuns)).toFixed(2)}× (target ≥ 0.85), p99 ${(p99(sqliteRuns) / p99(echoRuns)).toFixed(2)}× (target ≤ 1.5), medians, against an echo bot sending ${ECHO_REPLIES} messages per turn`);
  }
  if (redis1 && redis3) {
    console.log(`redis 3 instances / 1 instance: throughput ${(redis3.turnsPerSec / redis1.turnsPerSec).toFixed(2)}×, errors or lost turns: ${redis3.errors}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
