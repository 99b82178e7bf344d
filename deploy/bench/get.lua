-- wrk script: GET the paths in WRK_PATHS (separated by spaces) in turn with the Bearer token WRK_TOKEN
-- (none when empty) and, when WRK_ORIGIN is set, that Origin header (a cross-origin widget request).
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS") or "/", "%S+") do table.insert(paths, p) end
local token = os.getenv("WRK_TOKEN") or ""
local origin = os.getenv("WRK_ORIGIN") or ""
local headers = {}
if token ~= "" then headers["Authorization"] = "Bearer " .. token end
if origin ~= "" then headers["Origin"] = origin end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], headers)
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.1f rate=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
