-- Shared definitions, prepended to every queue script.
-- KEYS: fixed layout from RedisQueueKeys.scriptKeys(). ARGV[1]: wake channel, ARGV[2]: now (epoch ms).
-- Per (agent, kind) at most one pending activation: its JSON in PENDING[k], its order score in
-- exactly one of READY[k] (claimable) or HELD[k] (agent running or circuit open).
local READY = {KEYS[1], KEYS[2]}
local HELD = {KEYS[3], KEYS[4]}
local PENDING = {KEYS[5], KEYS[6]}
local RUNNING, OWNER, LEASES = KEYS[7], KEYS[8], KEYS[9]
local CB_FAILURES, CB_UNTIL, CB_WAKE = KEYS[10], KEYS[11], KEYS[12]
local DEAD, DEAD_ERRORS, DEAD_ORDER = KEYS[13], KEYS[14], KEYS[15]
local STATS, SEQ, FENCE = KEYS[16], KEYS[17], KEYS[18]
local CHANNEL = ARGV[1]
local NOW = tonumber(ARGV[2])
local KIND_NAMES = {'notification', 'exploration'}
local KIND_INDEX = {notification = 1, exploration = 2}
-- Scores keep enqueue order: epoch ms * 1024 plus a sequence within the millisecond.
local ORDER_SLOTS = 1024
-- The dead-letter list keeps the newest this many; older ones are dropped (counted in stats).
local MAX_DEAD_LETTERS = 10000

-- Newly claimable work per kind, announced once per script as '<kind>:<count>' (see done()).
local WAKES = {0, 0}

local function wake(k)
  WAKES[k] = WAKES[k] + 1
end

-- Every script returns through done(), so waiting runners hear about new work once per call.
local function done(result)
  for k = 1, 2 do
    if WAKES[k] > 0 then
      redis.call('PUBLISH', CHANNEL, KIND_NAMES[k] .. ':' .. WAKES[k])
    end
  end
  return result
end

-- Lua's default number formatting (%.14g) would round scores and timestamps.
local function num(x)
  return string.format('%.0f', x)
end

local function field(json, name)
  return string.match(json, '"' .. name .. '":"?([^",}]*)')
end

local function kind_of(json)
  return KIND_INDEX[field(json, 'kind')]
end

local function base_score(json)
  return tonumber(field(json, 'enqueuedAt')) * ORDER_SLOTS
end

local function circuit_open(agent)
  local open_until = redis.call('HGET', CB_UNTIL, agent)
  return open_until and tonumber(open_until) > NOW
end

-- Moves the agent's held work to the ready queues; the caller knows the agent is free to run.
local function unhold(agent)
  for k = 1, 2 do
    local score = redis.call('ZSCORE', HELD[k], agent)
    if score then
      redis.call('ZREM', HELD[k], agent)
      redis.call('ZADD', READY[k], score, agent)
      wake(k)
    end
  end
end

-- Moves the agent's held work to the ready queues if it is free to run.
local function make_claimable(agent)
  if redis.call('HEXISTS', RUNNING, agent) == 1 or circuit_open(agent) then
    return
  end
  unhold(agent)
end

-- Takes the agent's ready work out of reach of claims (it started running or its circuit opened),
-- except kind `skip` (pass 0 for none).
local function hold(agent, skip)
  for k = 1, 2 do
    local score = k ~= skip and redis.call('ZSCORE', READY[k], agent)
    if score then
      redis.call('ZREM', READY[k], agent)
      redis.call('ZADD', HELD[k], score, agent)
    end
  end
end

-- Adds the notification ids of source to target; returns the new target JSON and whether it changed.
local function merge_ids(target_json, source_json)
  local source = cjson.decode(source_json)
  if type(source.nids) ~= 'table' or #source.nids == 0 then
    return target_json, false
  end
  local target = cjson.decode(target_json)
  local ids = type(target.nids) == 'table' and target.nids or {}
  local seen = {}
  for _, id in ipairs(ids) do
    seen[id] = true
  end
  local changed = false
  for _, id in ipairs(source.nids) do
    if not seen[id] then
      seen[id] = true
      ids[#ids + 1] = id
      changed = true
    end
  end
  if not changed then
    return target_json, false
  end
  target.nids = ids
  return cjson.encode(target), true
end

-- Makes json the agent's held pending work of kind k, absorbing a follow-up already pending there.
local function put_back(agent, k, json, score)
  local existing = redis.call('HGET', PENDING[k], agent)
  if existing then
    json = merge_ids(json, existing)
    local other = redis.call('ZSCORE', HELD[k], agent) or redis.call('ZSCORE', READY[k], agent)
    if other and tonumber(other) < score then
      score = tonumber(other)
    end
    redis.call('ZREM', READY[k], agent)
  end
  redis.call('HSET', PENDING[k], agent, json)
  redis.call('ZADD', HELD[k], num(score), agent)
end

local function owns(agent, owner)
  return redis.call('HGET', OWNER, agent) == owner
end

local function end_run(agent)
  redis.call('HDEL', RUNNING, agent)
  redis.call('HDEL', OWNER, agent)
  redis.call('ZREM', LEASES, agent)
end

-- Ends the agent's run and returns the activation JSON it ran.
local function finish_run(agent)
  local json = redis.call('HGET', RUNNING, agent)
  end_run(agent)
  return json
end

-- Another attempt, or the dead-letter list once max_attempts deliveries failed.
local function redeliver_or_bury(agent, json, err, max_attempts)
  local attempt = tonumber(field(json, 'attempt'))
  if attempt >= max_attempts then
    local id = field(json, 'id')
    redis.call('HSET', DEAD, id, json)
    redis.call('HSET', DEAD_ERRORS, id, err)
    redis.call('ZADD', DEAD_ORDER, num(NOW), id)
    redis.call('HINCRBY', STATS, 'dead_letters', 1)
    if redis.call('ZCARD', DEAD_ORDER) > MAX_DEAD_LETTERS then
      local oldest = redis.call('ZPOPMIN', DEAD_ORDER)
      redis.call('HDEL', DEAD, oldest[1])
      redis.call('HDEL', DEAD_ERRORS, oldest[1])
    end
    return 'DEAD_LETTERED'
  end
  local next_json = string.gsub(json, '"attempt":%d+', '"attempt":' .. (attempt + 1), 1)
  put_back(agent, kind_of(json), next_json, base_score(json))
  redis.call('HINCRBY', STATS, 'redeliveries', 1)
  return 'REDELIVERED'
end
