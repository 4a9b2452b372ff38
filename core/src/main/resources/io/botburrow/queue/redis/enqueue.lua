-- ARGV from 3, six per activation: agent, kind index, activation JSON, fencing token, enqueued-at ms,
-- and the JSON of its notification ids (the exact text that ends the activation JSON).
-- Returns per activation: ENQUEUED, ALREADY_PENDING, CIRCUIT_OPEN, or FENCED:<current token> (0: none).

-- Whether the pending document already ends with exactly these ids: the common case of a Hub poll
-- seeing the same unread notifications again, answered without decoding JSON.
local function same_ids(existing, nids)
  return nids == '[]' or string.sub(existing, -(#nids + 1)) == nids .. '}'
end

-- Only the current term's token is accepted. Only the leader election's acquire writes the counter:
-- after Redis lost it (restart, flush) nothing is accepted until a leader has started a term, and a
-- deposed leader's token (lower, or higher from before the loss) never is.
local fence = tonumber(redis.call('GET', FENCE) or '0')

local function enqueue(agent, k, json, token, enqueued_at, nids)
  if token ~= fence then
    return 'FENCED:' .. num(fence)
  end
  if circuit_open(agent) then
    return 'CIRCUIT_OPEN'
  end
  local existing = redis.call('HGET', PENDING[k], agent)
  if existing then
    if KIND_NAMES[k] == 'notification' and not same_ids(existing, nids) then
      local merged, changed = merge_ids(existing, json)
      if changed then
        redis.call('HSET', PENDING[k], agent, merged)
      end
    end
    return 'ALREADY_PENDING'
  end
  local score = enqueued_at * ORDER_SLOTS + redis.call('INCR', SEQ) % ORDER_SLOTS
  redis.call('HSET', PENDING[k], agent, json)
  if redis.call('HEXISTS', RUNNING, agent) == 1 then
    redis.call('ZADD', HELD[k], num(score), agent)
  else
    redis.call('ZADD', READY[k], num(score), agent)
    wake(k)
  end
  return 'ENQUEUED'
end

local results = {}
for i = 3, #ARGV, 6 do
  results[#results + 1] = enqueue(
    ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], tonumber(ARGV[i + 3]), tonumber(ARGV[i + 4]), ARGV[i + 5])
end
return done(results)
