-- Hold -> confirm -> cancel cycles for wrk, as a patient's browser posts them without htmx (each
-- step answers 303). Run with as many threads as connections (-t N -c N): each thread then has one
-- connection and plays one patient at a time through its cycle. Thread k takes every N-th login of
-- the users file (lines "bearer token<TAB>csrf cookie<TAB>csrf token") and every N-th slot of the
-- slots file (lines "slot<TAB>service"), so no two threads ever hold the same slot; a cancelled
-- slot is free again, so a thread that runs out of slots starts over.
--   wrk -t N -c N ... -s cycles.lua <url> -- <users file> <slots file> <N>
local threads = {}

function setup(thread)
    thread:set("index", #threads)
    table.insert(threads, thread)
end

function init(args)
    local count = tonumber(args[3])
    users, slots = {}, {}
    local n = 0
    for line in io.lines(args[1]) do
        if n % count == index then
            local token, cookie, csrf = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
            local headers = {["Authorization"] = "Bearer " .. token,
                             ["Content-Type"] = "application/x-www-form-urlencoded"}
            if csrf ~= "" then
                headers["X-CSRF-TOKEN"] = csrf
                headers["Cookie"] = "csrf-token=" .. cookie
            end
            table.insert(users, headers)
        end
        n = n + 1
    end
    n = 0
    for line in io.lines(args[2]) do
        if n % count == index then
            local slot, service = line:match("^(%d+)\t(%d+)")
            table.insert(slots, "slot=" .. slot .. "&service=" .. service)
        end
        n = n + 1
    end
    user, slot, step, appointment, ok = 1, 1, "hold", nil, true
    cycles, failed, refused = 0, 0, 0
    -- answers other than the expected 303, by step and status, e.g. "confirm 409"
    unexpected = ""
end

local function note(status)
    if #unexpected < 400 then
        unexpected = unexpected .. step .. " " .. status .. "; "
    end
end

function request()
    local headers = users[user]
    if step == "hold" then
        return wrk.format("POST", "/appointments", headers, slots[slot])
    elseif step == "confirm" then
        return wrk.format("POST", "/appointments/" .. appointment .. "/confirm", headers, "")
    else
        return wrk.format("POST", "/appointments/" .. appointment .. "/cancel", headers, "reason=benchmark")
    end
end

local function next_cycle()
    if ok then cycles = cycles + 1 else failed = failed + 1 end
    user = user % #users + 1
    slot = slot % #slots + 1
    step, appointment, ok = "hold", nil, true
end

function response(status, headers, body)
    if step == "hold" then
        local location = headers["Location"] or headers["location"]
        appointment = status == 303 and location and location:match("/appointments/(%d+)")
        if appointment then
            step = "confirm"
        else
            note(status)
            refused = refused + 1
            ok = false
            next_cycle()
        end
    elseif step == "confirm" then
        -- a failed confirm still leaves a hold to release
        if status ~= 303 then ok = false; note(status) end
        step = "cancel"
    else
        if status ~= 303 then ok = false; note(status) end
        next_cycle()
    end
end

function done(summary, latency, requests)
    local c, f, r, u = 0, 0, 0, ""
    for _, thread in ipairs(threads) do
        u = u .. thread:get("unexpected")
        c = c + thread:get("cycles")
        f = f + thread:get("failed")
        r = r + thread:get("refused")
    end
    local out = assert(io.open(os.getenv("BENCH_WRK_OUT"), "w"))
    out:write(string.format(
        '{"duration_us": %d, "requests": %d, "bytes": %d, "cycles": %d, "failed_cycles": %d, "refused_holds": %d, "unexpected": "%s", ',
        summary.duration, summary.requests, summary.bytes, c, f, r, u:sub(1, 600)))
    out:write(string.format('"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ',
        summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
    out:write(string.format(
        '"latency_us": {"min": %d, "mean": %.1f, "stdev": %.1f, "max": %d, "p50": %d, "p75": %d, "p90": %d, "p95": %d, "p99": %d, "p999": %d}}\n',
        latency.min, latency.mean, latency.stdev, latency.max, latency:percentile(50), latency:percentile(75),
        latency:percentile(90), latency:percentile(95), latency:percentile(99), latency:percentile(99.9)))
    out:close()
end
