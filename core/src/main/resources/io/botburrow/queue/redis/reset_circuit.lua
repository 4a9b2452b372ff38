-- ARGV: 3 agent. Closes the agent's circuit as a success does. Returns 1 if it had one, else 0.
local agent = ARGV[3]
local had = redis.call('HDEL', CB_FAILURES, agent) + redis.call('HDEL', CB_UNTIL, agent)
redis.call('ZREM', CB_WAKE, agent)
make_claimable(agent)
if had > 0 then
  return done(1)
end
return done(0)
