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
  -- a deferral (defer.lua) counted no failure: nothing is left of it once it is over
  if not (may_hold(CB_FAILURES) and redis.call('HEXISTS', CB_FAILURES, agent) == 1) then
    redis.call('HDEL', CB_UNTIL, agent)
  end
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

-- The next heads of ready queue k (left in it; see take()): all that are wanted when k is the only kind
-- with ready work (ranks then decide nothing), else one.
local function heads_of(k, wanted)
  if wanted > 1 then
    for _, entry in ipairs(kinds) do
      if entry[1] ~= k and head_score(entry[1]) then
        wanted = 1
        break
      end
    end
  end
  return redis.call('ZRANGE', READY[k], 0, wanted - 1)
end

-- Takes the first n heads out of ready queue k. Members are read without their scores and removed by
-- rank: Redis formats every score it replies with, which costs more than the rest of a claim's read.
local function take(k, n)
  HEADS[READY[k]] = nil
  redis.call('ZREMRANGEBYRANK', READY[k], 0, n - 1)
end

-- Owners and leases of the claimed runs, written in one call each at the end (nothing reads them here).
local owners, leases = {}, {}

-- Each pop's heads are claimed with one command per key: their documents and runs are read (HMGET),
-- the runs written and the documents taken out of pending (HSET, HDEL) before each claimed agent's other
-- work is held and its next keyed item (written to pending) moves up.
local claimed, claimed_agents = {}, {}
while #claimed < max do
  local k = next_kind()
  if not k then
    break
  end
  local agents = heads_of(k, max - #claimed)
  local docs = redis.call('HMGET', PENDING[k], unpack(agents))
  local runs = redis.call('HMGET', RUNNING, unpack(agents))
  local runs_written, started = {}, {}
  for n, agent in ipairs(agents) do
    local json = docs[n]
    if runs[n] or claimed_agents[agent] then
      -- never expected (work is held while its agent runs), but single flight must not depend on it
      zadd(HELD[k], redis.call('ZSCORE', READY[k], agent), agent)
    elseif json then
      claimed_agents[agent] = true
      runs_written[#runs_written + 1] = agent
      runs_written[#runs_written + 1] = json
      started[#started + 1] = agent
      owners[#owners + 1] = agent
      owners[#owners + 1] = runner .. '|' .. field(json, 'id')
      leases[#leases + 1] = expiry
      leases[#leases + 1] = agent
      claimed[#claimed + 1] = json
    end
    -- a ready entry without its document, whose agent does not run, is dropped
  end
  take(k, #agents)
  if #started > 0 then
    redis.call('HSET', RUNNING, unpack(runs_written))
    redis.call('HDEL', PENDING[k], unpack(started))
    for _, agent in ipairs(started) do
      hold(agent, k)
      promote_backlog(k, agent)
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
