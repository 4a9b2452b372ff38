-- ARGV from 3, pairs: agent, owner. Returns per pair 1, or 0 if the lease was lost.
local results = {}
for i = 3, #ARGV, 2 do
  local agent = ARGV[i]
  if owns(agent, ARGV[i + 1]) then
    finish_run(agent)
    redis.call('HDEL', CB_FAILURES, agent)
    redis.call('HDEL', CB_UNTIL, agent)
    redis.call('ZREM', CB_WAKE, agent)
    make_claimable(agent)
    results[#results + 1] = 1
  else
    results[#results + 1] = 0
  end
end
return done(results)
