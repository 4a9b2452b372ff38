-- ARGV: 3 agent, 4 owner. Puts the running activation back at the head of its queue, same attempt.
local agent = ARGV[3]
if not owns(agent, ARGV[4]) then
  return done(0)
end
local json = finish_run(agent)
local k = kind_of(json)
local score = base_score(json)
local head = redis.call('ZRANGE', READY[k], 0, 0, 'WITHSCORES')
if #head > 0 and tonumber(head[2]) <= score then
  score = tonumber(head[2]) - 1
end
put_back(agent, k, json, score)
make_claimable(agent)
return done(1)
