-- ARGV from 3, pairs: agent, owner. Returns per pair 1, or 0 if the lease was lost. The runs that
-- end are ended together: one call per key for the whole batch.
local agents = {}
for i = 3, #ARGV, 2 do
  agents[#agents + 1] = ARGV[i]
end
local owners = redis.call('HMGET', OWNER, unpack(agents))
local results, ended, seen = {}, {}, {}
for n, agent in ipairs(agents) do
  -- the same lease twice in one batch ends once
  if owners[n] == ARGV[2 * n + 2] and not seen[agent] then
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
    unhold(agent)
  end
end
return done(results)
