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

local function fenced_out(token)
  if token == INGRESS then
    return fence == 0 and 'FENCED:0' or nil
  end
  return token ~= fence and 'FENCED:' .. num(fence) or nil
end

-- Hub kinds are enqueued with one command per key for the whole batch: what the batch's agents have
-- pending, running and open circuits is read first (HMGET), the outcomes are decided here in argument
-- order against that view (a later activation of the same agent sees the earlier one pending), and the
-- writes go out at the end (HSET, ZADD). Keyed kinds touch other keys and go one by one.
local hub_agents, hub_seen = {}, {}
local by_kind = {}
for i = 3, #ARGV, 8 do
  local k = tonumber(ARGV[i + 1])
  if not KEYED[k] and not fenced_out(tonumber(ARGV[i + 3])) then
    local agent = ARGV[i]
    if not hub_seen[agent] then
      hub_seen[agent] = true
      hub_agents[#hub_agents + 1] = agent
    end
    local group = by_kind[k]
    if not group then
      group = {agents = {}, seen = {}}
      by_kind[k] = group
    end
    if not group.seen[agent] then
      group.seen[agent] = true
      group.agents[#group.agents + 1] = agent
    end
  end
end

local running, open_until = {}, {}
if #hub_agents > 0 then
  local runs = redis.call('HMGET', RUNNING, unpack(hub_agents))
  local circuits = may_hold(CB_UNTIL) and redis.call('HMGET', CB_UNTIL, unpack(hub_agents)) or {}
  for n, agent in ipairs(hub_agents) do
    running[agent] = runs[n] ~= false
    open_until[agent] = circuits[n] and tonumber(circuits[n]) or 0
  end
end
for k, group in pairs(by_kind) do
  local docs = redis.call('HMGET', PENDING[k], unpack(group.agents))
  group.docs, group.writes, group.ready, group.held = {}, {}, {}, {}
  for n, agent in ipairs(group.agents) do
    group.docs[agent] = docs[n]
  end
end

local function enqueue_hub(agent, k, json, enqueued_at, nids)
  if open_until[agent] > NOW then
    return 'CIRCUIT_OPEN'
  end
  local group = by_kind[k]
  local existing = group.docs[agent]
  if existing then
    if KIND_NAMES[k] == 'notification' and not same_ids(existing, nids) then
      local merged, changed = merge_ids(existing, json)
      if changed then
        group.docs[agent] = merged
        group.writes[agent] = true
      end
    end
    return 'ALREADY_PENDING'
  end
  group.docs[agent] = json
  group.writes[agent] = true
  local scores = running[agent] and group.held or group.ready
  scores[#scores + 1] = num(enqueued_at * ORDER_SLOTS + next_seq() % ORDER_SLOTS)
  scores[#scores + 1] = agent
  return 'ENQUEUED'
end

local results = {}
for i = 3, #ARGV, 8 do
  local agent, k, json, token = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], tonumber(ARGV[i + 3])
  local refused = fenced_out(token)
  if refused then
    results[#results + 1] = refused
  elseif KEYED[k] then
    results[#results + 1] = enqueue_keyed(agent, k, json, tonumber(ARGV[i + 4]), ARGV[i + 6], tonumber(ARGV[i + 7]))
  else
    results[#results + 1] = enqueue_hub(agent, k, json, tonumber(ARGV[i + 4]), ARGV[i + 5])
  end
end

for k, group in pairs(by_kind) do
  local docs = {}
  for _, agent in ipairs(group.agents) do
    if group.writes[agent] then
      docs[#docs + 1] = agent
      docs[#docs + 1] = group.docs[agent]
    end
  end
  if #docs > 0 then
    redis.call('HSET', PENDING[k], unpack(docs))
  end
  if #group.held > 0 then
    filled(HELD[k])
    redis.call('ZADD', HELD[k], unpack(group.held))
  end
  if #group.ready > 0 then
    filled(READY[k])
    redis.call('ZADD', READY[k], unpack(group.ready))
    WAKES[k] = WAKES[k] + #group.ready / 2
  end
end
return done(results)
