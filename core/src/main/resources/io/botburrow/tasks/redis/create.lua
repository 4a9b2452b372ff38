-- KEYS: 1 task hash, 2 counts hash. ARGV: 1 agent, 2 ttl (seconds), 3.. field/value pairs.
-- Returns 1 when created, 0 when a task with this id exists.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
redis.call('HINCRBY', KEYS[2], ARGV[1] .. '|submitted', 1)
return 1
