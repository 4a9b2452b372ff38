-- ARGV from 3, pairs: agent, owner. Returns per pair 1, or 0 if the lease was lost.
local results = {}
for i = 3, #ARGV, 2 do
  local agent = ARGV[i]
  if owns(agent, ARGV[i + 1]) then
    end_run(agent)
    -- success closes the circuit
    if redis.call('HDEL', CB_FAILURES, agent) == 1 then
      redis.call('HDEL', CB_UNTIL, agent)
      redis.call('ZREM', CB_WAKE, agent)
    end
    unhold(agent)
    results[#results + 1] = 1
  else
    results[#results + 1] = 0
  end
end
return done(results)
