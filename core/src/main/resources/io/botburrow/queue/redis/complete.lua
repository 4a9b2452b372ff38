-- ARGV: 3 agent, 4 owner. Returns 1, or 0 if the lease was lost.
local agent = ARGV[3]
if not owns(agent, ARGV[4]) then
  return 0
end
finish_run(agent)
redis.call('HDEL', CB_FAILURES, agent)
redis.call('HDEL', CB_UNTIL, agent)
redis.call('ZREM', CB_WAKE, agent)
make_claimable(agent)
return 1
