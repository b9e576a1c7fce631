/**
 * Redis-backed botbuilder Storage with real eTag semantics, for several bot instances.
 *
 * - Each item is one Redis string `<eTag>\n<JSON>` under a hashed key (user and conversation
 *   ids never appear in Redis key names).
 * - Writes are one Lua script for the whole batch: every eTag is compared first, then every
 *   item is written with the retention TTL; a stale eTag rejects the whole batch; `*` or no
 *   eTag overwrites. Inside the Redis turn gate the script also checks the turn's fence.
 * - Reads are one MGET. eTags are random strings, never reused.
 */
import type { StoreItems } from './types';
import type { StateStore } from './types';
import { assertArgument, createEtag, deserialiseItem, StorageConflictError, listChanges, serialiseItem } from './etag';
import { callRedis, closeRedisConnection, hashKey, openRedisConnection, runScriptBefore, type RedisConnection } from './redis-connection';
import { deadlineCheck } from './redis-clock';
import { listConversationRedisKeys } from './redis-keys';
import { FencedWriteError, readCurrentFence } from './redis-fence';
import { isExpiringKey } from './retention';

/** Options of {@link RedisStateStore}. */
export interface RedisStoreOptions {
  /** Prefix of every key this store writes (default `tf:`); tests use one per run. */
  prefix?: string;
  /** Retention: personal state expires this many seconds after its last write (default 30 days); `analytics/…` aggregates are kept. */
  ttlSeconds?: number;
  /** Close the connection when the store is closed (default true). */
  ownsConnection?: boolean;
}

const BACKEND = 'Redis storage';
/** Application keys of conversation and user state (see src/channel/state-keys.ts): their technical keys go with them. */
const PERSONAL_PREFIXES = ['conv/', 'user/'];
const DEFAULT_TTL_SECONDS = 30 * 24 * 3600;

const WRITE_SCRIPT = `
-- KEYS: fence, claims, claimExpiry (any key when unused), items...
-- ARGV: deadline, token, ttl, claimField, claimTtlMs, then (eTag, newETag, json, expires) per item
${deadlineCheck()}
local token = ARGV[2]
if token ~= '' and redis.call('GET', KEYS[1]) ~= token then return -1 end
local ttl = tonumber(ARGV[3])
local n = #KEYS - 3
for i = 1, n do
  local expected = ARGV[(i - 1) * 4 + 6]
  if expected ~= '' and expected ~= '*' then
    local cur = redis.call('GET', KEYS[i + 3])
    if cur then
      local nl = string.find(cur, '\\n', 1, true)
      if string.sub(cur, 1, nl - 1) ~= expected then return i end
    end
  end
end
for i = 1, n do
  local base = (i - 1) * 4 + 6
  if ARGV[base + 3] == '1' then
    redis.call('SET', KEYS[i + 3], ARGV[base + 1] .. '\\n' .. ARGV[base + 2], 'EX', ttl)
  else
    redis.call('SET', KEYS[i + 3], ARGV[base + 1] .. '\\n' .. ARGV[base + 2])
  end
end
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[2], ARGV[4], 'done')
  redis.call('ZADD', KEYS[3], now + tonumber(ARGV[5]), ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
end
return 0
`;

/** botbuilder `Storage` on Redis; see the module comment for the guarantees. */
export class RedisStateStore implements StateStore {
  private readonly prefix: string;
  private readonly ttlSeconds: number;
  private readonly ownsConnection: boolean;

  constructor(private readonly client: RedisConnection, options: RedisStoreOptions = {}) {
    this.prefix = options.prefix ?? 'tf:';
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    this.ownsConnection = options.ownsConnection ?? true;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds <= 0) {
      throw new Error(`RedisStateStore: ttlSeconds must be a positive integer, got ${this.ttlSeconds}; check STATE_TTL_DAYS`);
    }
  }

  /** Reads the items of `keys` in one MGET; missing keys are absent from the result. */
  async read(keys: string[]): Promise<StoreItems> {
    assertArgument(keys, 'keys', BACKEND);
    const items: StoreItems = Object.create(null) as StoreItems;
    if (keys.length === 0) return items;
    const redisKeys = keys.map((key) => this.toRedisKey(key));
    const values = (await callRedis(this.client, 'state read', () => this.client.mGet(redisKeys))) as (string | null)[];
    keys.forEach((key, i) => {
      const raw = values[i];
      if (raw == null) return;
      const newline = raw.indexOf('\n');
      items[key] = deserialiseItem(raw.slice(newline + 1), raw.slice(0, newline));
    });
    return items;
  }

  /** Writes all `changes` atomically (all or none) with eTag checks, fencing and the retention TTL. */
  async write(changes: StoreItems): Promise<void> {
    assertArgument(changes, 'changes', BACKEND);
    const entries = listChanges(changes);
    if (entries.length === 0) return;
    const fence = readCurrentFence();
    const redisKeys = entries.map(([key]) => this.toRedisKey(key));
    const claim = fence?.claim;
    const args = [fence?.token ?? '', String(this.ttlSeconds), claim?.field ?? '', String(claim?.ttlMs ?? 0)];
    for (const [key, item] of entries) {
      const eTag: unknown = item.eTag;
      args.push(typeof eTag === 'string' ? eTag : '', createEtag(), serialiseItem(item), isExpiringKey(key) ? '1' : '0');
    }
    const first = redisKeys[0]!;
    const scriptKeys = [fence?.key ?? first, claim?.hash ?? first, claim?.expiry ?? first, ...redisKeys];
    const result = Number(await runScriptBefore(this.client, WRITE_SCRIPT, scriptKeys, args, 'state write'));
    if (result === -1) throw new FencedWriteError();
    if (result > 0) throw new StorageConflictError(BACKEND);
  }

  /**
   * Deletes the items of `keys` (missing keys are ignored). A conversation's item (`conv/…`)
   * goes with every other Redis key of that conversation: lock, queue, tickets, fencing
   * counter, leases, activity claims and rate-limit counter (a user item: its rate-limit counter).
   */
  async delete(keys: string[]): Promise<void> {
    assertArgument(keys, 'keys', BACKEND);
    if (keys.length === 0) return;
    const redisKeys = keys.flatMap((key) => [
      this.toRedisKey(key),
      ...(PERSONAL_PREFIXES.some((prefix) => key.startsWith(prefix)) ? listConversationRedisKeys(this.prefix, key) : []),
    ]);
    await callRedis(this.client, 'state delete', () => this.client.del(redisKeys));
  }

  /** Resolves when Redis answers PING within the command timeout. */
  async ping(): Promise<void> {
    await callRedis(this.client, 'ping', () => this.client.ping());
  }

  /** Closes the connection if this store owns it. Idempotent. */
  async close(): Promise<void> {
    if (this.ownsConnection) await closeRedisConnection(this.client);
  }

  private toRedisKey(key: string): string {
    return hashKey(this.prefix, 's', key);
  }
}

/** Settings of the Redis backend (the `redis` and `retention` sections of src/config.ts). */
export interface RedisSettings {
  /** Prefix of every key (REDIS_KEY_PREFIX, default `tf:`). */
  keyPrefix?: string;
  /** Upper bound of one command in ms (REDIS_COMMAND_TIMEOUT_MS, default 1000). */
  commandTimeoutMs?: number;
  /** Retention of personal state in ms (STATE_TTL_DAYS, default 30 days). */
  stateTtlMs?: number;
}

/** Seconds of retention for Redis `EX` (at least 1). */
export function ttlSecondsOf(settings: RedisSettings): number | undefined {
  return settings.stateTtlMs === undefined ? undefined : Math.max(1, Math.round(settings.stateTtlMs / 1000));
}

/**
 * Opens a Redis state store for `url` (`redis://…`), used by createStore for STORAGE_URL.
 * With `client`, uses that shared connection and closes it on close (the store is closed
 * last); without, opens its own. Returns at once; until Redis answers, reads and writes
 * fail fast and ping rejects.
 */
export function createRedisStore(url: string, settings: RedisSettings = {}, client?: RedisConnection): RedisStateStore {
  const connection = client ?? openRedisConnection({ url, ...(settings.commandTimeoutMs ? { commandTimeoutMs: settings.commandTimeoutMs } : {}) });
  const ttlSeconds = ttlSecondsOf(settings);
  return new RedisStateStore(connection, {
    ...(settings.keyPrefix ? { prefix: settings.keyPrefix } : {}),
    ...(ttlSeconds ? { ttlSeconds } : {}),
  });
}
