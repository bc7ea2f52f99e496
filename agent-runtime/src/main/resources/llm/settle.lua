-- Settles one admitted LLM call attempt: releases its reservation, adds what the call really used,
-- and reports budget thresholds crossed for the first time this period (docs/runtime/llm-gateway.md).
--
-- KEYS[1] reservations hash, KEYS[2] their deadlines, KEYS[3] thresholds already alerted (set),
-- KEYS[4] the alert stream
-- ARGV[1] reservation id, ARGV[2] now (ms), ARGV[3] period (such as 2026-11),
-- ARGV[4] number of counters, then per counter:
--   used key, amount, TTL (s), budget (100 %; -1: none), scope label, number of thresholds n,
--   then n pairs: percent, amount at which it is reached
-- then the number of window adjustments, then per adjustment: key, delta, TTL (ms)
-- Returns {after_1, overage_1, ..., after_c, overage_c, alerts..., each "scope|percent|after"}:
-- overage is the part of this call above the budget (billed at 1.5x).

local record = redis.call('HGET', KEYS[1], ARGV[1])
if record then
  for key, amount in string.gmatch(record, '([^=;]+)=([^;]+)') do
    redis.call('DECRBY', key, amount)
  end
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
end

local result = {}
local alerts = {}
local index = 5
local counters = tonumber(ARGV[4])
for c = 1, counters do
  local key, amount, ttl = ARGV[index], ARGV[index + 1], ARGV[index + 2]
  local budget, scope, n = tonumber(ARGV[index + 3]), ARGV[index + 4], tonumber(ARGV[index + 5])
  local after = redis.call('INCRBY', key, amount)
  redis.call('EXPIRE', key, ttl)
  local before = after - tonumber(amount)
  local overage = 0
  if budget >= 0 and after > budget then
    overage = after - math.max(before, budget)
  end
  table.insert(result, string.format('%.0f', after))
  table.insert(result, string.format('%.0f', overage))
  for t = 0, n - 1 do
    local percent = ARGV[index + 6 + t * 2]
    local reachedAt = tonumber(ARGV[index + 7 + t * 2])
    if after >= reachedAt and redis.call('SADD', KEYS[3], scope .. '|' .. percent) == 1 then
      redis.call('EXPIRE', KEYS[3], ttl)
      redis.call('XADD', KEYS[4], 'MAXLEN', '~', '10000', '*',
        'type', 'budget.threshold_crossed', 'scope', scope, 'percent', percent,
        'period', ARGV[3], 'spent_nano_usd', string.format('%.0f', after),
        'budget_nano_usd', string.format('%.0f', budget), 'at_ms', ARGV[2])
      table.insert(alerts, scope .. '|' .. percent .. '|' .. string.format('%.0f', after))
    end
  end
  index = index + 6 + n * 2
end

local windows = tonumber(ARGV[index])
index = index + 1
for w = 1, windows do
  redis.call('INCRBY', ARGV[index], ARGV[index + 1])
  redis.call('PEXPIRE', ARGV[index], ARGV[index + 2])
  index = index + 3
end

for _, alert in ipairs(alerts) do
  table.insert(result, alert)
end
return result
