/**
 * Deadlines in Redis time, so a script the client gave up on never applies later.
 *
 * A command sent to a frozen Redis times out on the client, but stays in the socket and runs
 * when the server wakes. Every script that changes state therefore carries a deadline in the
 * server's clock (`TIME`) and does nothing once it has passed. The offset between this
 * process's clock and the server's is measured with `TIME` on every (re)connection and every
 * few seconds after, keeping the sample with the shortest round trip.
 */
import type { RedisConnection } from './redis-connection';

/** Estimated `redisTime - Date.now()` per connection, with the round trip of its sample. */
interface ClockSample {
  offsetMs: number;
  rttMs: number;
  measuredAt: number;
}

const samples = new WeakMap<RedisConnection, ClockSample>();
const RESAMPLE_MS = 10_000;

/**
 * Measures the clock offset of `client` with one `TIME` call (bounded by `timeoutMs`).
 * Keeps the new sample when it is fresher than {@link RESAMPLE_MS} or has a shorter round trip.
 */
export async function measureRedisClock(client: RedisConnection, timeoutMs: number): Promise<void> {
  const sent = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await Promise.race([
      client.time() as unknown as Promise<unknown>,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('TIME timed out')), timeoutMs))),
    ]);
    const received = Date.now();
    const serverMs = readTimeReply(reply);
    if (serverMs === undefined) return;
    const sample: ClockSample = { offsetMs: serverMs - (sent + received) / 2, rttMs: received - sent, measuredAt: received };
    const previous = samples.get(client);
    if (!previous || received - previous.measuredAt > RESAMPLE_MS * 3 || sample.rttMs <= previous.rttMs * 2) samples.set(client, sample);
  } catch {
    // The next measurement will do; until then the last sample (or none) stands.
  } finally {
    clearTimeout(timer);
  }
}

/** node-redis returns TIME as a Date (v4+) or as [seconds, microseconds]. */
function readTimeReply(reply: unknown): number | undefined {
  if (reply instanceof Date) return reply.getTime();
  if (Array.isArray(reply) && reply.length >= 2) return Number(reply[0]) * 1000 + Math.floor(Number(reply[1]) / 1000);
  if (typeof reply === 'object' && reply !== null && 'microseconds' in reply) {
    const value = reply as { getTime?: () => number };
    if (typeof value.getTime === 'function') return value.getTime();
  }
  return undefined;
}

/** True when `client` has a clock sample recent enough to use without measuring again. */
export function hasFreshClock(client: RedisConnection): boolean {
  const sample = samples.get(client);
  return sample !== undefined && Date.now() - sample.measuredAt < RESAMPLE_MS;
}

/**
 * The latest server time (ms, Redis clock) at which a script sent now may still apply:
 * the client gives up after `timeoutMs`, and the reply needs time to travel back, so the
 * deadline is earlier than the client's timeout by a margin (a quarter of it, 50 to 250 ms)
 * plus the uncertainty of the clock sample.
 */
export function redisDeadline(client: RedisConnection, timeoutMs: number): number {
  const sample = samples.get(client);
  const offset = sample?.offsetMs ?? 0;
  const uncertainty = sample ? sample.rttMs / 2 : 0;
  const margin = Math.min(250, Math.max(50, timeoutMs / 4));
  return Math.floor(Date.now() + offset + timeoutMs - margin - uncertainty);
}

/**
 * Lua prologue of a script whose deadline is `ARGV[1]`: sets `now` (server ms) and returns
 * `expired` (default `-9`) when the deadline passed, before anything is changed.
 */
export function deadlineCheck(expired = '-9'): string {
  return `local __t = redis.call('TIME')
local now = tonumber(__t[1]) * 1000 + math.floor(tonumber(__t[2]) / 1000)
if now > tonumber(ARGV[1]) then return ${expired} end
`;
}

/** Reply of a script whose deadline had passed when Redis ran it (nothing was changed). */
export const DEADLINE_PASSED = -9;
