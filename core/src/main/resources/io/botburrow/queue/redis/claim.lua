-- ARGV: 3 runner id, 4 lease expiry (epoch ms), 5 max activations, 6 promote-after (ms, 0: never),
-- 7.. pairs of kind index and rank. The head with the lowest rank wins, less one rank per
-- promote-after it has waited (so nothing starves); the older head breaks a tie.
local runner, expiry, max, promote = ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local kinds = {}
for i = 7, #ARGV, 2 do
  kinds[#kinds + 1] = {tonumber(ARGV[i]), tonumber(ARGV[i + 1])}
end

-- circuits whose backoff has passed: their held work becomes claimable
local due = redis.call('ZRANGEBYSCORE', CB_WAKE, '-inf', num(NOW), 'LIMIT', 0, 64)
for _, agent in ipairs(due) do
  redis.call('ZREM', CB_WAKE, agent)
  make_claimable(agent)
end

local function effective_rank(rank, score)
  if promote <= 0 then
    return rank
  end
  local waited = NOW - math.floor(score / ORDER_SLOTS)
  return rank - math.floor(math.max(waited, 0) / promote)
end

-- The kind whose head goes next, or nil when nothing is ready.
local function next_kind()
  local best, best_rank, best_score = nil, 0, 0
  for _, entry in ipairs(kinds) do
    local head = redis.call('ZRANGE', READY[entry[1]], 0, 0, 'WITHSCORES')
    if #head > 0 then
      local score = tonumber(head[2])
      local rank = effective_rank(entry[2], score)
      if not best or rank < best_rank or (rank == best_rank and score < best_score) then
        best, best_rank, best_score = entry[1], rank, score
      end
    end
  end
  return best
end

-- Keyed kinds: the agent's next waiting item becomes its pending work, held until this run ends.
local function promote_backlog(k, agent)
  if KEYED[k] then
    local json, score = backlog_pop(k, agent)
    if json then
      redis.call('HSET', PENDING[k], agent, json)
      redis.call('ZADD', HELD[k], num(score), agent)
    end
  end
end

local claimed = {}
while #claimed < max do
  local k = next_kind()
  if not k then
    break
  end
  local head = redis.call('ZPOPMIN', READY[k])
  local agent, score = head[1], head[2]
  if redis.call('HEXISTS', RUNNING, agent) == 1 then
    -- never expected (work is held while its agent runs), but single flight must not depend on it
    redis.call('ZADD', HELD[k], score, agent)
  else
    local json = redis.call('HGET', PENDING[k], agent)
    redis.call('HDEL', PENDING[k], agent)
    if json then
      redis.call('HSET', RUNNING, agent, json)
      redis.call('HSET', OWNER, agent, runner .. '|' .. field(json, 'id'))
      redis.call('ZADD', LEASES, expiry, agent)
      hold(agent, k)
      promote_backlog(k, agent)
      claimed[#claimed + 1] = json
    end
  end
end
return done(claimed)
