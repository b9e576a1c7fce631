/**
 * Redis connection helpers shared by the Redis state store, turn gate and rate limiter.
 *
 * Every command is bounded: the offline queue is disabled (a command issued while the
 * client is reconnecting fails at once) and every command carries a timeout (a command
 * sent to a frozen or overloaded server fails after `commandTimeoutMs`). Nothing waits
 * forever while Redis is away; the client keeps reconnecting in the background.
 */
import { createHash } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import { StorageError, StorageUnavailableError } from './errors';
import { isReadOnlyReply, redisReadOnly, redisUnavailable } from './redis-errors';
import { DEADLINE_PASSED, hasFreshClock, measureRedisClock, redisDeadline } from './redis-clock';
import { withTimeout } from '../util/with-timeout';

export { StorageUnavailableError };

/** The node-redis client type used throughout the Redis modules. */
export type RedisConnection = RedisClientType;

const DEFAULT_COMMAND_TIMEOUT_MS = 1000;
const commandTimeouts = new WeakMap<RedisConnection, number>();

/** Options of {@link openRedisConnection}. */
export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /** Upper bound of any single command, in ms (default 1000). */
  commandTimeoutMs?: number;
  /** Upper bound of establishing the TCP connection, in ms (default 1000). */
  connectTimeoutMs?: number;
  /** Called with the error name whenever the connection fails; never with message text. */
  onError?: (errorName: string) => void;
}

/**
 * Creates a client with bounded commands and starts connecting in the background.
 * Resolves at once (it does not wait for the server): commands fail fast until it is up,
 * so a bot started while Redis is down boots and reports not-ready on /readyz.
 */
export function openRedisConnection(options: RedisConnectionOptions): RedisConnection {
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    pingInterval: 1000,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 1000,
      socketTimeout: 5000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 500),
    },
  }) as unknown as RedisConnection;
  const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  commandTimeouts.set(client, timeoutMs);
  client.on('ready', () => void measureRedisClock(client, timeoutMs));
  client.on('error', (err: unknown) => options.onError?.(err instanceof Error ? err.name : 'UnknownError'));
  client.connect().catch((err: unknown) => options.onError?.(err instanceof Error ? err.name : 'UnknownError'));
  return client;
}

/**
 * Resolves when `client` is connected, or rejects after `timeoutMs`.
 * Used by tests and start-up code that want to wait for Redis, never by a turn.
 */
export async function waitForRedis(client: RedisConnection, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!client.isReady) {
    if (Date.now() > deadline) throw redisUnavailable('start-up', new RedisTimeoutError(timeoutMs));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Closes `client` without waiting on a server that may be down. Idempotent. */
export async function closeRedisConnection(client: RedisConnection): Promise<void> {
  if (!client.isOpen) return;
  try {
    if (client.isReady) await client.close();
    else client.destroy();
  } catch {
    client.destroy();
  }
}

/**
 * Runs a Lua script by SHA, loading it on the first NOSCRIPT reply.
 * Any Redis or timeout failure becomes a {@link StorageUnavailableError} naming `operation`.
 */
export async function runScript(client: RedisConnection, script: string, keys: string[], args: string[], operation: string): Promise<unknown> {
  const sha = hashScript(script);
  return callRedis(client, operation, async () => {
    try {
      return await client.evalSha(sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await client.eval(script, { keys, arguments: args });
    }
  });
}

/**
 * Runs a Lua script whose first argument is a deadline in Redis time (see redis-clock.ts):
 * if Redis only runs it after this client gave up (a frozen server waking up), it changes
 * nothing. `ARGV[1]` is the deadline, `args` follow. A script that reports the deadline
 * passed (`-9`, or `{-9, …}`) becomes a {@link StorageUnavailableError}.
 */
export async function runScriptBefore(client: RedisConnection, script: string, keys: string[], args: string[], operation: string): Promise<unknown> {
  const timeoutMs = commandTimeouts.get(client) ?? DEFAULT_COMMAND_TIMEOUT_MS;
  if (!hasFreshClock(client) && client.isReady) void measureRedisClock(client, timeoutMs);
  const reply = await runScript(client, script, keys, [String(redisDeadline(client, timeoutMs)), ...args], operation);
  const code = Array.isArray(reply) ? Number(reply[0]) : Number(reply);
  if (code === DEADLINE_PASSED) throw redisUnavailable(operation, new RedisTimeoutError(timeoutMs));
  return reply;
}

/**
 * Runs one Redis call with the connection's command timeout. node-redis only times out
 * commands not yet written, so a frozen server would hold a written command forever: this
 * races it with a timer. Failures become {@link StorageUnavailableError} naming `operation`.
 * A timed-out write may still be applied once the server wakes; the fencing check keeps
 * such a late write from overtaking a newer turn.
 */
export async function callRedis<T>(client: RedisConnection, operation: string, fn: () => Promise<T>): Promise<T> {
  const timeoutMs = commandTimeouts.get(client) ?? DEFAULT_COMMAND_TIMEOUT_MS;
  let gaveUp = false;
  const call = async (): Promise<T> => {
    if (!client.isReady) await waitForReady(client, timeoutMs);
    if (gaveUp) throw new RedisTimeoutError(timeoutMs);
    return fn();
  };
  try {
    return await withTimeout(call(), timeoutMs, () => {
      gaveUp = true;
      return redisUnavailable(operation, new RedisTimeoutError(timeoutMs));
    });
  } catch (err) {
    throw asUnavailable(operation, err);
  }
}

/**
 * Waits up to `timeoutMs` for a reconnecting client (a Redis that just came back), so the
 * first turns after an outage are served instead of failing during the reconnection.
 */
async function waitForReady(client: RedisConnection, timeoutMs: number): Promise<void> {
  if (!client.isOpen) throw new Error('the Redis connection is closed');
  let ready = readyWaits.get(client);
  if (!ready) {
    // One listener per connection, however many commands wait (no listener pile-up during an outage).
    ready = new Promise<void>((resolve) => client.once('ready', () => resolve()));
    readyWaits.set(client, ready);
    void ready.then(() => readyWaits.delete(client));
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([ready, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RedisTimeoutError(timeoutMs)), timeoutMs)))]);
  } finally {
    clearTimeout(timer);
  }
}

const readyWaits = new WeakMap<RedisConnection, Promise<void>>();

/** A Redis command that got no answer in time. */
class RedisTimeoutError extends Error {
  override name = 'RedisTimeoutError';
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/**
 * Wraps a Redis failure in a typed storage error: a `READONLY` reply (a replica) becomes a
 * StorageReadOnlyError, anything else a {@link StorageUnavailableError}; storage errors pass through.
 */
export function asUnavailable(operation: string, err: unknown): Error {
  if (err instanceof StorageError) return err;
  if (isReadOnlyReply(err)) return redisReadOnly(operation, err);
  return redisUnavailable(operation, err);
}

/**
 * Turns an application key (it may contain user or conversation ids) into a Redis key that
 * does not reveal it: `<prefix><kind>:<sha256 base64url>`.
 */
export function hashKey(prefix: string, kind: string, key: string): string {
  return `${prefix}${kind}:${createHash('sha256').update(key, 'utf8').digest('base64url')}`;
}

const scriptHashes = new Map<string, string>();

function hashScript(script: string): string {
  let sha = scriptHashes.get(script);
  if (!sha) {
    sha = createHash('sha1').update(script, 'utf8').digest('hex');
    scriptHashes.set(script, sha);
  }
  return sha;
}
