-- Returns the owner (runner id|activation id) of every running activation.
return redis.call('HVALS', OWNER)
