-- ARGV: 3 dead activation id. Returns 1 when the dead letter was put back (attempt 1), else 0.
local id = ARGV[3]
local json = redis.call('HGET', DEAD, id)
if not json then
  return done(0)
end
redis.call('HDEL', DEAD, id)
redis.call('HDEL', DEAD_ERRORS, id)
redis.call('ZREM', DEAD_ORDER, id)
json = string.gsub(json, '"attempt":%d+', '"attempt":1', 1)
local doc = cjson.decode(json)
-- the queue's name of the agent: tenant/agent outside the default tenant (Activation.queueKey)
local agent = doc.tenant and (doc.tenant .. '/' .. doc.agent) or doc.agent
put_back(agent, kind_of(json), json, base_score(json))
make_claimable(agent)
return done(1)
