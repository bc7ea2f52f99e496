-- Admits one LLM call attempt against every limit at once, or against none
-- (docs/runtime/llm-gateway.md, "Budgets, quotas and rate limits"). Atomic: Redis runs a script
-- without interleaving other commands, so concurrent attempts cannot both pass the same check.
--
-- KEYS[1] reservations (hash: id -> "key=amount;key=amount"), KEYS[2] their deadlines (zset)
-- ARGV[1] now (ms), ARGV[2] reservation id, ARGV[3] deadline (ms), ARGV[4] number of limits,
-- then 6 values per limit: kind, key A, key B, limit (-1: none), amount, span
--   kind "total":  A = used counter, B = reserved counter, span = TTL of B in seconds;
--                  passes while used + reserved < limit, then reserves amount in B
--   kind "window": A = this window's counter, B = the previous window's, span = window in ms;
--                  passes while A + B * (unelapsed share of this window) < limit (a sliding
--                  window), then adds amount to A
-- Returns {1} when admitted, {0, index of the first limit that failed, its current value}.

local now = tonumber(ARGV[1])

-- Reservations of attempts that never settled (a process died mid-call) expire and are released.
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
for _, id in ipairs(expired) do
  local record = redis.call('HGET', KEYS[1], id)
  if record then
    for key, amount in string.gmatch(record, '([^=;]+)=([^;]+)') do
      redis.call('DECRBY', key, amount)
    end
    redis.call('HDEL', KEYS[1], id)
  end
  redis.call('ZREM', KEYS[2], id)
end

local count = tonumber(ARGV[4])
for i = 0, count - 1 do
  local base = 5 + i * 6
  local limit = tonumber(ARGV[base + 3])
  if limit >= 0 then
    local a = tonumber(redis.call('GET', ARGV[base + 1]) or '0')
    local b = tonumber(redis.call('GET', ARGV[base + 2]) or '0')
    local current
    if ARGV[base] == 'total' then
      current = a + b
    else
      local span = tonumber(ARGV[base + 5])
      current = a + b * (span - (now % span)) / span
    end
    if current >= limit then
      return {0, i + 1, string.format('%.0f', current)}
    end
  end
end

local record = {}
for i = 0, count - 1 do
  local base = 5 + i * 6
  local amount = ARGV[base + 4]
  if ARGV[base] == 'total' then
    redis.call('INCRBY', ARGV[base + 2], amount)
    redis.call('EXPIRE', ARGV[base + 2], ARGV[base + 5])
    table.insert(record, ARGV[base + 2] .. '=' .. amount)
  else
    redis.call('INCRBY', ARGV[base + 1], amount)
    redis.call('PEXPIRE', ARGV[base + 1], tonumber(ARGV[base + 5]) * 2)
  end
end
if #record > 0 then
  redis.call('HSET', KEYS[1], ARGV[2], table.concat(record, ';'))
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
end
return {1}
