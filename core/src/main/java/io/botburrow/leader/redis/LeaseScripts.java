package io.botburrow.leader.redis;

/** Lua for the leader lease: KEYS[1] the lease hash (owner, token), KEYS[2] the fencing counter. */
final class LeaseScripts {
  private LeaseScripts() {}

  /**
   * ARGV: instance, TTL ms, highest token this instance has seen. Returns {1, token} when this call
   * started a new term, else {0, the holder's token}. Only the instance that takes the lease here may
   * seed the counter, in the same atomic step. When Redis lost the counter (a restart without
   * persistence or a flush) it is seeded above both the highest token this instance saw and Redis'
   * clock in milliseconds, so that the new term's token is above every token issued before the loss
   * even when this instance never saw them; the queue accepts only the current term's token.
   */
  static final String ACQUIRE =
      """
      local owner = redis.call('HGET', KEYS[1], 'owner')
      if owner and owner ~= ARGV[1] then
        return {0, tonumber(redis.call('HGET', KEYS[1], 'token') or '0')}
      end
      local seen = tonumber(ARGV[3])
      local current = tonumber(redis.call('GET', KEYS[2]) or '')
      if not current then
        local time = redis.call('TIME')
        current = math.max(seen, tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000))
      elseif current < seen then
        current = seen
      end
      local token = string.format('%.0f', current + 1)
      redis.call('SET', KEYS[2], token)
      redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'token', token)
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return {1, tonumber(token)}
      """;

  /** ARGV: instance, TTL ms, token. Returns 1 if the lease is still this term's and was extended. */
  static final String RENEW =
      """
      if redis.call('HGET', KEYS[1], 'owner') == ARGV[1]
          and redis.call('HGET', KEYS[1], 'token') == ARGV[3] then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
      end
      return 0
      """;

  /** ARGV: instance, token. Deletes the lease if it is still this term's. */
  static final String RELEASE =
      """
      if redis.call('HGET', KEYS[1], 'owner') == ARGV[1]
          and redis.call('HGET', KEYS[1], 'token') == ARGV[2] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """;
}
