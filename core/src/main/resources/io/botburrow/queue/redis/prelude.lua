-- Shared definitions, prepended to every queue script.
-- KEYS: fixed layout from RedisQueueKeys.scriptKeys(). ARGV[1]: wake channel, ARGV[2]: now (epoch ms).
-- Hub kinds (notification, exploration) have at most one pending activation per agent: its JSON in
-- PENDING[k], its order score in exactly one of READY[k] (claimable) or HELD[k] (agent running or
-- circuit open). Keyed kinds (message, webhook, delegation, schedule) may have more per agent: the
-- oldest is in PENDING[k] like the others, the rest wait in BACKLOG[k] (lex-ordered members
-- '<agent> <score> <id>', JSON in BACKLOG_DOCS[k]) and move up one by one as the agent's runs end.
local RUNNING, OWNER, LEASES = KEYS[1], KEYS[2], KEYS[3]
local CB_FAILURES, CB_UNTIL, CB_WAKE = KEYS[4], KEYS[5], KEYS[6]
local DEAD, DEAD_ERRORS, DEAD_ORDER = KEYS[7], KEYS[8], KEYS[9]
local STATS, SEQ, FENCE, IDEM = KEYS[10], KEYS[11], KEYS[12], KEYS[13]
local FIXED_KEYS, KEYS_PER_KIND = 13, 5
-- In ActivationKind's declaration order (checked by a test).
local KIND_NAMES = {'notification', 'exploration', 'message', 'webhook', 'delegation', 'schedule'}
local KEYED = {false, false, true, true, true, true}
local KIND_COUNT = #KIND_NAMES
local KIND_INDEX = {}
local READY, HELD, PENDING, BACKLOG, BACKLOG_DOCS = {}, {}, {}, {}, {}
for k = 1, KIND_COUNT do
  local base = FIXED_KEYS + (k - 1) * KEYS_PER_KIND
  KIND_INDEX[KIND_NAMES[k]] = k
  READY[k], HELD[k], PENDING[k] = KEYS[base + 1], KEYS[base + 2], KEYS[base + 3]
  BACKLOG[k], BACKLOG_DOCS[k] = KEYS[base + 4], KEYS[base + 5]
end
local CHANNEL = ARGV[1]
local NOW = tonumber(ARGV[2])
-- Scores keep enqueue order: epoch ms * 1024 plus a sequence within the millisecond.
local ORDER_SLOTS = 1024
-- The dead-letter list keeps the newest this many; older ones are dropped (counted in stats).
local MAX_DEAD_LETTERS = 10000

-- Newly claimable work per kind, announced once per script as '<kind>:<count>' (see done()).
local WAKES = {}
for k = 1, KIND_COUNT do
  WAKES[k] = 0
end

local function wake(k)
  WAKES[k] = WAKES[k] + 1
end

-- Every script returns through done(), so waiting runners hear about new work once per call.
local function done(result)
  for k = 1, KIND_COUNT do
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

-- Keys this call has seen empty: probing such a key for every agent of a batch is skipped. Every
-- write that could fill one (zadd below, and HSET of CB_UNTIL) forgets that it was empty.
local EMPTY = {}

local function may_hold(key)
  local empty = EMPTY[key]
  if empty == nil then
    empty = redis.call('EXISTS', key) == 0
    EMPTY[key] = empty
  end
  return not empty
end

local function filled(key)
  EMPTY[key] = false
end

-- Heads of ready queues (score, or false when empty) read during this call; a write forgets them.
local HEADS = {}

local function zadd(key, score, member)
  EMPTY[key] = false
  HEADS[key] = nil
  return redis.call('ZADD', key, score, member)
end

local function zrem(key, member)
  HEADS[key] = nil
  return redis.call('ZREM', key, member)
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
  local open_until = may_hold(CB_UNTIL) and redis.call('HGET', CB_UNTIL, agent)
  return open_until and tonumber(open_until) > NOW
end

-- Moves the agent's held work to the ready queues; the caller knows the agent is free to run.
local function unhold(agent)
  for k = 1, KIND_COUNT do
    local score = may_hold(HELD[k]) and redis.call('ZSCORE', HELD[k], agent)
    if score then
      zrem(HELD[k], agent)
      zadd(READY[k], score, agent)
      wake(k)
    end
  end
end

-- unhold() for many agents, with one command per key.
local function unhold_all(agents)
  for k = 1, KIND_COUNT do
    if may_hold(HELD[k]) then
      local scores = redis.call('ZMSCORE', HELD[k], unpack(agents))
      local moved, ready = {}, {}
      for n, agent in ipairs(agents) do
        if scores[n] then
          moved[#moved + 1] = agent
          ready[#ready + 1] = scores[n]
          ready[#ready + 1] = agent
        end
      end
      if #moved > 0 then
        HEADS[HELD[k]], HEADS[READY[k]] = nil, nil
        redis.call('ZREM', HELD[k], unpack(moved))
        filled(READY[k])
        redis.call('ZADD', READY[k], unpack(ready))
        WAKES[k] = WAKES[k] + #moved
      end
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
  for k = 1, KIND_COUNT do
    local score = k ~= skip and may_hold(READY[k]) and redis.call('ZSCORE', READY[k], agent)
    if score then
      zrem(READY[k], agent)
      zadd(HELD[k], score, agent)
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

local function backlog_push(k, agent, json, score)
  local member = agent .. ' ' .. string.format('%020.0f', score) .. ' ' .. field(json, 'id')
  redis.call('ZADD', BACKLOG[k], 0, member)
  redis.call('HSET', BACKLOG_DOCS[k], member, json)
end

-- Removes and returns the agent's oldest waiting work of keyed kind k and its score, or nil.
local function backlog_pop(k, agent)
  local head = redis.call('ZRANGEBYLEX', BACKLOG[k], '[' .. agent .. ' ', '(' .. agent .. '!', 'LIMIT', 0, 1)
  if #head == 0 then
    return nil
  end
  local member = head[1]
  local json = redis.call('HGET', BACKLOG_DOCS[k], member)
  redis.call('ZREM', BACKLOG[k], member)
  redis.call('HDEL', BACKLOG_DOCS[k], member)
  return json, tonumber(string.sub(member, #agent + 2, #agent + 21))
end

-- Makes json the agent's held pending work of kind k, absorbing a follow-up already pending there
-- (Hub kinds) or keeping the older of the two in front (keyed kinds).
local function put_back(agent, k, json, score)
  local existing = redis.call('HGET', PENDING[k], agent)
  if existing and KEYED[k] then
    local other = tonumber(redis.call('ZSCORE', HELD[k], agent) or redis.call('ZSCORE', READY[k], agent))
    if other < score then
      backlog_push(k, agent, json, score)
      return
    end
    backlog_push(k, agent, existing, other)
    existing = nil
  end
  if existing then
    json = merge_ids(json, existing)
    local other = redis.call('ZSCORE', HELD[k], agent) or redis.call('ZSCORE', READY[k], agent)
    if other and tonumber(other) < score then
      score = tonumber(other)
    end
  end
  zrem(READY[k], agent)
  redis.call('HSET', PENDING[k], agent, json)
  zadd(HELD[k], num(score), agent)
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

-- Ends the runs of `count` (agent, owner) pairs in ARGV from index `first` whose lease is still held
-- (completions); returns per pair 1, or 0 if the lease was lost. The runs end together: one call per
-- key for the whole batch.
local function end_runs(first, count)
  local results = {}
  if count == 0 then
    return results
  end
  local agents = {}
  for n = 1, count do
    agents[n] = ARGV[first + 2 * (n - 1)]
  end
  local owners = redis.call('HMGET', OWNER, unpack(agents))
  local ended, seen = {}, {}
  for n, agent in ipairs(agents) do
    -- the same lease twice in one batch ends once
    if owners[n] == ARGV[first + 2 * (n - 1) + 1] and not seen[agent] then
      seen[agent] = true
      ended[#ended + 1] = agent
      results[n] = 1
    else
      results[n] = 0
    end
  end
  if #ended > 0 then
    redis.call('HDEL', RUNNING, unpack(ended))
    redis.call('HDEL', OWNER, unpack(ended))
    redis.call('ZREM', LEASES, unpack(ended))
    for _, agent in ipairs(ended) do
      -- success closes the circuit
      if may_hold(CB_FAILURES) and redis.call('HDEL', CB_FAILURES, agent) == 1 then
        redis.call('HDEL', CB_UNTIL, agent)
        redis.call('ZREM', CB_WAKE, agent)
      end
    end
    unhold_all(ended)
  end
  return results
end
