-- ARGV: 3 kind index. Returns the smallest order score of the kind's pending work, or false.
local k = tonumber(ARGV[3])
local best = false
for _, key in ipairs({READY[k], HELD[k]}) do
  local head = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if #head > 0 and (not best or tonumber(head[2]) < tonumber(best)) then
    best = head[2]
  end
end
return best
