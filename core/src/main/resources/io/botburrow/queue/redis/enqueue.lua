-- ARGV: 3 agent, 4 kind index, 5 activation JSON, 6 fencing token, 7 enqueued-at (epoch ms)
local agent, k, json, token = ARGV[3], tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6])
local fence = tonumber(redis.call('GET', FENCE) or '0')
if token < fence then
  return {'FENCED', fence}
end
if token > fence then
  -- also re-seeds the counter after Redis lost it, so a new term starts above this token
  redis.call('SET', FENCE, token)
end
if circuit_open(agent) then
  return {'CIRCUIT_OPEN', fence}
end
local existing = redis.call('HGET', PENDING[k], agent)
if existing then
  local merged, changed = existing, false
  if KIND_NAMES[k] == 'notification' then
    merged, changed = merge_ids(existing, json)
  end
  if changed then
    redis.call('HSET', PENDING[k], agent, merged)
  end
  return {'ALREADY_PENDING', fence}
end
local score = tonumber(ARGV[7]) * ORDER_SLOTS + redis.call('INCR', SEQ) % ORDER_SLOTS
redis.call('HSET', PENDING[k], agent, json)
if redis.call('HEXISTS', RUNNING, agent) == 1 then
  redis.call('ZADD', HELD[k], num(score), agent)
else
  redis.call('ZADD', READY[k], num(score), agent)
  redis.call('PUBLISH', CHANNEL, KIND_NAMES[k])
end
return {'ENQUEUED', fence}
