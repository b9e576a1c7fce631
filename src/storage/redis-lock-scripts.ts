/**
 * Lua scripts of the Redis turn gate. Each runs atomically on the server and takes the
 * time from Redis (`TIME`), so the clocks of the bot instances never matter.
 *
 * Keys of one conversation `c` (hashed): `lock:c` (holder member, PX TTL), `q:c` (sorted set
 * of waiting members scored by arrival ticket), `t:c` (ticket counter), `f:c` (fencing
 * counter). `instances` is a sorted set of instance ids scored by "alive until" (ms).
 * A member is `<instanceId>|<sequence>`.
 */

/**
 * Registers an arrival: claims the activity key and takes a ticket in the conversation's
 * queue. Returns the ticket, -1 when the activity is `done` (a duplicate), or -4 when
 * another live instance is processing it (the caller waits and asks again). A claim left
 * `pending` by an instance that stopped sending heartbeats is taken over.
 */
export const ARRIVE_SCRIPT = `
-- KEYS: dedupe, queue, ticket, instances ; ARGV: hasDedupe, pendingTtlMs, member, instanceId, aliveMs, queueTtlMs
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[1] == '1' then
  local claim = redis.call('GET', KEYS[1])
  if claim == 'done' then return -1 end
  if claim then
    local alive = redis.call('ZSCORE', KEYS[4], string.match(claim, '^pending:([^|]+)') or '')
    if alive and tonumber(alive) >= now then return -4 end
  end
  redis.call('SET', KEYS[1], 'pending:' .. ARGV[3], 'PX', ARGV[2])
end
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[5]), ARGV[4])
redis.call('PEXPIRE', KEYS[4], 3600000)
local ticket = redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], ARGV[6])
redis.call('ZADD', KEYS[2], ticket, ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
return ticket
`;

/**
 * Tries to take the lock for `member`. Drops queue heads whose instance stopped sending
 * heartbeats. Returns the new fence (> 0), 0 (wait: an earlier member or the holder goes
 * first), -2 (member is no longer queued: arrive again) or -3 (the head is another member
 * of this instance; ARGV[4] is checked by the caller).
 */
export const ACQUIRE_SCRIPT = `
-- KEYS: lock, queue, fence, instances ; ARGV: member, lockTtlMs, instanceId, aliveMs, fenceTtlMs
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[4]), ARGV[3])
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return {-2, ''} end
while true do
  local head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if head == ARGV[1] then break end
  local inst = string.match(head, '^[^|]+')
  if inst == ARGV[3] then return {-3, head} end
  local alive = redis.call('ZSCORE', KEYS[4], inst)
  if alive and tonumber(alive) >= now then return {0, ''} end
  redis.call('ZREM', KEYS[2], head)
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  redis.call('ZREM', KEYS[2], ARGV[1])
  local fence = redis.call('INCR', KEYS[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
  return {fence, ''}
end
return {0, ''}
`;

/** Extends the lock's TTL if `member` still holds it. Returns 1 or 0. */
export const EXTEND_SCRIPT = `
-- KEYS: lock ; ARGV: member, lockTtlMs
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

/**
 * Ends a turn: deletes the lock only if `member` still holds it (compare-and-delete), and
 * marks the activity `done` (kept `doneTtlMs`) or, after a failure, forgets this member's
 * claim so a redelivery may retry (a claim already committed `done` by the state write stays).
 */
export const RELEASE_SCRIPT = `
-- KEYS: lock, dedupe, queue ; ARGV: member, dedupeMode ('' | 'done' | 'forget'), doneTtlMs
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('ZREM', KEYS[3], ARGV[1])
if ARGV[2] == 'done' then
  redis.call('SET', KEYS[2], 'done', 'PX', ARGV[3])
elseif ARGV[2] == 'forget' and redis.call('GET', KEYS[2]) == 'pending:' .. ARGV[1] then
  redis.call('DEL', KEYS[2])
end
return 1
`;

/** Heartbeat of an instance; also forgets instances silent for an hour. */
export const HEARTBEAT_SCRIPT = `
-- KEYS: instances ; ARGV: instanceId, aliveMs
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 3600000)
redis.call('PEXPIRE', KEYS[1], 3600000)
return 1
`;
