-- Posts Prometheus-shaped alert batches to /api/v2/alerts: 100 alerts a request, drawn from
-- a key space of `fingerprints` distinct label sets, so most posts are re-sends (as Prometheus does).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- Klaxon needs a key with the ingest scope (KLAXON_API_KEY); Alertmanager ignores the header.
local key = os.getenv("KLAXON_API_KEY")
if key and key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end
local fingerprints = tonumber(os.getenv("FINGERPRINTS") or "100000")
local batch = tonumber(os.getenv("BATCH") or "100")
-- wrk runs this script once per thread, each with its own counter: the threads take turns
-- through one sequence (thread i sends counters i, i + THREADS, …) so that no two send the same
-- label set, and OFFSET (label sets already sent by earlier runs) starts a run where the last
-- one stopped, so a warm-up of several runs covers every label set once before repeating.
local threads = tonumber(os.getenv("THREADS") or "2")
local offset = tonumber(os.getenv("OFFSET") or "0")
local created = 0
function setup(thread)
  thread:set("id", created)
  created = created + 1
end
local counter = nil
request = function()
  if counter == nil then
    counter = offset + (id or 0) - threads
  end
  local parts = {}
  for i = 1, batch do
    counter = counter + threads
    local n = (counter * 7919) % fingerprints
    parts[i] = string.format(
      '{"labels":{"alertname":"DiskFull","instance":"host-%d","job":"node","severity":"warning"},' ..
      '"annotations":{"summary":"disk almost full on host-%d"},' ..
      '"startsAt":"2026-11-23T06:00:00Z","generatorURL":"http://prometheus/graph"}', n, n)
  end
  return wrk.format(nil, "/api/v2/alerts", nil, "[" .. table.concat(parts, ",") .. "]")
end
