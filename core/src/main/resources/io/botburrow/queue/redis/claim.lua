-- ARGV: 3 runner id, 4 lease expiry (epoch ms), 5 max activations, 6 promote-after (ms, 0: never),
-- 7 number C of completions that go first (the runner's slots that just finished), 8.. C pairs of
-- agent and owner, then pairs of kind index and rank. The head with the lowest rank wins, less one
-- rank per promote-after it has waited (so nothing starves); the older head breaks a tie.
-- Returns the C completion results (1, or 0 if the lease was lost), then the claimed activations.
local runner, expiry, max, promote = ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local completions = tonumber(ARGV[7])
local kinds = {}
for i = 8 + 2 * completions, #ARGV, 2 do
  kinds[#kinds + 1] = {tonumber(ARGV[i]), tonumber(ARGV[i + 1])}
end
local completed = end_runs(8, completions)

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

-- The score of the head of ready queue k, or false when it is empty; read once until a write.
local function head_score(k)
  local key = READY[k]
  local score = HEADS[key]
  if score == nil then
    local head = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    score = #head > 0 and tonumber(head[2])
    HEADS[key] = score
    if not score then
      -- hold() need not probe it for every claimed agent
      EMPTY[key] = true
    end
  end
  return score
end

-- The kind whose head goes next, or nil when nothing is ready.
local function next_kind()
  local best, best_rank, best_score = nil, 0, 0
  for _, entry in ipairs(kinds) do
    local score = head_score(entry[1])
    if score then
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
      zadd(HELD[k], num(score), agent)
    end
  end
end

-- Takes the next heads of ready queue k: all that are wanted when k is the only kind with ready work
-- (ranks then decide nothing), else one. Returns a flat list of members and scores.
local function pop(k, wanted)
  if wanted > 1 then
    for _, entry in ipairs(kinds) do
      if entry[1] ~= k and head_score(entry[1]) then
        wanted = 1
        break
      end
    end
  end
  HEADS[READY[k]] = nil
  return redis.call('ZPOPMIN', READY[k], wanted)
end

-- Owners and leases of the claimed runs, written in one call each at the end (nothing reads them here).
local owners, leases = {}, {}

local claimed = {}
while #claimed < max do
  local k = next_kind()
  if not k then
    break
  end
  local heads = pop(k, max - #claimed)
  for i = 1, #heads, 2 do
    local agent, score = heads[i], heads[i + 1]
    local json = redis.call('HGET', PENDING[k], agent)
    if not json then
      -- a ready entry without its document: dropped, unless its agent runs (then it waits, held)
      if redis.call('HEXISTS', RUNNING, agent) == 1 then
        zadd(HELD[k], score, agent)
      end
    elseif redis.call('HSETNX', RUNNING, agent, json) == 0 then
      -- never expected (work is held while its agent runs), but single flight must not depend on it
      zadd(HELD[k], score, agent)
    else
      redis.call('HDEL', PENDING[k], agent)
      owners[#owners + 1] = agent
      owners[#owners + 1] = runner .. '|' .. field(json, 'id')
      leases[#leases + 1] = expiry
      leases[#leases + 1] = agent
      hold(agent, k)
      promote_backlog(k, agent)
      claimed[#claimed + 1] = json
    end
  end
end
if #owners > 0 then
  redis.call('HSET', OWNER, unpack(owners))
  redis.call('ZADD', LEASES, unpack(leases))
end
for _, json in ipairs(claimed) do
  completed[#completed + 1] = json
end
return done(completed)
