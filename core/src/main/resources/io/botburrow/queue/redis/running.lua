-- Returns a flat list: agent, activation JSON, owner, lease expiry, ... ordered by expiry.
local leases = redis.call('ZRANGE', LEASES, 0, -1, 'WITHSCORES')
local out = {}
for i = 1, #leases, 2 do
  local agent = leases[i]
  out[#out + 1] = agent
  out[#out + 1] = redis.call('HGET', RUNNING, agent) or ''
  out[#out + 1] = redis.call('HGET', OWNER, agent) or ''
  out[#out + 1] = leases[i + 1]
end
return out
