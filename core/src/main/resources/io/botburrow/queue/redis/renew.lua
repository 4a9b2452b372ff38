-- ARGV: 3 agent, 4 owner (runner|activation id), 5 new expiry (epoch ms). Returns 1, or 0 if lost.
if not owns(ARGV[3], ARGV[4]) then
  return 0
end
redis.call('ZADD', LEASES, ARGV[5], ARGV[3])
return 1
