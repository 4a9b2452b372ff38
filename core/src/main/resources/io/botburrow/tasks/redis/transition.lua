-- KEYS: 1 task hash, 2 counts hash (agent|state -> n), 3 current hash (agent -> task id),
-- 4 last-finished hash (agent -> epoch ms).
-- ARGV: 1 target state, 2 allowed current states (comma-separated, ',x,y,'), 3 now (epoch ms),
-- 4 ttl (seconds), 5.. field/value pairs to set. Returns 1 when moved, 0 when not allowed, -1 when missing.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  return -1
end
local target = ARGV[1]
if not string.find(ARGV[2], ',' .. state .. ',', 1, true) then
  return 0
end
local agent = redis.call('HGET', KEYS[1], 'agent')
redis.call('HSET', KEYS[1], 'state', target)
for i = 5, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    redis.call('HDEL', KEYS[1], ARGV[i])
  else
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
if not (target == 'working' and state == 'working') then
  redis.call('HINCRBY', KEYS[2], agent .. '|' .. target, 1)
end
if target == 'working' then
  redis.call('HSET', KEYS[3], agent, redis.call('HGET', KEYS[1], 'id'))
elseif target == 'completed' or target == 'failed' or target == 'canceled' then
  if redis.call('HGET', KEYS[3], agent) == redis.call('HGET', KEYS[1], 'id') then
    redis.call('HDEL', KEYS[3], agent)
  end
  redis.call('HSET', KEYS[4], agent, ARGV[3])
end
return 1
