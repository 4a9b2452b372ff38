-- ARGV: 3 runner id, 4 lease expiry (epoch ms), 5 max activations, 6.. kind indexes in priority order
local runner, expiry, max = ARGV[3], ARGV[4], tonumber(ARGV[5])

-- circuits whose backoff has passed: their held work becomes claimable
local due = redis.call('ZRANGEBYSCORE', CB_WAKE, '-inf', num(NOW), 'LIMIT', 0, 64)
for _, agent in ipairs(due) do
  redis.call('ZREM', CB_WAKE, agent)
  make_claimable(agent)
end

local claimed = {}
for i = 6, #ARGV do
  local k = tonumber(ARGV[i])
  while #claimed < max do
    local head = redis.call('ZPOPMIN', READY[k])
    if #head == 0 then
      break
    end
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
        claimed[#claimed + 1] = json
      end
    end
  end
end
return done(claimed)
