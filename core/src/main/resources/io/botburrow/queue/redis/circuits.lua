-- Returns a flat list: agent, failures, open until (epoch ms), ... for circuits open now.
local all = redis.call('HGETALL', CB_UNTIL)
local out = {}
for i = 1, #all, 2 do
  if tonumber(all[i + 1]) > NOW then
    out[#out + 1] = all[i]
    out[#out + 1] = redis.call('HGET', CB_FAILURES, all[i]) or '0'
    out[#out + 1] = all[i + 1]
  end
end
return out
