-- ARGV: 3 agent, 4 owner, 5 not before (epoch ms). Puts the running activation back, same attempt, and holds
-- the agent's work until then, as an open circuit does, without counting a failure. Returns 1, or 0 if lost.
local agent = ARGV[3]
if not owns(agent, ARGV[4]) then
  return done(0)
end
local json = finish_run(agent)
local not_before = tonumber(ARGV[5])
local open_until = may_hold(CB_UNTIL) and redis.call('HGET', CB_UNTIL, agent)
if not open_until or tonumber(open_until) < not_before then
  redis.call('HSET', CB_UNTIL, agent, num(not_before))
  filled(CB_UNTIL)
  redis.call('ZADD', CB_WAKE, num(not_before), agent)
end
hold(agent, 0)
put_back(agent, kind_of(json), json, base_score(json))
make_claimable(agent)
return done(1)
