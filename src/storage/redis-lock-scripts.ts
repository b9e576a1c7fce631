/**
 * Lua scripts of the Redis turn gate. Each runs atomically on the server and takes the
 * time from Redis (`TIME`), so the clocks of the bot instances never matter. Scripts that
 * take a ticket or the lock carry a deadline (`ARGV[1]`, see redis-clock.ts): run after the
 * client gave up (a frozen Redis waking up), they change nothing and answer `-9`.
 *
 * Keys of one conversation (redis-keys.ts): `lock` (holder member, PX TTL), `queue` (waiting
 * members scored by ticket), `ticket` (counter), `fence` (fencing counter), `leases` (member ->
 * alive until, ms), `claims` (activity -> `pending:<member>` | `done`) and `claimExpiry`
 * (activity -> expires at, ms). A member is `<instanceId>|<sequence>`; its instance renews its
 * lease while it waits or runs, so a member whose turn was abandoned (its instance gave up
 * during an outage, or died) is skipped one lease after its last renewal.
 */
import { deadlineCheck } from './redis-clock';

/**
 * Registers an arrival: claims the activity and takes a ticket in the conversation's queue.
 * Returns the ticket, -1 when the activity is `done` (a duplicate), -4 when a member with a
 * live lease is processing it (the caller waits and asks again), -9 after the deadline.
 * `reuseTicket` puts a member that was dropped from the queue back at its old place.
 */
export const ARRIVE_SCRIPT = `
-- KEYS: claims, claimExpiry, queue, ticket, leases
-- ARGV: deadline, field ('' = no claim), member, leaseMs, pendingTtlMs, queueTtlMs, reuseTicket ('' = new), claimsTtlMs
${deadlineCheck()}
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 20)
for _, f in ipairs(old) do
  redis.call('HDEL', KEYS[1], f)
  redis.call('ZREM', KEYS[2], f)
end
if ARGV[2] ~= '' then
  local claim = redis.call('HGET', KEYS[1], ARGV[2])
  if claim == 'done' then return -1 end
  if claim then
    local owner = string.match(claim, '^pending:(.+)$')
    local lease = owner and redis.call('ZSCORE', KEYS[5], owner)
    if lease and tonumber(lease) >= now then return -4 end
  end
  redis.call('HSET', KEYS[1], ARGV[2], 'pending:' .. ARGV[3])
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[5]), ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[8])
  redis.call('PEXPIRE', KEYS[2], ARGV[8])
end
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now - 60000)
redis.call('ZADD', KEYS[5], now + tonumber(ARGV[4]), ARGV[3])
redis.call('PEXPIRE', KEYS[5], ARGV[6])
local ticket
if ARGV[7] ~= '' then
  ticket = tonumber(ARGV[7])
else
  ticket = redis.call('INCR', KEYS[4])
  redis.call('PEXPIRE', KEYS[4], ARGV[6])
end
redis.call('ZADD', KEYS[3], ticket, ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[6])
return ticket
`;

/**
 * Tries to take the lock for `member`, renewing its lease. Drops queue heads whose lease ran
 * out. Returns `{fence}` (> 0) when the lock is taken, `{0}` (wait: an earlier member or the
 * holder goes first), `{-2}` (member no longer queued: arrive again) or `{-9}` (deadline).
 */
export const ACQUIRE_SCRIPT = `
-- KEYS: lock, queue, fence, leases ; ARGV: deadline, member, lockTtlMs, leaseMs, fenceTtlMs
${deadlineCheck('{-9}')}
if not redis.call('ZSCORE', KEYS[2], ARGV[2]) then return {-2} end
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[4]), ARGV[2])
while true do
  local head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if head == ARGV[2] then break end
  local lease = redis.call('ZSCORE', KEYS[4], head)
  if lease and tonumber(lease) >= now then return {0} end
  redis.call('ZREM', KEYS[2], head)
  redis.call('ZREM', KEYS[4], head)
end
if redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[3]) then
  redis.call('ZREM', KEYS[2], ARGV[2])
  local fence = redis.call('INCR', KEYS[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
  return {fence}
end
return {0}
`;

/** Extends the lock's TTL if `member` still holds it, and renews its lease. Returns 1 or 0. */
export const EXTEND_SCRIPT = `
-- KEYS: lock, leases ; ARGV: member, lockTtlMs, leaseMs
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[2], 'XX', now + tonumber(ARGV[3]), ARGV[1])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

/** Renews the leases of waiting members: ARGV is leaseMs, then (key index, member) pairs. */
export const LEASE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ms = now + tonumber(ARGV[1])
for i = 2, #ARGV, 2 do
  redis.call('ZADD', KEYS[tonumber(ARGV[i])], 'XX', until_ms, ARGV[i + 1])
end
return 1
`;

/**
 * Ends a turn: deletes the lock only if `member` still holds it (compare-and-delete), drops
 * the member's queue place and lease, and marks the activity `done` (kept `doneTtlMs`) or,
 * after a failure, forgets this member's claim so a redelivery may retry (a claim already
 * committed `done` by the state write stays). A conversation whose data was deleted during
 * the turn (no fencing counter left) gets no new claim.
 */
export const RELEASE_SCRIPT = `
-- KEYS: lock, queue, leases, claims, claimExpiry, fence ; ARGV: member, mode ('' | 'done' | 'forget'), field, doneTtlMs
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
if ARGV[3] == '' then return 1 end
local claim = redis.call('HGET', KEYS[4], ARGV[3])
if ARGV[2] == 'done' and claim ~= 'done' and redis.call('EXISTS', KEYS[6]) == 1 then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  redis.call('HSET', KEYS[4], ARGV[3], 'done')
  redis.call('ZADD', KEYS[5], now + tonumber(ARGV[4]), ARGV[3])
  redis.call('PEXPIRE', KEYS[4], ARGV[4])
  redis.call('PEXPIRE', KEYS[5], ARGV[4])
elseif ARGV[2] == 'forget' and claim == 'pending:' .. ARGV[1] then
  redis.call('HDEL', KEYS[4], ARGV[3])
  redis.call('ZREM', KEYS[5], ARGV[3])
end
return 1
`;
