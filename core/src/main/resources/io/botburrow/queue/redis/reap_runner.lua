-- ARGV: 3 max attempts, 4 runner id. Takes back every activation whose lease the runner holds, as if
-- the lease had expired: another attempt, or the dead letters.
local runner = ARGV[4]
local prefix = runner .. '|'
local owners = redis.call('HGETALL', OWNER)
local reaped = 0
for i = 1, #owners, 2 do
  local agent, owner = owners[i], owners[i + 1]
  if string.sub(owner, 1, #prefix) == prefix then
    local json = finish_run(agent)
    if json then
      redeliver_or_bury(agent, json, 'runner ' .. runner .. ' missed its heartbeats', tonumber(ARGV[3]))
    end
    make_claimable(agent)
    reaped = reaped + 1
  end
end
return done(reaped)
