-- ARGV: 3 agent, 4 owner, 5 error, 6 max attempts, 7.. circuit backoff (ms) after 1, 2, ... failures
-- Returns REDELIVERED, DEAD_LETTERED, or LOST.
local agent = ARGV[3]
if not owns(agent, ARGV[4]) then
  return done('LOST')
end
local json = finish_run(agent)
local failures = redis.call('HINCRBY', CB_FAILURES, agent, 1)
local backoff = tonumber(ARGV[6 + math.min(failures, #ARGV - 6)])
if backoff > 0 then
  local open_until = num(NOW + backoff)
  redis.call('HSET', CB_UNTIL, agent, open_until)
  filled(CB_UNTIL)
  redis.call('ZADD', CB_WAKE, open_until, agent)
  hold(agent, 0)
end
local outcome = redeliver_or_bury(agent, json, ARGV[5], tonumber(ARGV[6]))
make_claimable(agent)
return done(outcome)
