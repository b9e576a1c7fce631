/**
 * npm run bench:start — start-up time of the compiled bot (spawn to the first `/readyz` 200)
 * next to the bare echo bot of bench/echo-bot.mjs on the same stack, both run by node.
 * Each is started BENCH_START_RUNS times (default 7), alternating; medians are compared
 * (target: ThinkFirst within 2× the echo bot). The bot uses its embedded SQLite default in a
 * temporary folder. BENCH_PROF=DIR writes a V8 CPU profile of every process into DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotProcess } from '../testkit/bot-process';
import { ensureBuilt } from './helpers/ensure-built';
import { median } from './helpers/load-driver';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 7);

async function measure(start: () => ReturnType<typeof startBotProcess>): Promise<number> {
  const bot = await start();
  await bot.stop();
  return bot.startupMs;
}

async function main(): Promise<void> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-bench-start-'));
  console.log(`bench:start — ${RUNS} starts each, Node ${process.version}, ${cpus().length} CPUs`);
  const echo: number[] = [];
  const bot: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      echo.push(await measure(() => startBotProcess({ entry: 'bench/echo-bot.mjs', readyTimeoutMs: 60_000 })));
      bot.push(await measure(() => startBotProcess({ env: { STORAGE_URL: `sqlite:${join(dir, `start-${i}.db`)}` }, readyTimeoutMs: 60_000 })));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const row = (name: string, values: number[]) =>
    console.log(`${name.padEnd(10)} median ${median(values).toFixed(0).padStart(5)} ms   min ${Math.min(...values).toFixed(0).padStart(5)} ms   max ${Math.max(...values).toFixed(0).padStart(5)} ms`);
  row('echo bot', echo);
  row('ThinkFirst', bot);
  console.log(`start-up ratio ThinkFirst / echo: ${(median(bot) / median(echo)).toFixed(2)}× (target ≤ 2)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
