-- ARGV: 3 max attempts, 4 batch size. Redelivers or dead-letters activations whose lease expired.
local expired = redis.call('ZRANGEBYSCORE', LEASES, '-inf', num(NOW), 'LIMIT', 0, tonumber(ARGV[4]))
for _, agent in ipairs(expired) do
  local owner = redis.call('HGET', OWNER, agent) or '?'
  local json = finish_run(agent)
  redis.call('HINCRBY', STATS, 'lease_expirations', 1)
  if json then
    local runner = string.match(owner, '^(.*)|') or owner
    redeliver_or_bury(agent, json, 'lease expired (runner ' .. runner .. ')', tonumber(ARGV[3]))
  end
  make_claimable(agent)
end
return done(#expired)
