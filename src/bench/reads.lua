-- GET requests for wrk, from a file of lines "path<TAB>bearer token" (the token may be empty),
-- taken in turn; each thread starts at its own place in the file.
--   wrk ... -s reads.lua <url> -- <requests file> [htmx]
-- The summary goes, as JSON, to the file named by BENCH_WRK_OUT.
local threads = {}

function setup(thread)
    thread:set("index", #threads)
    table.insert(threads, thread)
end

function init(args)
    local extra = {}
    if args[2] == "htmx" then
        extra["HX-Request"] = "true"
    end
    requests = {}
    for line in io.lines(args[1]) do
        local path, token = line:match("^([^\t]*)\t?(.*)$")
        local headers = {}
        for k, v in pairs(extra) do headers[k] = v end
        if token ~= nil and token ~= "" then
            headers["Authorization"] = "Bearer " .. token
        end
        table.insert(requests, wrk.format("GET", path, headers))
    end
    position = (index * 7919) % #requests
end

function request()
    position = position % #requests + 1
    return requests[position]
end

function done(summary, latency, requests)
    local out = assert(io.open(os.getenv("BENCH_WRK_OUT"), "w"))
    out:write(string.format(
        '{"duration_us": %d, "requests": %d, "bytes": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ',
        summary.duration, summary.requests, summary.bytes, summary.errors.connect, summary.errors.read,
        summary.errors.write, summary.errors.status, summary.errors.timeout))
    out:write(string.format(
        '"latency_us": {"min": %d, "mean": %.1f, "stdev": %.1f, "max": %d, "p50": %d, "p75": %d, "p90": %d, "p95": %d, "p99": %d, "p999": %d}}\n',
        latency.min, latency.mean, latency.stdev, latency.max, latency:percentile(50), latency:percentile(75),
        latency:percentile(90), latency:percentile(95), latency:percentile(99), latency:percentile(99.9)))
    out:close()
end
