/**
 * TurnGate shared by several bot instances through Redis.
 *
 * - Exactly once: on arrival the activity key is claimed with SET NX (`pending`, short TTL);
 *   a redelivery while it runs or after it finished (`done`, long TTL) is a `duplicate`.
 *   A turn that fails forgets its claim so the channel's retry can run.
 * - Order: each arrival takes a ticket in the conversation's Redis queue. Within an instance
 *   the turns of a conversation are chained locally (only one polls Redis); across instances
 *   the lowest ticket takes the lock (SET NX PX with its member as token). Queue heads of
 *   instances that stopped sending heartbeats are skipped.
 * - Safety: the lock has a TTL (a dead holder frees it), is renewed while the turn runs,
 *   released by compare-and-delete, and every acquisition increments a fencing counter that
 *   the Redis state store checks before each write (see redis-fence.ts).
 */
import { randomBytes } from 'node:crypto';
import type { GateResult, TurnGate } from './types';
import { closeRedisConnection, hashKey, openRedisConnection, runScript, type RedisConnection } from './redis-connection';
import { ttlSecondsOf, type RedisSettings } from './redis-store';
import { runWithFence } from './redis-fence';
import { ACQUIRE_SCRIPT, ARRIVE_SCRIPT, EXTEND_SCRIPT, HEARTBEAT_SCRIPT, RELEASE_SCRIPT } from './redis-lock-scripts';

/** Options of {@link RedisTurnGate}; every duration is in ms. */
export interface RedisGateOptions {
  /** Key prefix (default `tf:`), shared with the state store. */
  prefix?: string;
  /** Lock TTL: how long a dead holder blocks its conversation (default 5000). */
  lockTtlMs?: number;
  /** Longest wait for the lock before the turn fails as unavailable (default 10000). */
  lockWaitMs?: number;
  /** How long a finished activity id is remembered (default 24 h). */
  doneTtlMs?: number;
  /** Fencing counters live as long as state (default 30 days). */
  fenceTtlMs?: number;
  /** Close the connection when the gate is closed (default true). */
  ownsConnection?: boolean;
}

/** Raised when the lock of a conversation could not be taken within `lockWaitMs`. */
export class LockWaitTimeoutError extends Error {
  override name = 'LockWaitTimeoutError';
  constructor(waitMs: number) {
    super(`Turn gate: the conversation lock was not free within ${waitMs} ms; a previous turn is stuck or Redis is overloaded (raise REDIS_LOCK_WAIT_MS or check Redis)`);
  }
}

const ALIVE_MS = 3000;
const HEARTBEAT_MS = 1000;
const QUEUE_TTL_MS = 24 * 3600 * 1000;

interface ConversationKeys {
  lock: string;
  queue: string;
  ticket: string;
  fence: string;
}

/** Redis-backed gate; see the module comment. */
export class RedisTurnGate implements TurnGate {
  private readonly instanceId = randomBytes(6).toString('base64url');
  private sequence = 0;
  private readonly localTails = new Map<string, Promise<void>>();
  private readonly localMembers = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly prefix: string;
  private readonly lockTtlMs: number;
  private readonly lockWaitMs: number;
  private readonly doneTtlMs: number;
  private readonly fenceTtlMs: number;
  private closed = false;

  constructor(private readonly client: RedisConnection, private readonly options: RedisGateOptions = {}) {
    this.prefix = options.prefix ?? 'tf:';
    this.lockTtlMs = options.lockTtlMs ?? 5000;
    this.lockWaitMs = options.lockWaitMs ?? 10_000;
    this.doneTtlMs = options.doneTtlMs ?? 24 * 3600 * 1000;
    this.fenceTtlMs = options.fenceTtlMs ?? 30 * 24 * 3600 * 1000;
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Runs `fn` in arrival order under the conversation's lock, once per activity key. */
  async run<T>(conversationKey: string, activityKey: string | undefined, fn: () => Promise<T>): Promise<GateResult<T>> {
    if (this.closed) throw new Error('RedisTurnGate.run: the gate is closed; the server is shutting down');
    const keys = this.keysOf(conversationKey);
    const dedupeKey = activityKey === undefined ? keys.lock : hashKey(this.prefix, 'a', `${conversationKey}\u0000${activityKey}`);
    const member = `${this.instanceId}|${++this.sequence}`;
    const ticket = await this.arrive(keys, dedupeKey, activityKey !== undefined, member);
    if (ticket < 0) return { status: 'duplicate' };
    this.localMembers.add(member);
    const previous = this.localTails.get(conversationKey) ?? Promise.resolve();
    let finishLocal!: () => void;
    const mine = new Promise<void>((resolve) => (finishLocal = resolve));
    const tail = previous.then(() => mine);
    this.localTails.set(conversationKey, tail);
    let succeeded = false;
    let acquired = false;
    try {
      await previous;
      const fence = await this.acquire(keys, dedupeKey, activityKey !== undefined, member);
      acquired = true;
      const commit = activityKey === undefined ? {} : { doneKey: dedupeKey, doneTtlMs: this.doneTtlMs };
      const value = await this.holdWhile(keys.lock, member, () => runWithFence({ key: keys.fence, token: String(fence), ...commit }, fn));
      succeeded = true;
      return { status: 'done', value };
    } finally {
      this.localMembers.delete(member);
      finishLocal();
      if (this.localTails.get(conversationKey) === tail) this.localTails.delete(conversationKey);
      const mode = activityKey === undefined ? '' : succeeded ? 'done' : 'forget';
      const release = runScript(this.client, RELEASE_SCRIPT, [keys.lock, dedupeKey, keys.queue], [member, mode, String(this.doneTtlMs)], 'lock release');
      if (acquired) await release.catch(() => undefined);
      else release.catch(() => undefined);
    }
  }

  /** Stops the heartbeat and closes the connection if the gate owns it. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.options.ownsConnection ?? true) await closeRedisConnection(this.client);
  }

  private keysOf(conversationKey: string): ConversationKeys {
    const id = hashKey('', '', conversationKey).slice(1);
    return {
      lock: `${this.prefix}lock:{${id}}`,
      queue: `${this.prefix}q:{${id}}`,
      ticket: `${this.prefix}t:{${id}}`,
      fence: `${this.prefix}f:{${id}}`,
    };
  }

  /** Claims the activity and takes a ticket; while a live instance processes the same activity, waits for its outcome. */
  private async arrive(keys: ConversationKeys, dedupeKey: string, dedupe: boolean, member: string): Promise<number> {
    const pendingTtlMs = this.lockWaitMs + 6 * this.lockTtlMs;
    const args = [dedupe ? '1' : '0', String(pendingTtlMs), member, this.instanceId, String(ALIVE_MS), String(QUEUE_TTL_MS)];
    const deadline = Date.now() + this.lockWaitMs + ALIVE_MS;
    for (;;) {
      const result = Number(await runScript(this.client, ARRIVE_SCRIPT, [dedupeKey, keys.queue, keys.ticket, this.instancesKey()], args, 'turn arrival'));
      if (result !== -4) return result;
      if (Date.now() > deadline) return -1;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Polls until the lock is ours (fence > 0), backing off from 2 to 25 ms. */
  private async acquire(keys: ConversationKeys, dedupeKey: string, dedupe: boolean, member: string): Promise<number> {
    const deadline = Date.now() + this.lockWaitMs;
    const acquireKeys = [keys.lock, keys.queue, keys.fence, this.instancesKey()];
    const args = [member, String(this.lockTtlMs), this.instanceId, String(ALIVE_MS), String(this.fenceTtlMs)];
    let delay = 2;
    for (;;) {
      const [code, head] = (await runScript(this.client, ACQUIRE_SCRIPT, acquireKeys, args, 'lock acquire')) as [number, string];
      if (code > 0) return code;
      if (code === -2) await this.arrive(keys, dedupeKey, false, member);
      if (code === -3 && !this.localMembers.has(head)) {
        await runScript(this.client, RELEASE_SCRIPT, [keys.lock, keys.lock, keys.queue], [head, '', '0'], 'queue cleanup');
        continue;
      }
      if (Date.now() > deadline) throw new LockWaitTimeoutError(this.lockWaitMs);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(25, Math.ceil(delay * 1.5));
    }
  }

  /** Runs `fn` while renewing the lock every third of its TTL. */
  private async holdWhile<T>(lockKey: string, member: string, fn: () => Promise<T>): Promise<T> {
    const renew = setInterval(() => {
      runScript(this.client, EXTEND_SCRIPT, [lockKey], [member, String(this.lockTtlMs)], 'lock renewal').catch(() => undefined);
    }, Math.max(50, Math.floor(this.lockTtlMs / 3)));
    try {
      return await fn();
    } finally {
      clearInterval(renew);
    }
  }

  private beat(): void {
    runScript(this.client, HEARTBEAT_SCRIPT, [this.instancesKey()], [this.instanceId, String(ALIVE_MS)], 'heartbeat').catch(() => undefined);
  }

  private instancesKey(): string {
    return `${this.prefix}instances`;
  }
}

/** Settings of the Redis turn gate (the `redis` section of src/config.ts). */
export interface RedisGateSettings extends RedisSettings {
  /** REDIS_LOCK_TTL_MS (default 5000). */
  lockTtlMs?: number;
  /** REDIS_LOCK_WAIT_MS (default 10000). */
  lockWaitMs?: number;
}

/**
 * Opens a Redis turn gate for `url` (STORAGE_URL), on `client` when given (a connection
 * shared with the store, which closes it), else on its own connection.
 */
export function createRedisTurnGate(url: string, settings: RedisGateSettings = {}, client?: RedisConnection): RedisTurnGate {
  const connection = client ?? openRedisConnection({ url, ...(settings.commandTimeoutMs ? { commandTimeoutMs: settings.commandTimeoutMs } : {}) });
  const ttlSeconds = ttlSecondsOf(settings);
  return new RedisTurnGate(connection, {
    ...(settings.keyPrefix ? { prefix: settings.keyPrefix } : {}),
    ...(settings.lockTtlMs ? { lockTtlMs: settings.lockTtlMs } : {}),
    ...(settings.lockWaitMs ? { lockWaitMs: settings.lockWaitMs } : {}),
    ...(ttlSeconds ? { fenceTtlMs: ttlSeconds * 1000 } : {}),
    ownsConnection: client === undefined,
  });
}
