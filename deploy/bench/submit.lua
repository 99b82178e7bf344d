-- wrk script: POST one NPS submission per request, each with its own Idempotency-Key.
-- Optional: WRK_DELAY_MS (environment) pauses each connection between requests (rate-limited load).
local counter = 0
local threads = {}
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = string.format("bench-%d-%d-%d", os.time(), tid, math.random(1, 1000000000))
end

function request()
  counter = counter + 1
  local body = string.format('{"answers": {"nps": %d}, "locale": "en"}', counter % 11)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = prefix .. "-" .. counter
  }, body)
end

if delay_ms > 0 then
  function delay() return delay_ms end
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT requests=%d seconds=%.1f rate=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    non2xx + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
