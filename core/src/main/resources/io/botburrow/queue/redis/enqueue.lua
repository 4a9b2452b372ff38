-- ARGV from 3, eight per activation: agent, kind index, activation JSON, fencing token (-1: ingress),
-- enqueued-at ms, the JSON of its notification ids (the exact text that ends the activation JSON),
-- idempotency key ('' for Hub kinds) and how long to remember it (ms).
-- Returns per activation: ENQUEUED, ALREADY_PENDING, DUPLICATE, CIRCUIT_OPEN, or FENCED:<current token>
-- (0: none).

-- Whether the pending document already ends with exactly these ids: the common case of a Hub poll
-- seeing the same unread notifications again, answered without decoding JSON.
local function same_ids(existing, nids)
  return nids == '[]' or string.sub(existing, -(#nids + 1)) == nids .. '}'
end

-- Only the current term's token is accepted. Only the leader election's acquire writes the counter:
-- after Redis lost it (restart, flush) nothing is accepted until a leader has started a term, and a
-- deposed leader's token (lower, or higher from before the loss) never is.
local fence = tonumber(redis.call('GET', FENCE) or '0')
-- Ingress (webhooks, API messages on any replica) decides nothing about shared state: its
-- idempotency key guards it, but it too waits for a term after Redis lost its state.
local INGRESS = -1
local IDEM_PRUNE_BATCH = 64

local function forget_expired_keys()
  local expired = redis.call('ZRANGEBYSCORE', IDEM, '-inf', num(NOW), 'LIMIT', 0, IDEM_PRUNE_BATCH)
  if #expired > 0 then
    redis.call('ZREM', IDEM, unpack(expired))
  end
end

-- Order sequence numbers, reserved for the whole batch with one INCRBY on first use.
local BATCH = (#ARGV - 2) / 8
local seq_next, seq_last = 1, 0

local function next_seq()
  if seq_next > seq_last then
    seq_last = redis.call('INCRBY', SEQ, BATCH)
    seq_next = seq_last - BATCH + 1
  end
  seq_next = seq_next + 1
  return seq_next - 1
end

-- Makes json (already stored in PENDING[k]) claimable, or held while its agent runs or its circuit is open.
local function insert(agent, k, score)
  if redis.call('HEXISTS', RUNNING, agent) == 1 or circuit_open(agent) then
    zadd(HELD[k], num(score), agent)
  else
    zadd(READY[k], num(score), agent)
    wake(k)
  end
end

-- Keyed work is never refused for an open circuit: it waits, held, until the circuit closes.
local function enqueue_keyed(agent, k, json, enqueued_at, key, dedup_ms)
  local seen = redis.call('ZSCORE', IDEM, key)
  if seen and tonumber(seen) > NOW then
    return 'DUPLICATE'
  end
  forget_expired_keys()
  redis.call('ZADD', IDEM, num(NOW + dedup_ms), key)
  local score = enqueued_at * ORDER_SLOTS + next_seq() % ORDER_SLOTS
  if redis.call('HSETNX', PENDING[k], agent, json) == 0 then
    backlog_push(k, agent, json, score)
  else
    insert(agent, k, score)
  end
  return 'ENQUEUED'
end

local function enqueue(agent, k, json, token, enqueued_at, nids, key, dedup_ms)
  if token == INGRESS then
    if fence == 0 then
      return 'FENCED:0'
    end
  elseif token ~= fence then
    return 'FENCED:' .. num(fence)
  end
  if KEYED[k] then
    return enqueue_keyed(agent, k, json, enqueued_at, key, dedup_ms)
  end
  if circuit_open(agent) then
    return 'CIRCUIT_OPEN'
  end
  if redis.call('HSETNX', PENDING[k], agent, json) == 0 then
    if KIND_NAMES[k] == 'notification' then
      local existing = redis.call('HGET', PENDING[k], agent)
      if not same_ids(existing, nids) then
        local merged, changed = merge_ids(existing, json)
        if changed then
          redis.call('HSET', PENDING[k], agent, merged)
        end
      end
    end
    return 'ALREADY_PENDING'
  end
  insert(agent, k, enqueued_at * ORDER_SLOTS + next_seq() % ORDER_SLOTS)
  return 'ENQUEUED'
end

local results = {}
for i = 3, #ARGV, 8 do
  results[#results + 1] = enqueue(
    ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], tonumber(ARGV[i + 3]), tonumber(ARGV[i + 4]), ARGV[i + 5],
    ARGV[i + 6], tonumber(ARGV[i + 7]))
end
return done(results)
