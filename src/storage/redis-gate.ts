/**
 * TurnGate shared by several bot instances through Redis.
 *
 * - Exactly once: on arrival the activity is claimed (`pending:<member>`); a redelivery while
 *   it runs or after it finished (`done`, kept `doneTtlMs`) is a `duplicate`. A turn that fails
 *   forgets its claim so the channel's retry can run; the state write marks it `done` atomically.
 * - Order: each arrival takes a ticket in the conversation's Redis queue. Within an instance
 *   the turns of a conversation are chained locally (only one polls Redis); across instances
 *   the lowest ticket takes the lock (SET NX PX with its member as token).
 * - Liveness: every waiting or running member has a lease its instance renews; a queue head or
 *   claim whose lease ran out (its turn was abandoned during a Redis outage, or its instance
 *   died) is skipped, so after Redis comes back every conversation moves again within one
 *   lock TTL, on every instance. Scripts that take a ticket or the lock carry a deadline and
 *   change nothing when Redis only runs them after the client gave up.
 * - Safety: the lock has a TTL (a dead holder frees it), is renewed while the turn runs,
 *   released by compare-and-delete, and every acquisition increments a fencing counter that
 *   the Redis state store checks before each write (see redis-fence.ts).
 */
import { randomBytes } from 'node:crypto';
import type { GateResult, TurnGate } from './types';
import { closeRedisConnection, openRedisConnection, runScript, runScriptBefore, type RedisConnection } from './redis-connection';
import { ttlSecondsOf, type RedisSettings } from './redis-store';
import { runWithFence } from './redis-fence';
import { StorageUnavailableError } from './errors';
import { activityField, conversationRedisKeys, type ConversationRedisKeys } from './redis-keys';
import { ACQUIRE_SCRIPT, ARRIVE_SCRIPT, EXTEND_SCRIPT, LEASE_SCRIPT, RELEASE_SCRIPT } from './redis-lock-scripts';

/** Options of {@link RedisTurnGate}; every duration is in ms. */
export interface RedisGateOptions {
  /** Key prefix (default `tf:`), shared with the state store. */
  prefix?: string;
  /** Lock TTL: how long a dead holder blocks its conversation; also the lease of waiting turns (default 5000). */
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
export class LockWaitTimeoutError extends StorageUnavailableError {
  override name = 'LockWaitTimeoutError';
  constructor(waitMs: number) {
    super({
      backend: 'turn gate',
      where: 'conversation lock',
      problem: `the lock was not free within ${waitMs} ms (a previous turn is stuck or Redis is overloaded)`,
      fix: 'raise REDIS_LOCK_WAIT_MS or check Redis',
    });
  }
}

/** Lease renewals sent in one script call. */
const LEASE_BATCH = 100;

/** Redis-backed gate; see the module comment. */
export class RedisTurnGate implements TurnGate {
  private readonly instanceId = randomBytes(6).toString('base64url');
  private sequence = 0;
  private readonly localTails = new Map<string, Promise<void>>();
  /** Members of this instance waiting or running, per conversation (their leases are renewed). */
  private readonly localMembers = new Map<string, Set<string>>();
  private readonly leaseTimer: NodeJS.Timeout;
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
    this.leaseTimer = setInterval(() => this.renewLeases(), Math.max(50, Math.floor(this.lockTtlMs / 3)));
    this.leaseTimer.unref();
  }

  /** Runs `fn` in arrival order under the conversation's lock, once per activity key. */
  async run<T>(conversationKey: string, activityKey: string | undefined, fn: () => Promise<T>): Promise<GateResult<T>> {
    if (this.closed) throw new Error('RedisTurnGate.run: the gate is closed; the server is shutting down');
    const keys = conversationRedisKeys(this.prefix, conversationKey);
    const field = activityKey === undefined ? '' : activityField(conversationKey, activityKey);
    const member = `${this.instanceId}|${++this.sequence}`;
    this.track(conversationKey, member);
    let ticket: number;
    try {
      ticket = await this.arrive(keys, field, member);
    } catch (error) {
      this.untrack(conversationKey, member);
      this.release(keys, member, field ? 'forget' : '', field).catch(() => undefined);
      throw error;
    }
    if (ticket < 0) {
      this.untrack(conversationKey, member);
      return { status: 'duplicate' };
    }
    const previous = this.localTails.get(conversationKey) ?? Promise.resolve();
    let finishLocal!: () => void;
    const mine = new Promise<void>((resolve) => (finishLocal = resolve));
    const tail = previous.then(() => mine);
    this.localTails.set(conversationKey, tail);
    let succeeded = false;
    let acquired = false;
    try {
      await previous;
      const fence = await this.acquire(keys, member, ticket);
      acquired = true;
      const commit = field ? { claim: { hash: keys.claims, expiry: keys.claimExpiry, field, ttlMs: this.doneTtlMs } } : {};
      const value = await this.holdWhile(keys, member, () => runWithFence({ key: keys.fence, token: String(fence), ...commit }, fn));
      succeeded = true;
      return { status: 'done', value };
    } finally {
      this.untrack(conversationKey, member);
      finishLocal();
      if (this.localTails.get(conversationKey) === tail) this.localTails.delete(conversationKey);
      const release = this.release(keys, member, field ? (succeeded ? 'done' : 'forget') : '', field);
      // A release that fails is healed by the lock TTL and the member's lease running out.
      if (acquired) await release.catch(() => undefined);
      else release.catch(() => undefined);
    }
  }

  /** Stops renewing leases and closes the connection if the gate owns it. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.leaseTimer);
    if (this.options.ownsConnection ?? true) await closeRedisConnection(this.client);
  }

  private track(conversationKey: string, member: string): void {
    let members = this.localMembers.get(conversationKey);
    if (!members) this.localMembers.set(conversationKey, (members = new Set()));
    members.add(member);
  }

  private untrack(conversationKey: string, member: string): void {
    const members = this.localMembers.get(conversationKey);
    members?.delete(member);
    if (members?.size === 0) this.localMembers.delete(conversationKey);
  }

  /** Claims the activity and takes a ticket; while a live member processes the same activity, waits for its outcome. */
  private async arrive(keys: ConversationRedisKeys, field: string, member: string, reuseTicket = ''): Promise<number> {
    const pendingTtlMs = this.lockWaitMs + 6 * this.lockTtlMs;
    const queueTtlMs = 2 * this.lockWaitMs + 10 * this.lockTtlMs;
    const args = [field, member, String(this.lockTtlMs), String(pendingTtlMs), String(queueTtlMs), reuseTicket, String(Math.max(this.doneTtlMs, pendingTtlMs))];
    const scriptKeys = [keys.claims, keys.claimExpiry, keys.queue, keys.ticket, keys.leases];
    const deadline = Date.now() + this.lockWaitMs + this.lockTtlMs;
    for (;;) {
      const result = Number(await runScriptBefore(this.client, ARRIVE_SCRIPT, scriptKeys, args, 'turn arrival'));
      if (result !== -4) return result;
      if (Date.now() > deadline) return -1;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Polls until the lock is ours (fence > 0), backing off from 2 to 25 ms. */
  private async acquire(keys: ConversationRedisKeys, member: string, ticket: number): Promise<number> {
    const deadline = Date.now() + this.lockWaitMs;
    const acquireKeys = [keys.lock, keys.queue, keys.fence, keys.leases];
    const args = [member, String(this.lockTtlMs), String(this.lockTtlMs), String(this.fenceTtlMs)];
    let delay = 2;
    for (;;) {
      const [code] = (await runScriptBefore(this.client, ACQUIRE_SCRIPT, acquireKeys, args, 'lock acquire')) as [number];
      if (code > 0) return code;
      if (code === -2) await this.arrive(keys, '', member, String(ticket));
      if (Date.now() > deadline) throw new LockWaitTimeoutError(this.lockWaitMs);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(25, Math.ceil(delay * 1.5));
    }
  }

  /** Runs `fn` while renewing the lock (and the member's lease) every third of its TTL. */
  private async holdWhile<T>(keys: ConversationRedisKeys, member: string, fn: () => Promise<T>): Promise<T> {
    const renew = setInterval(() => {
      runScript(this.client, EXTEND_SCRIPT, [keys.lock, keys.leases], [member, String(this.lockTtlMs), String(this.lockTtlMs)], 'lock renewal').catch(() => undefined);
    }, Math.max(50, Math.floor(this.lockTtlMs / 3)));
    try {
      return await fn();
    } finally {
      clearInterval(renew);
    }
  }

  private release(keys: ConversationRedisKeys, member: string, mode: '' | 'done' | 'forget', field: string): Promise<unknown> {
    const releaseKeys = [keys.lock, keys.queue, keys.leases, keys.claims, keys.claimExpiry, keys.fence];
    return runScript(this.client, RELEASE_SCRIPT, releaseKeys, [member, mode, field, String(this.doneTtlMs)], 'lock release');
  }

  /** Renews the leases of every member of this instance that waits or runs, in batches. */
  private renewLeases(): void {
    const pairs: [string, string][] = [];
    for (const [conversationKey, members] of this.localMembers) {
      const leases = conversationRedisKeys(this.prefix, conversationKey).leases;
      for (const member of members) pairs.push([leases, member]);
    }
    for (let i = 0; i < pairs.length; i += LEASE_BATCH) {
      const batch = pairs.slice(i, i + LEASE_BATCH);
      const keyList = [...new Set(batch.map(([key]) => key))];
      const args = [String(this.lockTtlMs), ...batch.flatMap(([key, member]) => [String(keyList.indexOf(key) + 1), member])];
      runScript(this.client, LEASE_SCRIPT, keyList, args, 'lease renewal').catch(() => undefined);
    }
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
