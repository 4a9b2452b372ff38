-- ARGV: 3 limit. Returns a flat list: activation JSON, error, dead-at (epoch ms), ... oldest first.
local ids = redis.call('ZRANGE', DEAD_ORDER, 0, tonumber(ARGV[3]) - 1, 'WITHSCORES')
local out = {}
for i = 1, #ids, 2 do
  out[#out + 1] = redis.call('HGET', DEAD, ids[i]) or ''
  out[#out + 1] = redis.call('HGET', DEAD_ERRORS, ids[i]) or ''
  out[#out + 1] = ids[i + 1]
end
return out
